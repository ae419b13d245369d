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
