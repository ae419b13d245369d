import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// The coverage, inputs and gates as text, printed after the findings.
public enum VerifyText {
    /// The block after the findings.
    public static func summary(_ result: VerifyResult, gates: VerifyResult.Gates) -> String {
        let run = result.run
        let coverage = run.coverage
        var out = "\nCoverage: " + figure(coverage.overall, "planned event")
        if !coverage.pageInfoKnown {
            out += " (no page URL in the inputs: every planned event counts)"
        } else if run.options.scopeAll {
            out += " (every planned event counts: --scope all)"
        } else {
            let visited = coverage.byPageType.filter(\.visited).map(\.id)
            out += visited.isEmpty ? " (no captured page matched a page type: only events on every page count)"
                : " (events on every page, and on the page types visited: \(visited.joined(separator: ", ")))"
        }
        out += "\n"
        let stages = coverage.byStage.filter { $0.figure.total > 0 }.map { "\($0.id.isEmpty ? "no stage" : $0.id) \(short($0.figure))" }
        if !stages.isEmpty { out += "  by stage: " + stages.joined(separator: ", ") + "\n" }
        out += "  by kind: " + coverage.byKind.map { "\($0.kind.rawValue) \(short($0.figure))" }.joined(separator: ", ") + "\n"
        if !coverage.byPageType.isEmpty, coverage.pageInfoKnown {
            out += "  by page type: " + coverage.byPageType.filter { !$0.visited || $0.figure.total > 0 }
                .map { $0.visited ? "\($0.id) \(short($0.figure))" : "\($0.id) not visited" }
                .joined(separator: ", ") + "\n"
        }
        let width = min(32, coverage.events.map(\.name.count).max() ?? 0)
        out += "\nEvents:\n"
        for line in coverage.events {
            let name = SafeText.escapingControls(line.name).padding(toLength: max(width, line.name.count), withPad: " ", startingAt: 0)
            out += "  \(name)  " + eventText(line) + "\n"
        }
        var others: [String] = []
        if !run.unplanned.isEmpty { others.append("Not in the plan: " + counts(run.unplanned)) }
        if !run.automatic.isEmpty { others.append("Collected by GA4 itself (not checked): " + counts(run.automatic)) }
        if !coverage.unmatchedPages.isEmpty {
            others.append("Pages of no page type: " + coverage.unmatchedPages.prefix(5).map { "\(SafeText.escapingControls($0.path)) ×\($0.count)" }.joined(separator: ", ")
                + (coverage.unmatchedPages.count > 5 ? ", …" : ""))
        }
        if !others.isEmpty { out += "\n" + others.joined(separator: "\n") + "\n" }
        out += "\nInputs:\n"
        for input in run.inputs {
            out += "  \(SafeText.escapingControls(input.path)) (\(input.format.title)): \(input.account)\n"
        }
        out += "\n" + gateLines(gates).joined(separator: "\n") + "\n"
        return out
    }

    /// One line per gate: what it requires, what was reached, passed or failed.
    public static func gateLines(_ gates: VerifyResult.Gates) -> [String] {
        var lines: [String] = []
        lines.append("Gate --fail-on \(gates.failOn.rawValue): " + (gates.failingFindings == 0 ? "passed"
            : "failed (\(gates.failingFindings) finding\(gates.failingFindings == 1 ? "" : "s") at \(gates.failOn.rawValue) or above)"))
        if let min = gates.minCoverage {
            let reached = gates.coverage.map(VerifyRun.percent) ?? "nothing in scope"
            lines.append("Gate --min-coverage \(VerifyRun.percent(min)): " + (gates.coveragePassed ? "passed" : "failed") + " (coverage \(reached))")
        }
        if !gates.requiredMissing.isEmpty {
            lines.append("Gate --require: failed (not seen: \(gates.requiredMissing.map { "`\($0)`" }.joined(separator: ", ")))")
        }
        if gates.inputProblems > 0 {
            lines.append("Inputs: \(gates.inputProblems) problem\(gates.inputProblems == 1 ? "" : "s") reading them (exit status 2)")
        }
        return lines
    }

    static func eventText(_ line: Coverage.EventLine) -> String {
        guard line.seen > 0 else {
            return line.inScope ? "NOT SEEN" + (line.status == .planned ? " (status planned)" : "") : "not exercised (its page types were not visited)"
        }
        var parts = CaptureLayer.allCases.compactMap { layer in
            line.counts[layer].map { "\($0) \(VerifyRun.noun(layer, $0))" }
        }
        if !line.pagesSeen.isEmpty { parts.append("on " + line.pagesSeen.map { "\($0.id) ×\($0.count)" }.joined(separator: ", ")) }
        let params = line.params.filter { $0.expected > 0 }.map { param in
            "\(param.name) \(VerifyRun.percent(Double(param.present) / Double(param.expected)))"
                + (param.types.isEmpty ? "" : " " + param.types.map(\.name).joined(separator: "/"))
        }
        if !params.isEmpty { parts.append("params: " + params.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    static func figure(_ f: Coverage.Figure, _ noun: String) -> String {
        "\(f.seen) of \(f.total) \(noun)\(f.total == 1 ? "" : "s") seen" + (f.ratio.map { " (\(VerifyRun.percent($0)))" } ?? "")
    }

    static func short(_ f: Coverage.Figure) -> String { "\(f.seen)/\(f.total)" }

    static func counts(_ counts: [String: Int]) -> String {
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return sorted.prefix(10).map { "\(SafeText.escapingControls($0.key)) ×\($0.value)" }.joined(separator: ", ")
            + (sorted.count > 10 ? ", and \(sorted.count - 10) more" : "")
    }
}
