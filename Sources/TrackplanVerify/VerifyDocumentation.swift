import Foundation
import TrackplanCapture
import TrackplanCore
import TrackplanFormat

/// Text about the verify checks, generated from their declarations: the `trackplan rules`
/// listing and `docs/verify.md`. Each check's example is run and what it reports is shown under
/// it, so a change to a message shows up as a change to `docs/verify.md` that a test catches.
public enum VerifyDocumentation {
    /// What the example of `check` reports, every finding of the run under the check's id, each
    /// as `FILE:LINE:COL: SEVERITY: MESSAGE [ID]`, then `    help: HINT` and `    note: …` lines.
    public static func findings(of check: any VerifyCheck.Type) -> [String] {
        run(check.example).report.diagnostics.filter { $0.ruleID == check.id }.map(render)
    }

    /// Runs an example: the plan as `plan.yaml`, the capture under its example name.
    public static func run(_ example: VerifyExample, options: VerifyOptions = VerifyOptions()) -> VerifyPipeline.Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trackplan-verify-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var inputs: [VerifyInput] = []
        let captures = [(example.capture, example.format)] + example.more
        for (k, (content, format)) in captures.enumerated() {
            let name = k == 0 ? example.captureName : VerifyExample(plan: "", capture: "", format: format).captureName
            let url = directory.appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(content.utf8).write(to: url)
            inputs.append(VerifyInput(path: url.path, format: format, displayPath: name))
        }
        let loader = PlanLoader(sources: MemorySourceProvider(["plan.yaml": example.plan]))
        return VerifyPipeline.run(plan: "plan.yaml", inputs: inputs, options: options, loader: loader)
    }

    /// A finding as the documentation shows it.
    public static func render(_ d: Diagnostic) -> String {
        var text = (d.span.map { "\($0): " } ?? "") + "\(d.severity.rawValue): \(d.message) [\(d.ruleID)]"
        if let hint = d.hint { text += "\n    help: \(hint)" }
        for related in d.related { text += "\n    note: \(related.message) at \(related.span)" }
        return text
    }

    /// One line per check: id, default severity, summary.
    public static func table() -> String {
        let width = VerifyChecks.ids.map(\.count).max() ?? 0
        var out = ""
        for d in VerifyChecks.descriptions {
            out += d.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + d.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + d.summary + "\n"
        }
        return out
    }

    /// A check's rationale and example, for the terminal.
    public static func explain(_ check: any VerifyCheck.Type) -> String {
        let d = check.description
        var out = "\(d.id) (a `trackplan verify` check; default severity: \(d.severity.rawValue))\n\n\(d.summary)\n\nWhy: \(d.rationale)\n"
        out += "\nExample plan.yaml:\n" + indented(check.example.plan)
        out += "\n\(check.example.captureName):\n" + indented(check.example.capture)
        for (content, format) in check.example.more {
            out += "\n\(VerifyExample(plan: "", capture: "", format: format).captureName):\n" + indented(content)
        }
        out += "\n  Reports:\n" + findings(of: check).map { indented($0) }.joined()
        return out
    }

    static func indented(_ text: String) -> String { TextBlock.indented(text) }

    /// The checks as Markdown (`docs/verify.md`).
    public static func markdown() -> String {
        var out = """
        # trackplan verify checks

        Generated from the check declarations in `Sources/TrackplanVerify/Checks/` by
        `swift run trackplan-dev regenerate`. Do not edit by hand.

        `trackplan verify PLAN INPUT...` checks captures and exports against the plan. Severities can be changed on
        the command line (`--rule ID=SEVERITY`, or `off`). Each example below is run: its plan, its capture and what
        it reports, exactly.

        | Check | Default | Summary |
        | --- | --- | --- |

        """
        for d in VerifyChecks.descriptions {
            out += "| [`\(d.id)`](#\(d.id)) | \(d.severity.rawValue) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        for check in VerifyChecks.all {
            let d = check.description
            let example = check.example
            out += "\n## \(d.id)\n\n**Default severity:** \(d.severity.rawValue)\n\n\(d.summary)\n\n\(d.rationale)\n"
            out += "\nWith this plan (`plan.yaml`):\n\n```yaml\n\(example.plan)\(example.plan.hasSuffix("\n") ? "" : "\n")```\n"
            out += "\nand this capture (`\(example.captureName)`):\n\n```text\n\(example.capture)\(example.capture.hasSuffix("\n") ? "" : "\n")```\n"
            for (content, format) in example.more {
                out += "\nand this one (`\(VerifyExample(plan: "", capture: "", format: format).captureName)`):\n\n```text\n\(content)\(content.hasSuffix("\n") ? "" : "\n")```\n"
            }
            out += "\n`trackplan verify plan.yaml \(([example.captureName] + example.more.map { VerifyExample(plan: "", capture: "", format: $0.format).captureName }).joined(separator: " "))` reports:\n\n```text\n"
                + findings(of: check).map { $0 + "\n" }.joined() + "```\n"
        }
        return out
    }
}
