import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanGenerators
@testable import TrackplanImport

/// `trackplan import` of GTM containers: the round trip through trackplan's own containers, and
/// the real exports in ../shared.
@Suite struct GTMImportTests {
    static func container(_ plan: Plan) -> JSONValue {
        GTMCompiler(environment: [:]).compile(MeasurementSpec(plan: plan)).container
    }

    /// The page matches an event fires on (nil: every page).
    static func scope(_ event: Event, in plan: Plan) -> Set<PageMatch>? {
        event.pages.map { Set($0.compactMap { plan.pageType($0.value)?.match.value }) }
    }

    static func effectiveConsent(_ event: Event, in plan: Plan) -> Set<ConsentType> {
        Set(plan.consent.required.map(\.value) + event.consent.map(\.value))
    }

    @Test(arguments: PlanWriterTests.examplePlans)
    func importOfCompiledExampleGivesThePlanBack(_ name: String) throws {
        let plan = try PlanWriterTests.loadExample(name)
        let json = Self.container(plan)
        let result = GTMImporter().importContainer(json, source: "container.json")
        let imported = result.plan
        let active = plan.events.filter { $0.status != .deprecated }
        #expect(imported.events.map(\.name) == active.map(\.name))
        for (original, back) in zip(active, imported.events) {
            #expect(back.trigger.value == original.trigger.value, "\(original.name)")
            #expect(back.params.map(\.name) == original.params.map(\.name), "\(original.name)")
            #expect(back.params.map(\.source) == original.params.map(\.source), "\(original.name)")
            #expect(Self.scope(back, in: imported) == Self.scope(original, in: plan), "\(original.name)")
            #expect(back.kind == original.kind, "\(original.name)")
            #expect(back.stage?.value == original.stage?.value, "\(original.name)")
            #expect(back.leadsTo?.value == original.leadsTo?.value, "\(original.name)")
            #expect(back.description == original.description, "\(original.name)")
            #expect(Self.effectiveConsent(back, in: imported) == Self.effectiveConsent(original, in: plan), "\(original.name)")
            for param in back.params where param.name == "items" { #expect(param.type == .items) }
        }
        #expect(imported.measurementID == plan.measurementID)
        #expect(imported.gtmPublicID == plan.gtmPublicID)
        #expect(imported.hostnames == plan.hostnames)
        #expect(imported.sharedParams.map(\.name) == plan.sharedParams.map(\.name))
        #expect(imported.sharedParams.map(\.source) == plan.sharedParams.map(\.source))
        #expect(imported.userProperties.map(\.source) == plan.userProperties.map(\.source))
        #expect(result.report.count(.notImported) == 0, "\(result.report.entries.filter { $0.outcome == .notImported }.map(\.note))")

        // gtm(import(gtm(plan))) == gtm(plan) for tags, triggers and variables.
        let again = Self.container(imported)
        for key in ["tag", "trigger", "variable", "builtInVariable"] {
            let a = json["containerVersion"]?[key], b = again["containerVersion"]?[key]
            #expect(a == b, "\(name): \(key) differ")
            if a != b, let a, let b {
                for (x, y) in zip(a.items, b.items) where x != y { Issue.record("\(x.serialized())\n≠\n\(y.serialized())"); break }
            }
        }

        // The written plan loads without errors and is the imported plan.
        let text = PlanWriter().write(imported, comments: result.comments)
        let loaded = Harness.load(["plan.yaml": text])
        #expect(!loaded.hasErrors, "\(Harness.lines(loaded.diagnostics))")
        #expect(loaded.plan == imported)
    }
}

/// The 16 real container exports and the Shopify template in ../shared.
@Suite struct RealGTMImportTests {
    static let directory = "reference/gtm-exports"
    static let files: [String] = {
        let real = TestPaths.shared.appendingPathComponent(directory + "/real")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "real/" + $0 } + ["shopify-web-template.json"]
    }()

    /// Tags per type and all tag ids, counted with Foundation's JSON parser (independently of the importer).
    static func independentCounts(_ url: URL) throws -> (types: [String: Int], ids: [String]) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let version = object?["containerVersion"] as? [String: Any]
        let tags = version?["tag"] as? [[String: Any]] ?? []
        var types: [String: Int] = [:]
        for tag in tags { types[tag["type"] as? String ?? "", default: 0] += 1 }
        return (types, tags.map { "\($0["tagId"] ?? "")" })
    }

    @Test(.enabled(if: Requirement.shared(directory), Requirement.sharedReason(directory)))
    func everyRealExportImportsLoadsAndAccountsForEveryTag() throws {
        #expect(Self.files.count == 17)
        var summary: [String] = []
        for file in Self.files {
            let url = TestPaths.shared.appendingPathComponent(Self.directory + "/" + file)
            let bytes = try [UInt8](Data(contentsOf: url))
            #expect(ImportFormat.detect(bytes) == .gtm, "\(file)")
            let result = try Importer.importSource(bytes, source: file)
            // Every tag is accounted for exactly once, and the counts per type match.
            let (types, ids) = try Self.independentCounts(url)
            let tagEntries = result.report.entries.filter { $0.entity == "tag" }
            #expect(tagEntries.compactMap(\.id).sorted() == ids.sorted(), "\(file)")
            var reported: [String: Int] = [:]
            for entry in tagEntries { reported[entry.type ?? "", default: 0] += 1 }
            #expect(reported == types, "\(file)")
            // Every GA4 event tag is an event, or says why not.
            let gaawe = tagEntries.filter { $0.type == "gaawe" }
            for entry in gaawe where entry.outcome == .notImported { #expect(!entry.note.isEmpty) }
            // The written plan loads without errors.
            let text = PlanWriter().write(result.plan, comments: result.comments)
            let loaded = Harness.load(["plan.yaml": text])
            #expect(!loaded.hasErrors, "\(file): \(Harness.lines(loaded.diagnostics).prefix(3))")
            #expect(loaded.plan == result.plan, "\(file)")
            let imported = gaawe.filter { $0.outcome != .notImported }.count
            summary.append("\(file): \(ids.count) tags, gaawe \(gaawe.count) → \(imported) imported, \(result.plan.events.count) events")
        }
        // Pinned: what each container gives (events can be fewer than tags when two tags send one event).
        #expect(summary == [
            "real/adipramono-ga4-2022.json: 11 tags, gaawe 8 → 5 imported, 16 events",
            "real/arubyo-shopify-ads-2023.json: 15 tags, gaawe 5 → 5 imported, 14 events",
            "real/chemicalclarity-pest-experts-2026.json: 7 tags, gaawe 0 → 0 imported, 0 events",
            "real/dase-ga4-basic-2025.json: 7 tags, gaawe 6 → 6 imported, 6 events",
            "real/dumkydewilde-gtm-sample-2019.json: 21 tags, gaawe 0 → 0 imported, 0 events",
            "real/erikw92-shopify-ga4-2025.json: 2 tags, gaawe 1 → 1 imported, 10 events",
            "real/gmu-mason-standard-2018.json: 20 tags, gaawe 0 → 0 imported, 0 events",
            "real/janrenn-default-container-2020.json: 16 tags, gaawe 0 → 0 imported, 0 events",
            "real/knowit-ga4-item-list-attribution-2025.json: 7 tags, gaawe 5 → 5 imported, 14 events",
            "real/kubix-web-base-2025.json: 22 tags, gaawe 10 → 10 imported, 8 events",
            "real/laseryshow-web-v39-2026.json: 14 tags, gaawe 6 → 6 imported, 6 events",
            "real/ofarukakal-workspace-2026.json: 143 tags, gaawe 42 → 38 imported, 33 events",
            "real/sfzc-web-v15-2025.json: 24 tags, gaawe 2 → 1 imported, 1 events",
            "real/thsjn-web-2026.json: 21 tags, gaawe 4 → 4 imported, 4 events",
            "real/tomasfn87-urlparser-2025.json: 10 tags, gaawe 6 → 4 imported, 5 events",
            "real/zlf0308-shopify-2023.json: 9 tags, gaawe 3 → 3 imported, 3 events",
            "shopify-web-template.json: 13 tags, gaawe 12 → 12 imported, 12 events",
        ])
    }
}
