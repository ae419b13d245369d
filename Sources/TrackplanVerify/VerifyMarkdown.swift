import Foundation
import TrackplanCapture
import TrackplanCore

/// The verification as Markdown fit for a pull-request comment: the verdict and gates, the
/// coverage per stage and per event, and the findings grouped by event.
public enum VerifyMarkdown {
    /// The comment.
    public static func document(_ outcome: VerifyPipeline.Outcome, planPath: String) -> String {
        let report = outcome.report
        let passed = outcome.exitStatus == .success
        var out = "## trackplan verify: \(passed ? "passed" : "failed")\n\n"
        out += "`\(cell(planPath))`: \(cell(report.summary)).\n"
        for unreadable in report.unreadable { out += "\n- **could not read** `\(cell(unreadable.path))`: \(cell(unreadable.reason))" }
        if !report.unreadable.isEmpty { out += "\n" }
        guard let result = outcome.result, let gates = outcome.gates else {
            for d in report.diagnostics { out += "\n- \(line(d))" }
            return out + (report.notes.isEmpty ? "" : "\n" + report.notes.joined(separator: "\n") + "\n")
        }
        out += "\n| Gate | Result |\n| --- | --- |\n"
        for gate in VerifyText.gateLines(gates) {
            let parts = gate.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            out += "| \(cell(parts.first ?? "")) | \(cell(parts.count > 1 ? parts[1] : "")) |\n"
        }
        let c = result.run.coverage
        out += "\n### Coverage\n\n"
        out += "\(VerifyText.figure(c.overall, "planned event"))"
        if c.pageInfoKnown && !result.run.options.scopeAll {
            let visited = c.byPageType.filter(\.visited).map(\.id)
            out += ", scoped to events on every page and on the page types visited" + (visited.isEmpty ? "" : " (\(visited.joined(separator: ", ")))")
        }
        out += ".\n\n| Stage | Seen |\n| --- | ---: |\n"
        for stage in c.byStage where stage.figure.total > 0 {
            out += "| \(stage.id.isEmpty ? "(no stage)" : cell(stage.id)) | \(VerifyText.short(stage.figure)) |\n"
        }
        out += "\n| Event | Kind | Seen | Page types | Parameters (present, types) |\n| --- | --- | ---: | --- | --- |\n"
        for line in c.events {
            let seen = line.seen > 0 ? "\(line.seen)" : line.inScope ? "**not seen**" : "not exercised"
            let pages = line.pagesSeen.map { "\($0.id) ×\($0.count)" }.joined(separator: ", ")
            let params = line.params.filter { $0.expected > 0 }.map { param in
                "`\(param.name)` \(VerifyRun.percent(Double(param.present) / Double(param.expected)))"
                    + (param.types.isEmpty ? "" : " " + param.types.map(\.name).joined(separator: "/"))
            }.joined(separator: ", ")
            out += "| `\(cell(line.name))` | \(line.kind.rawValue) | \(seen) | \(cell(pages)) | \(cell(params)) |\n"
        }
        if !result.run.unplanned.isEmpty { out += "\nNot in the plan: \(cell(VerifyText.counts(result.run.unplanned))).\n" }
        let diagnostics = report.diagnostics
        if !diagnostics.isEmpty {
            out += "\n### Findings\n"
            var groups: [(String, [Diagnostic])] = []
            for d in diagnostics {
                let components = d.path?.components ?? []
                let key = components.count >= 2 && components[0] == "events" ? "`\(components[1])`" : "Inputs and other events"
                if let i = groups.firstIndex(where: { $0.0 == key }) { groups[i].1.append(d) } else { groups.append((key, [d])) }
            }
            for (title, group) in groups {
                out += "\n#### \(cell(title))\n\n"
                for d in group { out += "- \(line(d))\n" }
            }
        }
        out += "\n<sub>Inputs: " + result.run.inputs.map { "`\(cell($0.path))` (\(cell($0.account)))" }.joined(separator: "; ") + ".</sub>\n"
        return out
    }

    static func line(_ d: Diagnostic) -> String {
        var text = "**\(d.severity.rawValue)** `\(d.ruleID)`: \(cell(d.message))"
        if let span = d.span { text += " (\(cell("\(span.file.path):\(span.start.line)")))" }
        if let hint = d.hint { text += "<br>_Fix:_ \(cell(hint))" }
        return text
    }

    static func cell(_ text: String) -> String {
        SafeText.escapingControls(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }
}
