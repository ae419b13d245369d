import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

/// Every example's generated files, compared byte for byte with `examples/build/<name>/`.
/// Regenerate them with `swift run trackplan-dev regenerate` (which refuses to write when CI is set).
@Suite struct GoldenTests {
    static let examples = ["online-store", "b2b-saas", "healthcare-practice", "publisher"]

    /// The files generated for an example, as `trackplan build` writes them.
    static func generate(_ name: String) throws -> [GeneratedFile] {
        let path = TestPaths.examples.appendingPathComponent("\(name).yaml").path
        let checked = try Pipeline(loader: PlanLoader()).check(path)
        return try Pipeline.generate(checked, environment: [:])
    }

    @Test(arguments: examples)
    func generatedFilesMatchTheGoldenFiles(name: String) throws {
        let directory = TestPaths.examples.appendingPathComponent("build/\(name)")
        for file in try Self.generate(name) {
            let url = directory.appendingPathComponent(file.name)
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(golden == file.content, "\(name)/\(file.name) differs from the golden file; run `swift run trackplan-dev regenerate` if the change is intended:\n\(Self.diff(golden, file.content))")
        }
    }

    /// A short line diff: the first differing lines with their numbers.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 24 {
            let l = i < a.count ? String(a[i]) : nil, r = i < b.count ? String(b[i]) : nil
            if l != r {
                if let l { out.append("\(i + 1) - \(l)") }
                if let r { out.append("\(i + 1) + \(r)") }
            }
        }
        return out.joined(separator: "\n")
    }
}

@Suite struct GTMTests {
    func compile(_ body: String) throws -> JSONValue {
        let result = Harness.load(["plan.yaml": Harness.header + body])
        #expect(Harness.lines(result.diagnostics) == [])
        let plan = try #require(result.plan)
        let output = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan))
        #expect(GTMShapeChecker.problems(in: output.container) == [])
        return output.container
    }

    func trigger(_ triggerYAML: String, pages: String = "") throws -> JSONValue {
        let body = """
        page_types:
          product:
            match: {path_prefix: /products/}
          pricing:
            match: {path: /pricing}
        events:
          some_event:
            stage: decision
        \(pages)    trigger:
              \(triggerYAML)

        """
        let container = try compile(body)
        guard case .array(let triggers)? = container["containerVersion"]?["trigger"], let first = triggers.first else {
            Issue.record("no trigger")
            return .null
        }
        // Drop the common fields; keep what the trigger kind decides.
        guard case .object(let members) = first else { return .null }
        return .object(members.filter { !["accountId", "containerId", "triggerId", "name", "fingerprint", "parentFolderId", "notes"].contains($0.key) })
    }

    static func cond(_ op: String, _ variable: String, _ value: String) -> String {
        #"{"type":"\#(op)","parameter":[{"type":"TEMPLATE","key":"arg0","value":"{{\#(variable)}}"},{"type":"TEMPLATE","key":"arg1","value":"\#(value)"}]}"#
    }

    @Test func clickTrigger() throws {
        let json = try trigger("click: {selector: 'button.add-to-wishlist'}", pages: "    pages: [product]\n")
        // Clicks on the elements inside the button (its text, icon) count too.
        #expect(json.serialized(pretty: false) == #"{"type":"CLICK","filter":["# + Self.cond("CSS_SELECTOR", "Click Element", "button.add-to-wishlist, button.add-to-wishlist *") + "," + Self.cond("STARTS_WITH", "Page Path", "/products/") + "]}")
        let list = try trigger("click: {selector: 'a.buy, button[data-x=\"a,b\"]'}")
        #expect(list.serialized(pretty: false) == #"{"type":"CLICK","filter":["# + Self.cond("CSS_SELECTOR", "Click Element", #"a.buy, a.buy *, button[data-x=\"a,b\"], button[data-x=\"a,b\"] *"#) + "]}")
        let link = try trigger("link_click: {selector: 'a.pdf'}")
        #expect(link.serialized(pretty: false).hasPrefix(#"{"type":"LINK_CLICK","filter":["# + Self.cond("CSS_SELECTOR", "Click Element", "a.pdf, a.pdf *")))
    }

    @Test func linkClickTrigger() throws {
        let json = try trigger("link_click: {url_contains: '.pdf'}")
        #expect(json.serialized(pretty: false) == #"{"type":"LINK_CLICK","filter":["# + Self.cond("CONTAINS", "Click URL", ".pdf")
                + #"],"waitForTags":{"type":"BOOLEAN","value":"false"},"checkValidation":{"type":"BOOLEAN","value":"false"},"waitForTagsTimeout":{"type":"TEMPLATE","value":"2000"},"uniqueTriggerId":{"type":"TEMPLATE"}}"#)
    }

    @Test func formSubmitTrigger() throws {
        let json = try trigger("form_submit: {form_id: newsletter}", pages: "    pages: [product, pricing]\n")
        #expect(json.serialized(pretty: false) == #"{"type":"FORM_SUBMISSION","filter":["# + Self.cond("EQUALS", "Form ID", "newsletter") + ","
                + Self.cond("MATCH_REGEX", "Page Path", #"(?:^/products/)|(?:^/pricing$)"#)
                + #"],"waitForTags":{"type":"BOOLEAN","value":"false"},"checkValidation":{"type":"BOOLEAN","value":"true"},"waitForTagsTimeout":{"type":"TEMPLATE","value":"2000"},"uniqueTriggerId":{"type":"TEMPLATE"}}"#)
        // Counting attempts the site's validation blocks is an explicit choice.
        let attempts = try trigger("form_submit: {form_id: newsletter, check_validation: false}")
        #expect(attempts.serialized(pretty: false).contains(#""checkValidation":{"type":"BOOLEAN","value":"false"}"#))
        // A form is the element that submits, so its selector is not widened to descendants.
        let bySelector = try trigger("form_submit: {selector: 'form.signup'}")
        #expect(bySelector.serialized(pretty: false).hasPrefix(#"{"type":"FORM_SUBMISSION","filter":["# + Self.cond("CSS_SELECTOR", "Form Element", "form.signup") + "]"))
    }

    @Test func scrollTrigger() throws {
        let json = try trigger("scroll: {percent: [25, 50, 90]}", pages: "    pages: [pricing]\n")
        #expect(json.serialized(pretty: false) == #"{"type":"SCROLL_DEPTH","filter":["# + Self.cond("EQUALS", "Page Path", "/pricing")
                + #"],"parameter":[{"type":"TEMPLATE","key":"verticalThresholdUnits","value":"PERCENT"},{"type":"TEMPLATE","key":"verticalThresholdsPercent","value":"25,50,90"},{"type":"BOOLEAN","key":"verticalThresholdOn","value":"true"},{"type":"BOOLEAN","key":"horizontalThresholdOn","value":"false"},{"type":"TEMPLATE","key":"triggerStartOption","value":"WINDOW_LOAD"}]}"#)
    }

    @Test func videoTrigger() throws {
        let json = try trigger("video: {percent: [25, 75], start: true}")
        #expect(json.serialized(pretty: false) == #"{"type":"YOU_TUBE_VIDEO","parameter":[{"type":"TEMPLATE","key":"progressThresholdsPercent","value":"25,75"},{"type":"BOOLEAN","key":"captureStart","value":"true"},{"type":"BOOLEAN","key":"captureComplete","value":"false"},{"type":"BOOLEAN","key":"captureProgress","value":"true"},{"type":"BOOLEAN","key":"capturePause","value":"false"},{"type":"BOOLEAN","key":"fixMissingApi","value":"true"},{"type":"TEMPLATE","key":"radioButtonGroup1","value":"PERCENTAGE"},{"type":"TEMPLATE","key":"triggerStartOption","value":"WINDOW_LOAD"}]}"#)
    }

    @Test func timerTrigger() throws {
        let json = try trigger("timer: {seconds: 30}", pages: "    pages: [product]\n")
        #expect(json.serialized(pretty: false) == #"{"type":"TIMER","autoEventFilter":["# + Self.cond("STARTS_WITH", "Page Path", "/products/")
                + #"],"eventName":{"type":"TEMPLATE","value":"gtm.timer"},"interval":{"type":"TEMPLATE","value":"30000"},"limit":{"type":"TEMPLATE","value":"1"},"uniqueTriggerId":{"type":"TEMPLATE"}}"#)
    }

    @Test func visibleTrigger() throws {
        let json = try trigger("visible: {selector: '#pricing-table', min_percent_visible: 60}", pages: "    pages: [pricing]\n")
        #expect(json.serialized(pretty: false) == #"{"type":"ELEMENT_VISIBILITY","filter":["# + Self.cond("EQUALS", "Page Path", "/pricing")
                + ##"],"parameter":[{"type":"TEMPLATE","key":"selectorType","value":"CSS"},{"type":"TEMPLATE","key":"elementSelector","value":"#pricing-table"},{"type":"TEMPLATE","key":"firingFrequency","value":"ONCE"},{"type":"TEMPLATE","key":"onScreenRatio","value":"60"},{"type":"BOOLEAN","key":"useOnScreenDuration","value":"false"},{"type":"BOOLEAN","key":"useDomChangeListener","value":"true"}]}"##)
    }

    @Test func pageViewTrigger() throws {
        let json = try trigger("page_view: {}", pages: "    pages: [product]\n")
        #expect(json.serialized(pretty: false) == #"{"type":"PAGEVIEW","filter":["# + Self.cond("STARTS_WITH", "Page Path", "/products/") + "]}")
    }

    @Test func customTrigger() throws {
        let json = try trigger("custom: {event: wishlist_added}")
        #expect(json.serialized(pretty: false) == #"{"type":"CUSTOM_EVENT","customEventFilter":["# + Self.cond("EQUALS", "_event", "wishlist_added") + "]}")
    }

    @Test func hostnamesRestrictEveryTrigger() throws {
        #expect(GTMTriggerBuilder.hostnameCondition([])?.serialized(pretty: false) == nil)
        #expect(GTMTriggerBuilder.hostnameCondition(["www.shop.example"])?.serialized(pretty: false)
                == #"{"type":"EQUALS","parameter":[{"type":"TEMPLATE","key":"arg0","value":"{{Page Hostname}}"},{"type":"TEMPLATE","key":"arg1","value":"www.shop.example"},{"type":"BOOLEAN","key":"ignore_case","value":"true"}]}"#)
        #expect(GTMTriggerBuilder.hostnameCondition(["shop.example", "*.shop.example"])?.serialized(pretty: false)
                == #"{"type":"MATCH_REGEX","parameter":[{"type":"TEMPLATE","key":"arg0","value":"{{Page Hostname}}"},{"type":"TEMPLATE","key":"arg1","value":"^(?:shop\\.example|[^.]+\\.shop\\.example)$"},{"type":"BOOLEAN","key":"ignore_case","value":"true"}]}"#)
        let container = try compile("hostnames: [www.shop.example]\nevents:\n  promo_view:\n    stage: decision\n    trigger: {page_view: {}}\n")
        guard case .array(let triggers)? = container["containerVersion"]?["trigger"], case .array(let builtins)? = container["containerVersion"]?["builtInVariable"] else {
            Issue.record("no triggers"); return
        }
        #expect(triggers.first?["filter"]?.serialized(pretty: false) == "[" + GTMTriggerBuilder.hostnameCondition(["www.shop.example"])!.serialized(pretty: false) + "]")
        #expect(builtins.contains { $0["type"] == .string("PAGE_HOSTNAME") })
        let loaded = Harness.load(["plan.yaml": Harness.header + "hostnames: ['https://www.shop.example/', WWW.Shop.Example]\n"])
        #expect(Harness.lines(loaded.diagnostics) == ["plan.yaml:6:13-6:40: error: `https://www.shop.example/` is not a host name; `hostnames` lists names like `www.shop.example` [plan-schema]"])
        #expect(loaded.diagnostics.first?.hint == "write `www.shop.example`")
        #expect(loaded.plan?.hostnames.map(\.value) == ["www.shop.example"])
    }

    @Test func consentBecomesEachTagsConsentSettings() throws {
        let container = try compile("consent: {required: [analytics_storage]}\nevents:\n  promo_view:\n    stage: decision\n  ad_lead:\n    stage: decision\n    consent: [ad_user_data, ad_storage]\n")
        guard case .array(let tags)? = container["containerVersion"]?["tag"] else { Issue.record("no tags"); return }
        let settings = Dictionary(uniqueKeysWithValues: tags.compactMap { tag -> (String, String)? in
            guard case .string(let name)? = tag["name"], let consent = tag["consentSettings"] else { return nil }
            return (name, consent.serialized(pretty: false))
        })
        #expect(settings["GA4 event - promo_view"] == #"{"consentStatus":"NEEDED","consentType":{"type":"LIST","list":[{"type":"TEMPLATE","value":"analytics_storage"}]}}"#)
        #expect(settings["GA4 event - ad_lead"] == #"{"consentStatus":"NEEDED","consentType":{"type":"LIST","list":[{"type":"TEMPLATE","value":"analytics_storage"},{"type":"TEMPLATE","value":"ad_storage"},{"type":"TEMPLATE","value":"ad_user_data"}]}}"#)
        #expect(settings["Google tag"] == #"{"consentStatus":"NOT_SET"}"#)
        let bad = Harness.load(["plan.yaml": Harness.header + "consent: {required: [analytic_storage]}\n"])
        #expect(bad.diagnostics.map(\.message) == ["`analytic_storage` is not a consent type; did you mean `analytics_storage`?"])
    }

    @Test func sharedParamsAndUserPropertiesGoOnOneEventSettingsVariable() throws {
        let container = try compile("""
        shared_params:
          site_language: {from: page.language}
        user_properties:
          customer_tier: {from: 'builtin:page_hostname'}
        events:
          promo_view:
            stage: decision

        """)
        guard case .array(let variables)? = container["containerVersion"]?["variable"],
              case .array(let tags)? = container["containerVersion"]?["tag"] else { Issue.record("no variables"); return }
        let settings = try #require(variables.first { $0["type"] == .string("gtes") })
        #expect(settings["name"] == .string("GA4 Event Settings"))
        #expect(settings["parameter"]?.serialized(pretty: false) == #"[{"type":"LIST","key":"eventSettingsTable","list":[{"type":"MAP","map":[{"type":"TEMPLATE","key":"parameter","value":"site_language"},{"type":"TEMPLATE","key":"parameterValue","value":"{{DLV - page.language}}"}]}]},{"type":"LIST","key":"userProperties","list":[{"type":"MAP","map":[{"type":"TEMPLATE","key":"name","value":"customer_tier"},{"type":"TEMPLATE","key":"value","value":"{{Page Hostname}}"}]}]}]"#)
        for tag in tags {
            guard case .array(let parameters)? = tag["parameter"] else { continue }
            #expect(parameters.contains { $0["key"] == .string("eventSettingsVariable") && $0["value"] == .string("{{GA4 Event Settings}}") }, "\(tag["name"] ?? .null)")
        }
        let pii = Harness.lint(["plan.yaml": Harness.header + "user_properties:\n  email_address: {type: string}\n"]).filter { $0.ruleID == "pii-param" }
        #expect(pii.map(\.message) == ["user property `email_address` looks like personal data (`email`); GA4's terms forbid sending it"])
    }

    @Test func valueSourcesBecomeSharedVariablesOfTheRightType() throws {
        let container = try compile("""
        events:
          plan_select:
            stage: decision
            trigger: {click: {selector: '.plan-card button'}}
            params:
              plan_name: {from: 'attribute:data-plan'}
              campaign: {from: 'query:utm_campaign'}
              consent_state: {from: 'cookie:consent_state'}
              site_section: {from: 'constant:pricing'}
              seats: {type: integer, from: 'constant:5'}

        """)
        guard case .array(let variables)? = container["containerVersion"]?["variable"],
              case .array(let tags)? = container["containerVersion"]?["tag"] else { Issue.record("no variables"); return }
        let byName = Dictionary(uniqueKeysWithValues: variables.compactMap { v -> (String, String)? in
            guard case .string(let name)? = v["name"], case .string(let type)? = v["type"] else { return nil }
            return (name, type + " " + (v["parameter"]?.serialized(pretty: false) ?? ""))
        })
        #expect(byName["Const - 5"] == #"c [{"type":"TEMPLATE","key":"value","value":"5"}]"#)
        #expect(byName["Const - pricing"] == #"c [{"type":"TEMPLATE","key":"value","value":"pricing"}]"#)
        #expect(byName["Attr - data-plan"] == #"aev [{"type":"BOOLEAN","key":"setDefaultValue","value":"false"},{"type":"TEMPLATE","key":"varType","value":"ATTRIBUTE"},{"type":"TEMPLATE","key":"attribute","value":"data-plan"}]"#)
        #expect(byName["Query - utm_campaign"] == #"u [{"type":"TEMPLATE","key":"component","value":"QUERY"},{"type":"TEMPLATE","key":"queryKey","value":"utm_campaign"}]"#)
        #expect(byName["Cookie - consent_state"] == #"k [{"type":"BOOLEAN","key":"decodeCookie","value":"false"},{"type":"TEMPLATE","key":"name","value":"consent_state"}]"#)
        let tag = try #require(tags.first { $0["name"] == .string("GA4 event - plan_select") })
        #expect(tag["parameter"]?.serialized(pretty: false).contains(#"{"type":"TEMPLATE","key":"parameterValue","value":"{{Attr - data-plan}}"}"#) == true)
        let bad = Harness.load(["plan.yaml": Harness.header + "events:\n  a_view:\n    params:\n      seats: {type: integer, from: 'constant:five'}\n      x: {from: 'attribute:'}\n"])
        #expect(bad.diagnostics.map(\.message) == [
            "the constant `five` does not fit the parameter's type, integer",
            "`from: attribute:` needs a name after the colon",
        ])
    }

    @Test func itemsAreAnArrayOfProductsReadFromEcommerceItems() throws {
        let container = try compile("events:\n  add_to_cart:\n    stage: decision\n    params:\n      items: {type: items}\n      currency: {type: string}\n      value: {type: number}\n")
        guard case .array(let tags)? = container["containerVersion"]?["tag"] else { Issue.record("no tags"); return }
        let tag = try #require(tags.first { $0["name"] == .string("GA4 event - add_to_cart") })
        #expect(tag["parameter"]?.serialized(pretty: false).contains(#"{"type":"MAP","map":[{"type":"TEMPLATE","key":"parameter","value":"items"},{"type":"TEMPLATE","key":"parameterValue","value":"{{DLV - ecommerce.items}}"}]}"#) == true)
        let bad = Harness.load(["plan.yaml": Harness.header + "events:\n  add_to_cart:\n    params:\n      products: {type: items}\n      items: {type: items, values: [a]}\n"])
        #expect(bad.diagnostics.map(\.message) == [
            "only a parameter named `items` can have type `items`; GA4 reads products from `items` alone",
            "`items` cannot list allowed values: it is an array of products",
        ])
    }

    /// Re-import safety: adding an event anywhere in a plan changes no other entity of the
    /// container (id, name or content), so importing again touches only what the plan changed.
    @Test(arguments: GoldenTests.examples)
    func addingAnEventChangesNoOtherEntity(name: String) throws {
        let path = TestPaths.examples.appendingPathComponent("\(name).yaml").path
        let plan = try #require(try PlanLoader().load(path).plan)
        func entities(_ plan: Plan) -> [String: String] {
            let container = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan)).container
            var result: [String: String] = [:]
            for (kind, idKey) in [("tag", "tagId"), ("trigger", "triggerId"), ("variable", "variableId"), ("folder", "folderId")] {
                guard case .array(let items)? = container["containerVersion"]?[kind] else { continue }
                for item in items {
                    guard case .string(let id)? = item[idKey] else { continue }
                    result["\(kind) \(id)"] = item.serialized(pretty: false)
                }
            }
            return result
        }
        let before = entities(plan)
        for position in [0, plan.events.count / 2, plan.events.count] {
            var edited = plan
            edited.events.insert(Event(name: "zz_added_event") { $0.stage = Located(plan.stages[0].id) }, at: position)
            let after = entities(edited)
            for (key, json) in before {
                #expect(after[key] == json, "\(name): adding an event at \(position) changed \(key)")
            }
            #expect(after.count == before.count + 2 || after.count == before.count + 3)
        }
    }

    @Test func numericParamsAreCustomMetricsAndGA4sOwnParamsAreNotRegistered() throws {
        let plan = try #require(Harness.load(["plan.yaml": Harness.header + """
        events:
          demo_watch:
            stage: decision
            params:
              video_title: {type: string}
              link_url: {type: string}
              seats: {type: integer}
              deal_amount: {type: number}
              load_time_ms: {type: integer}
              plan_tier: {type: string}

        """]).plan)
        let spec = MeasurementSpec(plan: plan)
        #expect(spec.customDimensions.map(\.parameterName) == ["plan_tier"])
        #expect(spec.customMetrics.map { "\($0.parameterName) \($0.measurementUnit)" } == ["seats STANDARD", "deal_amount CURRENCY", "load_time_ms MILLISECONDS"])
        #expect(GA4AdminExport.json(spec).serialized(pretty: false).contains(#""customMetrics":[{"parameterName":"seats","displayName":"Seats","scope":"EVENT","measurementUnit":"STANDARD","description":"Parameter `seats` of `demo_watch`.","events":["demo_watch"]}"#))
    }

    @Test func userPropertiesAreUserScopedDimensions() throws {
        let plan = try #require(Harness.load(["plan.yaml": Harness.header + """
        user_properties:
          customer_tier: {description: 'Bronze, silver or gold.'}
        events:
          promo_view:
            stage: decision

        """]).plan)
        let json = GA4AdminExport.json(MeasurementSpec(plan: plan)).serialized(pretty: false)
        #expect(json.contains(#""customDimensions":[{"parameterName":"customer_tier","displayName":"Customer Tier","scope":"USER","description":"Bronze, silver or gold.","events":[]}]"#), "\(json)")
    }

    @Test func regexSpecialCharactersAreEscapedWhenPagesCombine() {
        #expect(PagePathPattern.condition([.path("/a.b(c)"), .pathPrefix("/x+y/")])?.serialized(pretty: false)
                == Self.cond("MATCH_REGEX", "Page Path", #"(?:^/a\\.b\\(c\\)$)|(?:^/x\\+y/)"#))
    }

    @Test func parametersVariablesAndBuiltins() throws {
        let container = try compile("""
        events:
          add_to_cart:
            stage: decision
            trigger: {click: {selector: button.add}}
            params:
              item_id: {type: string}
              cta_text: {from: 'builtin:click_text'}
          view_item:
            stage: decision
            status: deprecated
            params:
              item_id: {type: string}

        """)
        let version = try #require(container["containerVersion"])
        #expect(version["builtInVariable"]?.serialized(pretty: false)
                == #"[{"accountId":"0","containerId":"0","type":"CLICK_ELEMENT","name":"Click Element"},{"accountId":"0","containerId":"0","type":"CLICK_TEXT","name":"Click Text"}]"#)
        guard case .array(let variables)? = version["variable"], case .array(let tags)? = version["tag"] else { Issue.record("shape"); return }
        #expect(variables.map { $0["name"] } == [.string("GA4 Measurement ID"), .string("DLV - item_id")])
        #expect(variables[0]["parameter"]?.serialized(pretty: false) == #"[{"type":"TEMPLATE","key":"value","value":"G-XXXXXXXXXX"}]"#)
        #expect(tags.map { $0["name"] } == [.string("GA4 event - add_to_cart"), .string("Google tag")])
        #expect(tags[1]["firingTriggerId"] == .array([.string("2147479573")]))
        #expect(tags[0]["parameter"]?.serialized(pretty: false).contains(#""value":"{{Click Text}}""#) == true)
    }

    @Test func hostileTextSurvivesAsValidJSON() throws {
        let container = try compile(#"""
        events:
          quote_click:
            stage: decision
            description: "He said \"buy\" \\ then {{left}} </script> — ünïcødé 🚀"
            trigger: {click: {selector: 'a[title="it''s \\"fine\\""]'}}

        """#)
        let text = container.serialized()
        let parsed = try JSONParser.parse(text)
        #expect(parsed == container)
        #expect(!text.contains("</script>"))
        guard case .array(let tags)? = parsed["containerVersion"]?["tag"], case .string(let notes)? = tags[0]["notes"] else { Issue.record("no notes"); return }
        #expect(notes.contains(#"He said "buy" \ then {{left}} </script> — ünïcødé 🚀"#))
        guard case .array(let triggers)? = parsed["containerVersion"]?["trigger"],
              case .array(let filter)? = triggers[0]["filter"], case .array(let args)? = filter[0]["parameter"] else { Issue.record("no filter"); return }
        #expect(args[1]["value"] == .string(#"a[title="it's \\"fine\\""], a[title="it's \\"fine\\""] *"#))
    }

    @Test func sameplanSameBytesAndExportTimeFromSourceDateEpoch() throws {
        let plan = try #require(try Linter().lint(TestPaths.examples.appendingPathComponent("publisher.yaml").path).plan)
        let a = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan)).text
        let b = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan)).text
        #expect(a == b)
        #expect(a.contains(#""exportTime": "2000-01-01 00:00:00""#))
        let dated = GTMCompiler(environment: ["SOURCE_DATE_EPOCH": "1700000000"]).compile(MeasurementSpec(plan: plan)).text
        #expect(dated.contains(#""exportTime": "2023-11-14 22:13:20""#))
    }

    @Test(.enabled(if: Requirement.shared("reference/gtm-exports/shopify-web-template.json"),
                   Requirement.sharedReason("reference/gtm-exports/shopify-web-template.json")))
    func theRealExportPassesTheShapeChecker() throws {
        let data = try Data(contentsOf: TestPaths.shared.appendingPathComponent("reference/gtm-exports/shopify-web-template.json"))
        let container = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        #expect(GTMShapeChecker.problems(in: container) == [])
    }

    /// The shape checker is what our own output is held to; it must accept what GTM itself
    /// exported, or it would be checking our guesses rather than the format.
    @Test(.enabled(if: Requirement.shared("reference/gtm-exports/real/SOURCES.md"),
                   Requirement.sharedReason("reference/gtm-exports/real/SOURCES.md")))
    func everyRealExportPassesTheShapeChecker() throws {
        let folder = TestPaths.shared.appendingPathComponent("reference/gtm-exports/real")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 16)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let container = try JSONParser.parse(String(decoding: data, as: UTF8.self))
            let problems = GTMShapeChecker.problems(in: container)
            if file == "dumkydewilde-gtm-sample-2019.json" {
                // A trimmed test fixture: it keeps 3 of its variables but not the ones its
                // triggers use, and the checker says exactly that, naming each one.
                #expect(problems.count == 6)
                #expect(problems.contains("trigger `NorthStar - Click - Contact formulier` references `{{element url path}}`, which is neither a variable of the container nor a listed built-in variable"))
                #expect(problems.allSatisfy { $0.hasSuffix("which is neither a variable of the container nor a listed built-in variable") })
            } else {
                #expect(problems == [], "\(file): \(problems)")
            }
        }
    }

    @Test func theShapeCheckerFindsBrokenContainers() throws {
        let plan = try #require(Harness.load(["plan.yaml": Harness.header + "events:\n  a_view:\n    stage: decision\n    params:\n      x: {}\n"]).plan)
        let text = GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan)).text
            .replacingOccurrences(of: #""firingTriggerId": [\n        "2""#, with: #""firingTriggerId": [\n        "99""#)
            .replacingOccurrences(of: "{{DLV - x}}", with: "{{DLV - y}}")
            .replacingOccurrences(of: #""value": "2""#, with: #""value": 2"#)
        let problems = GTMShapeChecker.problems(in: try JSONParser.parse(text))
        #expect(problems.contains("tag `GA4 event - a_view` references `{{DLV - y}}`, which is neither a variable of the container nor a listed built-in variable"))
        #expect(problems.contains("variable `DLV - x` has a parameter value that is not a string"))
    }

    @Test func ga4AdminListsKeyEventsAndCustomDimensions() throws {
        let plan = try #require(Harness.load(["plan.yaml": Harness.header + """
        events:
          add_to_cart:
            stage: decision
            params:
              sku: {description: Product SKU.}
              value: {type: number}
              currency: {}
          purchase:
            kind: macro
            stage: decision
            description: Order placed.
            params:
              sku: {}
              transaction_id: {}

        """]).plan)
        #expect(GA4AdminExport.json(MeasurementSpec(plan: plan)).serialized(pretty: false)
                == #"{"version":1,"plan":"Test","measurementId":null,"keyEvents":[{"eventName":"purchase","countingMethod":"ONCE_PER_EVENT","description":"Order placed."}],"customDimensions":[{"parameterName":"sku","displayName":"SKU","scope":"EVENT","description":"Product SKU.","events":["add_to_cart","purchase"]}],"customMetrics":[]}"#)
    }

    @Test func commandRefusesPlansWithErrorsAndWritesNothing() throws {
        let dir = try TempDirectory(["bad.yaml": Harness.header + "events:\n  AddToCart:\n    stage: decision\n"])
        let result = try CLI.run(["gtm", "bad.yaml", "-o", "out.json"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("nothing written: fix the errors above first\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("out.json").path))
        let good = try CLI.run(["gtm", "examples/b2b-saas.yaml", "-o", dir.url.appendingPathComponent("c.json").path])
        #expect(good.status == 0)
        #expect(good.stderr.contains("20 tags, 19 triggers, 9 variables, 4 folders"))
        let written = try String(contentsOf: dir.url.appendingPathComponent("c.json"), encoding: .utf8)
        #expect(written == (try GoldenTests.generate("b2b-saas"))[0].content)
    }
}
