import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanGenerators
@testable import TrackplanImport

/// `trackplan import`: a container in the API's camelCase form with everything a plan cannot
/// say, the real Segment, RudderStack and Amplitude plans, `--merge-into`, and the command.
@Suite struct ImportTests {
    static let fixture = TestPaths.root.appendingPathComponent("Tests/Fixtures/import/api-container.json")

    static func importFixture() throws -> ImportResult {
        try Importer.importSource([UInt8](Data(contentsOf: fixture)), source: "api-container.json")
    }

    @Test func apiContainerImportsWithEverythingUnmappableKeptVisible() throws {
        let result = try Self.importFixture()
        let text = PlanWriter().write(result.plan, comments: result.comments)
        #expect(text == Self.expectedYAML)
        let loaded = Harness.load(["plan.yaml": text])
        #expect(!loaded.hasErrors, "\(Harness.lines(loaded.diagnostics))")
        #expect(loaded.plan == result.plan)
        // Every tag, trigger and variable has exactly one line in the report.
        let lines = result.report.entries.filter { ["tag", "trigger", "variable"].contains($0.entity) }
        #expect(lines.map { "\($0.entity) \($0.id ?? "") \($0.outcome.rawValue)" } == [
            "tag 1 imported", "tag 2 partial", "tag 3 partial", "tag 4 imported", "tag 5 partial", "tag 6 not-imported",
            "tag 7 not-imported", "tag 8 partial", "tag 9 partial", "tag 20 not-imported", "tag 21 not-imported",
            "trigger 10 imported", "trigger 11 imported", "trigger 12 imported", "trigger 13 imported", "trigger 14 imported",
            "trigger 15 imported", "trigger 16 imported", "trigger 17 imported", "trigger 18 not-imported",
            "variable 30 imported", "variable 31 imported", "variable 32 imported", "variable 33 not-imported",
        ])
        #expect(result.report.entries.first { $0.id == "9" }?.note == "the event `checkout_step`; the trigger `Checkout steps` (id 17, CUSTOM_EVENT) is not mapped: it matches the dataLayer event with {{_event}} match regex `checkout_step_[0-9]+`, and a plan's `custom` trigger names one event")
    }

    /// The same container with the UI export's UPPER_SNAKE types gives the same plan.
    @Test func uppercaseAndLowercaseTypesImportAlike() throws {
        func upper(_ value: JSONValue, key: String? = nil) -> JSONValue {
            switch value {
            case .object(let members):
                return .object(members.map { m in
                    if m.key == "type", case .string(let s) = m.value, key != "tag", key != "variable" {
                        return JSONMember("type", .string(GTMContainer.upperSnake(s)))
                    }
                    return JSONMember(m.key, upper(m.value, key: ["tag", "variable"].contains(m.key) ? m.key : (key == "tag" || key == "variable") && m.key != "parameter" ? key : nil))
                })
            case .array(let items): return .array(items.map { upper($0, key: key) })
            default: return value
            }
        }
        let json = try JSONByteParser.parse([UInt8](Data(contentsOf: Self.fixture)))
        let uppercased = upper(json)
        #expect(uppercased.serialized().contains("\"CUSTOM_EVENT\""))
        #expect(uppercased.serialized().contains("\"gaawe\""))
        let a = GTMImporter().importContainer(json, source: "a"), b = GTMImporter().importContainer(uppercased, source: "a")
        #expect(a.plan == b.plan)
        #expect(a.comments == b.comments)
    }

    @Test func unreadableSourcesAreLocatedErrors() throws {
        func message(_ text: String, format: ImportFormat? = nil) -> String {
            do {
                _ = try Importer.importSource(Array(text.utf8), source: "in.json", format: format)
                return "imported"
            } catch { return error.description }
        }
        #expect(message("{\"containerVersion\": {\n  \"tag\": [}") == "in.json: not a format `trackplan import` reads (a GTM container export, a Segment or RudderStack plan, an Amplitude Data CSV export); name it with `--format` if it is one")
        #expect(message("{\"containerVersion\": {\n  \"tag\": [}", format: .gtm).hasPrefix("in.json:2:11: not JSON: "))
        #expect(message("{\"rules\": {}}", format: .segment) == "in.json: not a Segment tracking plan (`rules` is not a list of rules)")
        #expect(message("a,b\n1,2\n", format: .amplitudeCSV) == "in.json:1: not an Amplitude Data CSV export: the columns `Object Type`, `Object Name`, `Event Property Name` are missing")
    }

    @Test func namesGA4RejectsAreRenamedAndCollisionsReported() {
        var names = GA4Names()
        #expect(names.name(for: "Order Completed").name == "order_completed")
        #expect(names.name(for: "order_completed").name == "order_completed_2")
        #expect(names.name(for: "2FA Page Viewed").name == "n_2fa_page_viewed")
        #expect(names.name(for: "[Amplitude] Page Viewed").name == "amplitude_page_viewed")
        #expect(names.name(for: "%5BAppsFlyer%5D%20content_view").name == "apps_flyer_content_view")
        #expect(names.name(for: "addNickname_selected").name == "addNickname_selected")
        let duplicate = names.name(for: "addNickName_selected")
        #expect(duplicate.name == "add_nick_name_selected")
        #expect(duplicate.renaming?.reason == "differs from `addNickname_selected` only in case, which GA4 reports mix up")
        #expect(GA4Names.snakeCase(String(repeating: "Very Long Words ", count: 6)) == "very_long_words_very_long_words_very")
    }

    static let plans = "realworld/plans"

    static func reference() throws -> [String: [String: Int]] {
        let run = try PythonScript.run("import_reference.py", [TestPaths.shared.appendingPathComponent(plans).path])
        #expect(run.status == 0)
        var out: [String: [String: Int]] = [:]
        for line in run.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            var counts: [String: Int] = [:]
            for pair in parts.dropFirst() {
                let kv = pair.split(separator: "=")
                if kv.count == 2 { counts[String(kv[0])] = Int(kv[1]) }
            }
            out[String(name)] = counts
        }
        return out
    }

    static func importReal(_ name: String) throws -> ImportResult {
        let url = TestPaths.shared.appendingPathComponent(plans + "/" + name)
        return try Importer.importSource([UInt8](Data(contentsOf: url)), source: name)
    }

    static func expectLoads(_ result: ImportResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = PlanWriter().write(result.plan, comments: result.comments)
        let loaded = Harness.load(["plan.yaml": text], sourceLocation: sourceLocation)
        #expect(!loaded.hasErrors, "\(Harness.lines(loaded.diagnostics).prefix(3))", sourceLocation: sourceLocation)
        #expect(loaded.plan == result.plan, sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: Requirement.shared(plans), Requirement.sharedReason(plans)))
    func realSegmentRudderStackAndAmplitudePlansImportAndLoad() throws {
        let reference = try Self.reference()

        let webflow = try Self.importReal("webflow-current-rules.json")
        #expect(webflow.report.format == .segment)
        #expect(webflow.plan.events.count == reference["webflow-current-rules.json"]?["events"])
        #expect(webflow.report.entries.filter { $0.entity == "event" && $0.outcome == .renamed }.count == reference["webflow-current-rules.json"]?["invalid_names"])
        #expect(webflow.plan.events.allSatisfy { GA4Names.isValid($0.name) })
        #expect(webflow.plan.events.first?.name == "n_2fa_page_viewed")
        #expect(webflow.plan.events.first?.description == "(Originally `2FA Page Viewed`.)")
        Self.expectLoads(webflow)

        let contentful = try Self.importReal("contentful-plan.json")
        #expect(contentful.plan.name == "starter-templates")
        #expect(contentful.plan.events.map(\.name) == ["content_model_interacted", "guest_space_active", "preview_mode_interacted", "toolbox_interacted", "xray_mode_interacted"])
        #expect(contentful.plan.events.count == reference["contentful-plan.json"]?["events"])
        let interacted = try #require(contentful.plan.event("content_model_interacted"))
        #expect(interacted.params.map { "\($0.name):\($0.type.rawValue):\($0.required)" } == ["entryInternalName:string:false", "entryLink:string:true", "entryTypeName:string:true"])
        #expect(interacted.description == "Fired when a user clicks any of the links to the content models visible when the x-ray mode is active.")
        Self.expectLoads(contentful)

        let shippit = try Self.importReal("shippit-trackingPlan.json")
        #expect(shippit.report.format == .rudderstack)
        #expect(shippit.plan.events.count == reference["shippit-trackingPlan.json"]?["events"])
        #expect(shippit.plan.events.map(\.name).filter { $0.hasPrefix("rules_engine_updated") } == ["rules_engine_updated", "rules_engine_updated_2"])
        #expect(shippit.report.entries.contains { $0.note == "imported as `rules_engine_updated_2`: not a GA4 name; `rules_engine_updated` was taken by `rules_engine_updated`" })
        #expect(shippit.report.entries.filter { $0.type == "array" }.allSatisfy { $0.outcome == .notImported })
        Self.expectLoads(shippit)

        let kavak = try Self.importReal("kavak-amplitude_events.csv")
        let counts = try #require(reference["kavak-amplitude_events.csv"])
        #expect(kavak.report.format == .amplitudeCSV)
        #expect(kavak.plan.events.count == counts["events"])
        #expect(kavak.report.entries.filter { $0.entity == "event" && ($0.type == "DELETED" || $0.type == "BLOCKED") }.count == counts["dropped"])
        #expect(kavak.plan.events.filter { $0.status == .implemented }.count == counts["implemented"])
        let duplicates = kavak.report.entries.filter { $0.note == "listed twice on the event" }.count
        #expect(kavak.plan.events.map(\.params.count).reduce(0, +) + duplicates == counts["property_rows"])
        #expect(kavak.report.entries.filter { $0.entity == "property" && $0.type == "array" }.count == counts["array_rows"])
        #expect(kavak.plan.events.allSatisfy { GA4Names.isValid($0.name) })
        Self.expectLoads(kavak)
    }

    @Test func mergeAddsWhatIsMissingAndKeepsWhatThePlanSays() throws {
        let existing = try PlanWriterTests.loadExample("online-store.yaml")
        // The site's container: the plan with one more event, one more parameter, and a trigger changed.
        var site = existing
        site.events.append(Event(name: "store_locator_open") { $0.trigger = Located(.click(selector: "a.store-locator")) })
        let i = try #require(site.events.firstIndex { $0.name == "size_guide_open" })
        site.events[i].params.append(Param(name: "size_system", source: .dataLayer("size.system")))
        site.events[i].trigger = Located(.click(selector: "button.size-chart"))
        let container = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: site)).container
        let imported = GTMImporter().importContainer(container, source: "site.json")
        let merged = PlanMerger.merge(imported, into: existing, existingPath: "online-store.yaml")

        #expect(merged.plan.events.map(\.name) == existing.events.map(\.name) + ["store_locator_open"])
        let sizeGuide = try #require(merged.plan.event("size_guide_open"))
        #expect(sizeGuide.trigger.value == .click(selector: "button.size-guide"))  // kept
        #expect(sizeGuide.params.map(\.name) == ["size_system"])  // added
        for event in existing.events where event.name != "size_guide_open" { #expect(merged.plan.event(event.name) == event) }
        #expect(merged.report.entries.filter { $0.outcome == .conflict }.map(\.note) == [
            "the source fires it on `click: {selector: button.size-chart}`, the plan on `click: {selector: button.size-guide}`; kept the existing plan's",
        ])
        #expect(merged.report.entries.filter { $0.outcome == .added }.map { "\($0.entity) \($0.name)" } == [
            "parameter size_guide_open.size_system", "event store_locator_open",
        ])
        #expect(merged.comments[.event("size_guide_open")] == ["import: the source fires it on `click: {selector: button.size-chart}`, the plan on `click: {selector: button.size-guide}` (kept this plan's)"])
        Self.expectLoads(merged)
    }

    static func importFixture(_ name: String) throws -> ImportResult {
        let url = TestPaths.root.appendingPathComponent("Tests/Fixtures/import/" + name)
        return try Importer.importSource([UInt8](Data(contentsOf: url)), source: name)
    }

    @Test func segmentRulesImportAsPinned() throws {
        let result = try Self.importFixture("segment-rules.json")
        #expect(result.report.format == .segment)
        let text = PlanWriter().write(result.plan, comments: result.comments)
            .replacingOccurrences(of: "`segment-rules.json`", with: "`Tests/Fixtures/import/segment-rules.json`")
        #expect(text == Self.expectedSegmentYAML)
        Self.expectLoads(result)
        #expect(result.report.entries.filter { $0.outcome == .notImported }.map { "\($0.name): \($0.note)" } == [
            "order_completed.products: an array: GA4 parameters hold single values (only e-commerce `items` is an array)",
        ])
        #expect(result.report.entries.first { $0.type == "object" }?.note == "an object: flattened into 1 parameter(s) named `payment_…`")
    }

    @Test func rudderStackAndAmplitudeFixturesImport() throws {
        let rudder = try Self.importFixture("rudderstack-plan.json")
        #expect(rudder.report.format == .rudderstack)
        #expect(rudder.plan.name == "Shop plan")
        let viewed = try #require(rudder.plan.event("product_viewed"))
        #expect(viewed.params.map { "\($0.name):\($0.type.rawValue):\($0.required):\($0.minimum?.value ?? -1):\($0.maximum?.value ?? -1)" }
                == ["sku:string:true:-1.0:-1.0", "price:number:false:-1.0:10000.0", "in_stock:boolean:false:-1.0:-1.0", "quantity:integer:false:1.0:-1.0"])
        #expect(viewed.stage?.value == "consideration")
        #expect(rudder.comments[.eventKey(event: "product_viewed", key: "stage")] == ["proposed: `product_viewed` means GA4's `view_item`, a recommended event of this stage"])
        Self.expectLoads(rudder)

        let amplitude = try Self.importFixture("amplitude-export.csv")
        #expect(amplitude.plan.events.map(\.name) == ["amplitude_page_viewed", "signupStarted"])
        let page = try #require(amplitude.plan.event("amplitude_page_viewed"))
        #expect(page.owner == "web@shop.example")
        #expect(page.status == .implemented)
        #expect(page.params.map { "\($0.name):\($0.type.rawValue):\($0.required):\($0.pattern?.value ?? "-")" } == ["page_path:string:true:^/.*", "scroll_depth:integer:false:-"])
        #expect(amplitude.plan.event("signupStarted")?.params.first?.values?.map(\.value) == [.string("free"), .string("pro")])
        #expect(amplitude.comments[.event("signupStarted")] == ["Amplitude category: Signup", "Amplitude status UNEXPECTED: seen in the data but not planned there."])
        #expect(amplitude.report.entries.filter { $0.outcome == .notImported }.map { "\($0.id ?? ""): \($0.name): \($0.note)" } == [
            "line 5: amplitude_page_viewed.tabs: an array: GA4 parameters hold single values",
            "line 8: legacy_event: deleted in Amplitude",
        ])
        Self.expectLoads(amplitude)
    }

    static let expectedSegmentYAML = """
    # yaml-language-server: $schema=./trackplan.schema.json
    #
    # Imported from the Segment tracking plan `Tests/Fixtures/import/segment-rules.json` by `trackplan import`.
    # Names GA4 rejects (it takes letters, digits and `_`, starting with a letter, at most 40 characters)
    # were renamed to snake_case; each says its original. Review them and what was proposed
    # (`# proposed:`), then run `trackplan lint` on this plan.
    trackplan: 1
    name: segment-rules
    user_properties:
      plan: {type: string, values: [free, pro]}

    # Proposed stages: a Segment tracking plan has no funnel. Assign each event's `stage`, or change these.
    stages:
      - id: awareness
        name: Discover
        description: Visitors arrive and look around.
      - id: consideration
        name: Evaluate
        description: Visitors compare, read and try.
      - id: decision
        name: Decide
        description: 'Visitors commit: cart, checkout, sign-up, lead.'

    events:
      # Renamed from `Order Completed` (not a GA4 name).
      order_completed:
        kind: macro  # proposed: a GA4 conversion event, so a macro-conversion and key event
        stage: decision  # proposed: `order_completed` means GA4's `purchase`, a recommended event of this stage
        description: A customer paid. (Originally `Order Completed`.)
        params:
          order_id: {type: string, required: true, pattern: '^ORD-[0-9]+$', description: The order's id.}
          total: {type: number, min: 0}
          # renamed from `coupon code` (not a GA4 name); `coupon code` has spaces or quotes, so the plan reads the data layer key `coupon_code`.
          coupon_code: {type: string, description: (Originally `coupon code`.)}
          payment_method: {type: string, values: [card, paypal], from: payment.method}
      # Renamed from `order completed` (not a GA4 name; `order_completed` was taken by `order_completed`).
      order_completed_2:
        description: (Originally `order completed`.)
      # Renamed from `Old Banner Clicked` (not a GA4 name).
      old_banner_clicked:
        description: (Originally `Old Banner Clicked`.)
        status: deprecated

    """

    static let expectedYAML = """
    # yaml-language-server: $schema=./trackplan.schema.json
    #
    # Imported from the GTM container `Acme Web` (GTM-ACME123) by `trackplan import`.
    # Review what was proposed (`# proposed:`) and what was not imported, then run `trackplan lint` on this plan.
    trackplan: 1
    name: Acme Web
    ga4:
      measurement_id: G-ACME12345
    gtm: {public_id: GTM-ACME123}

    # Proposed stages: GTM has no funnel. Assign each event's `stage`, or change these.
    stages:
      - id: awareness
        name: Discover
        description: Visitors arrive and look around.
      - id: consideration
        name: Evaluate
        description: Visitors compare, read and try.
      - id: decision
        name: Decide
        description: 'Visitors commit: cart, checkout, sign-up, lead.'

    page_types:
      pricing:
        match: {path_prefix: /pricing}
      demo:
        match: {path: /demo}

    events:
      # From the GTM tag `GA4 - sign_up` (id 2).
      # GTM blocks it when the trigger `Internal traffic` (id 11, CUSTOM_EVENT) fires (an exception), which a plan cannot say.
      sign_up:
        kind: macro  # proposed: a GA4 conversion event, so a macro-conversion and key event
        stage: decision  # proposed: `sign_up` is a GA4 recommended event of this stage
        consent: [analytics_storage]
        trigger:
          custom: {event: signup_complete}
        params:
          method: {type: string, from: signup.method}
          # GTM maps {{DLV - signup.plan}} through the Lookup Table `Lookup - tier` (id 32); its outputs are the allowed values, and the plan reads the result from the data layer: push it there or change `from`.
          plan_tier: {type: string, values: [pro, free]}
      # From the GTM tag `GA4 - pricing scroll` (id 3).
      # GTM fires the tag `Consent check` before it (tag sequencing), which a plan cannot say.
      pricing_scroll:
        pages: [pricing]
        trigger:
          scroll: {percent: [50, 90]}
        params:
          percent_scrolled: {type: number, from: builtin:scroll_depth_threshold}
      # From the GTM tag `GA4 - demo form` (id 4).
      generate_lead:
        kind: macro  # proposed: a GA4 conversion event, so a macro-conversion and key event
        stage: decision  # proposed: `generate_lead` is a GA4 recommended event of this stage
        pages: [demo]
        trigger:
          form_submit: {form_id: demo-request}
      # From the GTM tag `GA4 - ecommerce` (id 5).
      add_to_cart:
        stage: decision  # proposed: `add_to_cart` is a GA4 recommended event of this stage
        leads_to: purchase  # proposed: an e-commerce step toward `purchase`
        params:
          # From the tag's "Send Ecommerce data": GTM sends the latest `ecommerce` object's items.
          items: {type: items}
      # From the GTM tag `GA4 - ecommerce` (id 5).
      purchase:
        kind: macro  # proposed: a GA4 conversion event, so a macro-conversion and key event
        stage: decision  # proposed: `purchase` is a GA4 recommended event of this stage
        params:
          # From the tag's "Send Ecommerce data": GTM sends the latest `ecommerce` object's items.
          items: {type: items}
      # From the GTM tag `GA4 - spa navigation` (id 8).
      virtual_page_view:
        trigger:  # not mapped: GTM fires it on the trigger `History change` (id 16, HISTORY_CHANGE): it is a History Change trigger (single-page app navigation), which a plan event cannot express; the plan assumes a dataLayer event `virtual_page_view`
          custom: {event: virtual_page_view}
      # From the GTM tag `GA4 - checkout steps` (id 9).
      checkout_step:
        trigger:  # not mapped: GTM fires it on the trigger `Checkout steps` (id 17, CUSTOM_EVENT): it matches the dataLayer event with {{_event}} match regex `checkout_step_[0-9]+`, and a plan's `custom` trigger names one event; the plan assumes a dataLayer event `checkout_step`
          custom: {event: checkout_step}
      # Not imported: tag `GA4 - video` (id 6), GA4 event: its event name is the variable `video_{{DLV - video.status}}`, so the events it sends are known only at run time; add them to the plan by name.
      # Not imported: tag `GA4 - old promo` (id 7), GA4 event: the tag is paused.
      # Not imported: tag `Hotjar` (id 20), Custom HTML: a Custom HTML tag runs its own code; if it pushes dataLayer events or sends hits, add those events to the plan.
      # Not imported: tag `UA - pageview` (id 21), Universal Analytics: Universal Analytics stopped processing data in July 2023; plan its events as GA4 events.

    """
}

/// The `trackplan import` command.
@Suite struct ImportCommandTests {
    @Test func importWritesThePlanTheSchemaAndTheReport() throws {
        let dir = try TempDirectory()
        let run = try CLI.run(["import", ImportTests.fixture.path, "-o", "site/plan.yaml", "--report", "site/import.json"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == """
        imported GTM container export `\(ImportTests.fixture.path)` → site/plan.yaml: 7 event(s), 2 page type(s)
          tag gaawe: 8 (1 imported, 5 partial, 2 not imported)
          tag googtag: 1 (1 imported)
          tag html: 1 (1 not imported)
          tag ua: 1 (1 not imported)
        report: 15 imported, 6 partial, 6 not imported, 11 proposed
        lint: 24 warnings, 1 info in 1 plan (run `trackplan lint site/plan.yaml` for the findings: what is left to decide)

        """)
        let plan = try String(contentsOf: dir.url.appendingPathComponent("site/plan.yaml"), encoding: .utf8)
        #expect(plan.hasPrefix("# yaml-language-server: $schema=./trackplan.schema.json\n"))
        let schema = try String(contentsOf: dir.url.appendingPathComponent("site/trackplan.schema.json"), encoding: .utf8)
        #expect(schema == EmbeddedSchema.json)
        let report = try JSONByteParser.parse([UInt8](Data(contentsOf: dir.url.appendingPathComponent("site/import.json"))))
        #expect(report["schema"] == .string("trackplan.import/1"))
        #expect(report["entries"]?.items.count == 38)
        // The written plan lints like any plan.
        let lint = try CLI.run(["lint", "site/plan.yaml"], in: dir.url)
        #expect(lint.status == 0)
        #expect(lint.stdout.hasSuffix("24 warnings, 1 info in 1 plan\n"))
    }

    @Test func splitWritesOneFilePerPageType() throws {
        let dir = try TempDirectory()
        let run = try CLI.run(["import", ImportTests.fixture.path, "-o", "plan.yaml", "--split", "page-type", "--schema", "none"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 4 files: plan.yaml and events/site-wide.yaml, events/pricing.yaml, events/demo.yaml\n"))
        let root = try String(contentsOf: dir.url.appendingPathComponent("plan.yaml"), encoding: .utf8)
        #expect(root.contains("include:\n  - events/site-wide.yaml\n  - events/pricing.yaml\n  - events/demo.yaml\n"))
        #expect(!root.contains("yaml-language-server"))
        // What was not imported is said once, in the root.
        #expect(root.contains("\n# Not imported: tag `Hotjar` (id 20), Custom HTML:"))
        let included = try ["site-wide", "pricing", "demo"].map { try String(contentsOf: dir.url.appendingPathComponent("events/\($0).yaml"), encoding: .utf8) }
        #expect(included.allSatisfy { !$0.contains("Not imported: tag") })
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("trackplan.schema.json").path))
        let pricing = try String(contentsOf: dir.url.appendingPathComponent("events/pricing.yaml"), encoding: .utf8)
        #expect(pricing.hasPrefix("# Events of page type `pricing`, included by the plan's root file.\n\nevents:\n"))
        #expect(try CLI.run(["lint", "plan.yaml"], in: dir.url).status == 0)
    }

    @Test func badInputAndUsageErrors() throws {
        let dir = try TempDirectory(["broken.json": "{\"containerVersion\": {\n  \"tag\": [}", "plan.yaml": "trackplan: 1\nname: X\nstages: [{id: a}]\n"])
        let broken = try CLI.run(["import", "broken.json", "--format", "gtm"], in: dir.url)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("error: broken.json:2:11: not JSON: "))
        let unknown = try CLI.run(["import", "plan.yaml"], in: dir.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: plan.yaml: not a format `trackplan import` reads"))
        let missing = try CLI.run(["import", "nothing.json"], in: dir.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: cannot read `nothing.json`"))
        let inPlace = try CLI.run(["import", ImportTests.fixture.path, "--merge-into", "plan.yaml", "-o", "./plan.yaml"], in: dir.url)
        #expect(inPlace.status == 64)
        #expect(inPlace.stderr.contains("--merge-into never rewrites the existing plan"))
        let split = try CLI.run(["import", ImportTests.fixture.path, "--split", "stage"], in: dir.url)
        #expect(split.status == 64)
        // Merging into a plan: the output has the plan's events and the container's.
        let merged = try CLI.run(["import", ImportTests.fixture.path, "--merge-into", "plan.yaml", "-o", "merged.yaml"], in: dir.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        let text = try String(contentsOf: dir.url.appendingPathComponent("merged.yaml"), encoding: .utf8)
        #expect(text.contains("# `plan.yaml` with what `trackplan import` found in"))
        #expect(text.contains("stages:\n  - id: a\n"))
        #expect(text.contains("  sign_up:\n    kind: macro  # proposed: a GA4 conversion event, so a macro-conversion and key event\n"))
        #expect(text.contains("# Review the additions and conflicts (`# import:`), e.g. with `trackplan diff plan.yaml merged.yaml`.\n"))
        #expect(text.contains("# import: the proposed stage `decision` is not one of this plan's stages; assign one."))
    }
}

/// What the fuzzer found: sources whose values the loader refuses still give a plan that loads.
@Suite struct ImportSanitizerTests {
    @Test func valuesThePlanCannotHoldAreDroppedWithANote() throws {
        func condition(_ op: String, _ variable: String, _ value: String) -> String {
            #"{"type": "\#(op)", "parameter": [{"type": "TEMPLATE", "key": "arg0", "value": "{{\#(variable)}}"}, {"type": "TEMPLATE", "key": "arg1", "value": "\#(value)"}]}"#
        }
        let json = #"""
        {"containerVersion": {"container": {"name": ""}, "tag": [
          {"tagId": "1", "name": "t", "type": "gaawe", "firingTriggerId": ["5"], "parameter": [
            {"type": "TEMPLATE", "key": "eventName", "value": "lead_form"},
            {"type": "LIST", "key": "eventSettingsTable", "list": [
              {"type": "MAP", "map": [{"type": "TEMPLATE", "key": "parameter", "value": "a"}, {"type": "TEMPLATE", "key": "parameterValue", "value": ""}]},
              {"type": "MAP", "map": [{"type": "TEMPLATE", "key": "parameter", "value": "a"}, {"type": "TEMPLATE", "key": "parameterValue", "value": "x"}]},
              {"type": "MAP", "map": [{"type": "TEMPLATE", "key": "parameter", "value": "b\u0001"}, {"type": "TEMPLATE", "key": "parameterValue", "value": "y"}]}]}],
           "notes": "From events.lead_form in the plan: a micro-conversion in stage `nowhere` leading to `nothing`. Hi\u0007. (Generated by trackplan; edit the plan, not this entity.)"}],
         "trigger": [{"triggerId": "5", "name": "c", "type": "CLICK", "filter": [
           \#(condition("CSS_SELECTOR", "Click Element", "")), \#(condition("STARTS_WITH", "Page Path", "")),
           \#(condition("EQUALS", "Page Hostname", "not a host"))]}]}}
        """#
        let result = try Importer.importSource(Array(json.utf8), source: "odd.json")
        let text = PlanWriter().write(result.plan, comments: result.comments)
        let loaded = Harness.load(["plan.yaml": text])
        #expect(!loaded.hasErrors, "\(Harness.lines(loaded.diagnostics))\n\(text)")
        #expect(loaded.plan == result.plan)
        let event = try #require(result.plan.event("lead_form"))
        #expect(result.plan.name == "Imported plan")
        #expect(result.plan.hostnames.isEmpty)
        #expect(result.plan.pageTypes.isEmpty)
        #expect(event.pages == nil)
        #expect(event.stage == nil)
        #expect(event.leadsTo == nil)
        #expect(event.description == "Hi.")
        #expect(event.trigger.value == .custom(event: "lead_form"))
        #expect(event.params.map(\.name) == ["a", "b"])
        #expect(event.params.first?.source == .dataLayer("a"))
        #expect(result.report.entries.filter { $0.outcome == .notImported && $0.id == nil }.map(\.note) == [
            "`not a host` is not a host name",
            "the page condition `path_prefix: ` is empty or not valid",
            "its stage `nowhere` is not one of the plan's stages",
            "a page condition that could not be read; the event fires on the remaining pages",
            "`leads_to: nothing` names no macro-conversion of the plan",
            "its trigger has an empty selector, URL, form id or event name",
            "its source `constant:` cannot be written as `from`; it reads the data layer key `a`",
        ])
        #expect(result.report.entries.first { $0.id == "1" }?.note.hasSuffix("; the parameter `a` is set twice; the first is kept") == true)
    }
}

@Suite struct PatternTextTests {
    @Test func groupedAlternativesAreSplitOnlyWhenEachIsOneGroup() {
        #expect(PatternText.groupedAlternatives("(?:^/$)|(?:^/shop/)") == ["^/$", "^/shop/"])
        #expect(PatternText.groupedAlternatives("(?:^/a|b$)|(?:[)|]x)") == ["^/a|b$", "[)|]x"])
        #expect(PatternText.groupedAlternatives("(?:a)(?:b)|(?:c)") == nil)
        #expect(PatternText.groupedAlternatives("(?:a)?|(?:c)") == nil)
        #expect(PatternText.groupedAlternatives("(?:a)") == nil)
        #expect(PatternText.groupedAlternatives("^(?:a)|(?:b)") == nil)
        #expect(PatternText.unescapeRegex("/a\\.b\\?") == "/a.b?")
        #expect(PatternText.unescapeRegex("/a.b") == nil)
        #expect(PatternText.splitSelectorList("a, a *, [data-x=\"1,2\"], b:not(.c, .d)") == ["a", "a *", "[data-x=\"1,2\"]", "b:not(.c, .d)"])
    }
}

@Suite struct VideoStatusImportTests {
    @Test func aVideoStatusTagBecomesOneEventPerCapturedStatus() throws {
        let json = #"""
        {"containerVersion": {"container": {"name": "Videos"}, "tag": [
          {"tagId": "1", "name": "GA4 - YouTube", "type": "gaawe", "firingTriggerId": ["2"], "parameter": [
            {"type": "TEMPLATE", "key": "eventName", "value": "yt_{{Video Status}}"},
            {"type": "LIST", "key": "eventSettingsTable", "list": [
              {"type": "MAP", "map": [{"type": "TEMPLATE", "key": "parameter", "value": "video_title"}, {"type": "TEMPLATE", "key": "parameterValue", "value": "{{Video Title}}"}]},
              {"type": "MAP", "map": [{"type": "TEMPLATE", "key": "parameter", "value": "video_duration"}, {"type": "TEMPLATE", "key": "parameterValue", "value": "{{Video Duration}}"}]}]}]}],
         "trigger": [{"triggerId": "2", "name": "YouTube", "type": "YOU_TUBE_VIDEO", "parameter": [
            {"type": "TEMPLATE", "key": "progressThresholdsPercent", "value": "50,10"},
            {"type": "BOOLEAN", "key": "captureStart", "value": "true"},
            {"type": "BOOLEAN", "key": "captureComplete", "value": "true"},
            {"type": "BOOLEAN", "key": "captureProgress", "value": "true"}]}]}}
        """#
        let result = try Importer.importSource(Array(json.utf8), source: "videos.json")
        #expect(result.plan.events.map(\.name) == ["yt_start", "yt_progress", "yt_complete"])
        #expect(result.plan.events.map(\.trigger.value) == [
            .video(percents: [], start: true, complete: false), .video(percents: [10, 50], start: false, complete: false),
            .video(percents: [], start: false, complete: true),
        ])
        #expect(result.plan.events[0].params.map(\.source) == [.builtin(.videoTitle), .dataLayer("video_duration")])
        #expect(result.comments[.param(event: "yt_start", name: "video_duration")] == [
            "GTM reads its built-in variable `{{Video Duration}}`, which a plan cannot name: push the value to the data layer or change `from`.",
        ])
        #expect(result.report.entries.first { $0.id == "1" }?.note == "its event name is `yt_{{Video Status}}`: imported as one event per video status its trigger captures (`yt_start`, `yt_progress`, `yt_complete`)")
        ImportTests.expectLoads(result)
    }
}
