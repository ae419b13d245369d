import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators
@testable import TrackplanSpec

/// Hostile plans: bounded work, bounded output, nothing raw reaches a terminal or a CI log.
/// Inputs are generated here, not committed.
@Suite struct HardeningTests {
    /// CPU-time-free bound: wall time of `body`, in seconds.
    func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now()
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func nanKeysAreOneKeyAndReadInLinearTime() {
        let count = 150_000
        var text = "x:\n"
        text.reserveCapacity(count * 12)
        for _ in 0..<count { text += "  .nan: 1\n" }
        var result: YAMLReader.Result?
        let elapsed = seconds { result = Harness.read(text) }
        #expect(elapsed < 5, "150,000 `.nan` keys took \(elapsed) s")
        let diagnostics = result?.diagnostics ?? []
        // Every `.nan` after the first is a duplicate; 100 are reported, then one summary.
        #expect(diagnostics.count == 101)
        #expect(Harness.lines([diagnostics[0]]) == ["t.yaml:3:3-3:7: error: duplicate key `.nan`; first defined at t.yaml:2:3 [duplicate-key]"])
        #expect(Harness.lines([diagnostics[100]]) == [
            "t.yaml:103:3-103:7: error: … and 149899 more `duplicate-key` errors in t.yaml (only the first 100 of each rule and file are reported) [duplicate-key]",
        ])
    }

    @Test func manyUnknownReferencesAgainstManyPageTypesStayFast() {
        let n = 3_000
        var text = Harness.header + "page_types:\n"
        for i in 0..<n { text += "  page_type_\(i):\n    match: {path: /p\(i)}\n" }
        text += "events:\n  some_view:\n    stage: awareness\n    pages:\n"
        for i in 0..<n { text += "      - page_typo_\(i)\n" }
        var diagnostics: [Diagnostic] = []
        let elapsed = seconds { diagnostics = Harness.load(["plan.yaml": text]).diagnostics }
        #expect(elapsed < 5, "3,000 unknown references took \(elapsed) s")
        #expect(diagnostics.count == 101)
        #expect(diagnostics.first?.message == "unknown page type `page_typo_0`; did you mean `page_type_0`?")
        #expect(diagnostics.last?.message == "… and 2900 more `unknown-reference` errors in plan.yaml (only the first 100 of each rule and file are reported)")
    }

    @Test func unknownKeysAreCappedPerRuleAndFile() {
        var text = Harness.header
        for i in 0..<20_000 { text += "unknown_key_\(i): 1\n" }
        let diagnostics = Harness.load(["plan.yaml": text]).diagnostics.filter { $0.ruleID == RuleID.planSchema }
        #expect(diagnostics.count == 101)
        #expect(diagnostics.last?.message == "… and 19900 more `plan-schema` errors in plan.yaml (only the first 100 of each rule and file are reported)")
        #expect(diagnostics.last?.span?.start == SourcePosition(line: 106, column: 1))  // the 101st unknown key
    }

    @Test func thereIsABoundOnNodesPerPlan() {
        var options = YAMLReader.Options()
        options.limits.maxNodes = 1_000
        let text = "[" + Array(repeating: "a", count: 5_000).joined(separator: ", ") + "]\n"
        let result = YAMLReader(options: options).read(Array(text.utf8), path: "t.yaml")
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:1:3002-1:3002: error: the plan has more than 1000 YAML nodes (values, lists and mappings); refusing to read further [yaml-syntax]",
        ])
        // The bound holds for the plan, included files together.
        let loader = PlanLoader(sources: MemorySourceProvider([
            "plan.yaml": Harness.header + "include: [a.yaml, b.yaml]\n",
            "a.yaml": "events:\n" + (0..<150).map { "  e\($0)_view: {stage: awareness}\n" }.joined(),
            "b.yaml": "events:\n" + (0..<150).map { "  f\($0)_view: {stage: awareness}\n" }.joined(),
        ]), readerOptions: options)
        let loaded = try? loader.load("plan.yaml")
        #expect(loaded?.diagnostics.map(\.ruleID) == [RuleID.yamlSyntax])
        #expect(loaded?.diagnostics.first?.span?.file.path == "b.yaml")
    }

    @Test func lintFindingsAreCappedInReports() throws {
        var text = Harness.header + "events:\n"
        for i in 0..<250 { text += "  Event\(i): {stage: awareness, description: x}\n" }
        let report = Linter().report(["plan.yaml"], loader: PlanLoader(sources: MemorySourceProvider(["plan.yaml": text])))
        #expect(report.diagnostics.filter { $0.ruleID == "name-case" }.count == 250)
        let capped = report.capped().diagnostics.filter { $0.ruleID == "name-case" }
        #expect(capped.count == 101)
        #expect(capped.last?.message == "… and 150 more `name-case` errors in plan.yaml (only the first 100 of each rule and file are reported)")
    }

    @Test func hugeValuesDoNotMakeHugeOutput() throws {
        let value = String(repeating: "k", count: 5_000_000)
        let text = "trackplan: \(value)\nname: Test\nstages:\n  - id: awareness\n"
        let report = Linter().report(["plan.yaml"], loader: PlanLoader(sources: MemorySourceProvider(["plan.yaml": text])))
        let output = TextReporter().format(report)
        #expect(output.utf8.count < 2_000, "a 5 MB line gave \(output.utf8.count) bytes of output")
        #expect(output == """
        plan.yaml:1:12: error: `trackplan` must be the format version `1`, found `\(String(repeating: "k", count: 37))…` [plan-schema]
         1 | trackplan: \(String(repeating: "k", count: 187))…
           |            ^\(String(repeating: "~", count: 186))
           = help: write `trackplan: 1`
        1 error in 1 plan

        """)
    }

    @Test func controlCharactersNeverReachTheOutputRaw() throws {
        // A description cannot carry a finding; a name can. Double-quoted YAML escapes put
        // newlines, ESC, BEL and NUL into an event name.
        let text = Harness.header + "events:\n  \"ok\\n::error file=x.yaml,line=1::pwned\\u001B[31m\\u0007\\u0000\": {stage: awareness}\n"
        let report = Linter().report(["plan.yaml"], loader: PlanLoader(sources: MemorySourceProvider(["plan.yaml": text])))
        for reporter in ReporterRegistry.all {
            let output = reporter.init(options: ReporterOptions()).format(report)
            for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(!line.hasPrefix("::error file=x.yaml"), "\(reporter.id) starts a log line with a plan value")
                #expect(!line.contains("pwned") || reporter.id == "github" || !line.hasPrefix("::"), "\(reporter.id)")
            }
            for scalar in output.unicodeScalars where SafeText.isControl(scalar) {
                #expect(scalar == "\n" || (scalar == "\t" && reporter.id == "text"), "\(reporter.id) prints U+\(String(scalar.value, radix: 16)) raw")
            }
        }
        let first = try #require(report.diagnostics.first { $0.ruleID == "name-case" || $0.ruleID == "ga4-event-name" })
        #expect(first.message.contains(#"ok\n::error file=x.yaml,line=1::pwned\u{1B}[31m\u{7}\u{0}"#))
    }

    @Test func controlCharactersInGeneratedDocumentsAreNeutralised() throws {
        let text = Harness.header + """
        stages_note: x

        """
        _ = text
        let plan = try #require(Harness.load(["plan.yaml": Harness.header.replacingOccurrences(of: "  - id: awareness", with: "  - id: awareness\n    name: \"Aware\\r\\n  end\\n```\\u001B[2J\"")
            + "events:\n  page_visit:\n    stage: awareness\n    description: \"Line one\\r\\n## Injected heading\\u001B[31m\"\n"]).plan)
        let markdown = TrackingDocument(plan: plan, spec: MeasurementSpec(plan: plan), findings: []).render()
        #expect(!markdown.contains("\n## Injected heading"))
        #expect(markdown.contains("Line one ## Injected heading \\[31m\n"))
        #expect(!markdown.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\n" })
        // The Mermaid label of the stage stays on its line.
        #expect(markdown.contains("  subgraph s0[\"Aware   end ``` [2J\"]\n"))
    }

    @Test func safeTextHelpers() {
        #expect(SafeText.escapingControls("a\nb\r\tc\u{1B}\u{0}\u{85}\u{2028}") == #"a\nb\r\tc\u{1B}\u{0}\u{85}\u{2028}"#)
        #expect(SafeText.escapingControls("plain ünïcode") == "plain ünïcode")
        #expect(SafeText.excerpt("a\u{1B}b\tc\u{0}") == "a\u{241B}b\tc\u{2400}")
        #expect(SafeText.message("x `" + String(repeating: "y", count: 150) + "` z") == "x `" + String(repeating: "y", count: 99) + "…` z")
    }
}
