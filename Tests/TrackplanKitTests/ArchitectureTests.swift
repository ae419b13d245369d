import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

/// The model compares by meaning, paths are typed, the spec is derived once, and outputs are
/// pluggable.
@Suite struct ArchitectureTests {
    static let body = """
    page_types:
      product:
        match: {path_prefix: /products/}
    events:
      add_to_cart:
        stage: decision
        pages: [product]
        leads_to: purchase
        trigger: {click: {selector: 'button.add'}}
        params:
          value: {type: number, required: true, values: [1, 2.5]}
          cta: {from: 'builtin:click_text'}
      purchase:
        kind: macro
        stage: decision

    """

    func plan(_ text: String) throws -> Plan {
        try #require(Harness.load(["plan.yaml": text]).plan)
    }

    @Test func plansCompareByMeaningNotByPosition() throws {
        let a = try plan(Harness.header + Self.body)
        let moved = try plan("# a comment that moves every line\n\n" + Harness.header + Self.body)
        #expect(a == moved)
        #expect(a.event("add_to_cart")?.span?.start.line != moved.event("add_to_cart")?.span?.start.line)
        #expect(a.hashValue == moved.hashValue)
        let changed = try plan(Harness.header + Self.body.replacingOccurrences(of: "values: [1, 2.5]", with: "values: [1, 3]"))
        #expect(a != changed)
        #expect(a.event("add_to_cart") != changed.event("add_to_cart"))
        #expect(a.event("purchase") == changed.event("purchase"))
    }

    @Test func aPlanWithoutSourceEqualsTheLoadedOne() throws {
        let loaded = try plan(Harness.header + "events:\n  purchase:\n    kind: macro\n    stage: decision\n    params:\n      currency: {type: string, required: true}\n")
        let built = Plan(name: "Test", stages: [Stage(id: "awareness", index: 0), Stage(id: "decision", index: 1)],
                         events: [Event(name: "purchase") { event in
                             event.kind = .macro
                             event.keyEvent = true
                             event.stage = Located("decision")
                             event.params = [Param(name: "currency", required: true)]
                         }])
        #expect(built == loaded)
        #expect(built.rootFile == nil && built.event("purchase")?.span == nil)
    }

    @Test func eventsAreCopiedOnWrite() throws {
        let original = try #require(try plan(Harness.header + Self.body).event("add_to_cart"))
        var copy = original
        #expect(copy == original)
        copy.params.removeAll()
        #expect(original.params.map(\.name) == ["value", "cta"])
        #expect(copy.params.isEmpty)
        #expect(copy != original)
    }

    @Test func entityPathsAreTyped() {
        let path = EntityPath.event("add.to.cart").param("value")
        #expect(path.components == ["events", "add.to.cart", "params", "value"])
        #expect(path.description == "events.add.to.cart.params.value")
        #expect(path.entity == .event("add.to.cart"))
        #expect(EntityPath.pageType("p").appending("match").entity == .pageType("p"))
        #expect(EntityPath.stage("awareness").entity == nil)
        #expect(EntityPath.root.description == "")
    }

    @Test func theSpecResolvesWhatThePlanPromises() throws {
        let spec = MeasurementSpec(plan: try plan(Harness.header + Self.body))
        #expect(spec.events.map(\.name) == ["add_to_cart", "purchase"])
        let event = try #require(spec.event("add_to_cart"))
        #expect(event.pageTypes.map(\.match) == [.pathPrefix("/products/")])
        #expect(event.trigger == .click(selector: "button.add"))
        #expect(event.params.map(\.source) == [.dataLayer("value"), .builtin(.clickText)])
        #expect(event.params.first?.allowedValues == [.integer(1), .number(2.5)])
        #expect(event.params.first?.required == true)
        #expect(event.path.description == "events.add_to_cart")
        #expect(spec.keyEvents == ["purchase"])
        #expect(spec.dataLayerKeys == [DataLayerKey(key: "value", events: ["add_to_cart"])])
        #expect(spec.customDimensions.map(\.parameterName) == ["cta"])
        #expect(spec.microConversionsByPageType["product"] == ["add_to_cart"])
    }

    @Test func registriesListEveryOutput() {
        #expect(ReporterRegistry.ids == ["text", "json", "sarif", "github", "junit"])
        #expect(ReporterRegistry.idList == "text, json, sarif, github or junit")
        #expect(GeneratorRegistry.all.map { $0.fileName } == ["gtm-container.json", "ga4-admin.json", "TRACKING.md", "tracking.ts"])
        #expect(GeneratorRegistry.generator("docs") == TrackingDocumentGenerator.self)
        #expect(ExitStatus.allCases.map(\.code) == [0, 1, 2, 64, 70])
    }

    @Test func outputDirectorySyncsAndChecks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trackplan-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = OutputDirectory(dir.path)
        let files = [GeneratedFile(name: "a.json", content: "{}\n"), GeneratedFile(name: "b.md", content: "# B\n")]
        #expect(try out.check(files).map(\.status) == [.missing, .missing])
        #expect(try out.sync(files).map(\.status) == [.wrote, .wrote])
        #expect(try String(contentsOf: dir.appendingPathComponent("b.md"), encoding: .utf8) == "# B\n")
        #expect(try out.check(files).map(\.status) == [.unchanged, .unchanged])
        try Data("old".utf8).write(to: dir.appendingPathComponent("a.json"))
        #expect(try out.check(files).map(\.status) == [.differs, .unchanged])
        let entries = try out.sync(files)
        #expect(entries.map(\.status) == [.wrote, .unchanged])
        #expect(entries.map(\.shownPath) == [dir.path + "/a.json", dir.path + "/b.md"])
        #expect(try out.check(files).map(\.status) == [.unchanged, .unchanged])
        // A directory that cannot be created is a located error, not a crash.
        let blocked = OutputDirectory(dir.appendingPathComponent("a.json/sub").path)
        #expect(throws: OutputDirectory.SyncFailure.self) { try blocked.sync(files) }
    }
}
