import Foundation
import TrackplanCore
import TrackplanFormat

/// Text about the rules, generated from their declarations: the `trackplan rules` output,
/// `docs/rules.md` and the README's rule tables. Each triggering example is run, and what it
/// reports (message and help, exactly) is shown under it, so a change to a message shows up as
/// a change to `docs/rules.md` that a test catches.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, summary.
    public static func table() -> String {
        let width = RuleCatalog.ids.map(\.count).max() ?? 0
        var out = ""
        for rule in RuleCatalog.rules {
            let d = rule.description
            out += d.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + d.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + d.summary + "\n"
        }
        out += "\n`trackplan rules ID` explains a rule. Loading problems are reported as "
            + RuleID.loading.map { $0 }.joined(separator: ", ") + " (always errors).\n"
        return out
    }

    /// What the triggering `example` of rule `id` reports, one finding per entry, each as
    /// `plan.yaml:LINE:COL: SEVERITY: MESSAGE [ID]` followed by `    help: HINT` when it has one.
    public static func findings(of example: RuleExample, rule id: String) -> [String] {
        let loader = PlanLoader(sources: MemorySourceProvider(["plan.yaml": example.plainYAML]))
        let diagnostics = (try? Linter().lint("plan.yaml", loader: loader).diagnostics) ?? []
        return diagnostics.filter { $0.ruleID == id }.map(render)
    }

    /// A finding as the documentation shows it.
    public static func render(_ d: Diagnostic) -> String {
        var text = (d.span.map { "\($0): " } ?? "") + "\(d.severity.rawValue): \(d.message) [\(d.ruleID)]"
        if let hint = d.hint { text += "\n    help: \(hint)" }
        return text
    }

    /// A rule's rationale and examples, for the terminal.
    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.id) (default severity: \(d.severity.rawValue))\n\n\(d.summary)\n\nWhy: \(d.rationale)\n"
        for example in d.triggeringExamples {
            out += "\nTriggers on:\n" + indented(example.yaml)
            out += "\n  Reports:\n" + findings(of: example, rule: d.id).map { indented($0) }.joined()
        }
        for example in d.nonTriggeringExamples {
            out += "\nDoes not trigger on:\n" + indented(example.yaml)
        }
        return out
    }

    static func indented(_ text: String) -> String { TextBlock.indented(text) }

    /// The rule catalog as Markdown (`docs/rules.md`).
    public static func markdown() -> String {
        var out = """
        # trackplan rules

        Generated from the rule declarations in `Sources/TrackplanLint/Rules/` (lint rules) and
        `Sources/TrackplanFormat/LoaderRules.swift` (loading rules) by `swift run trackplan-dev regenerate`.
        Do not edit by hand.

        Severities of lint rules can be changed per rule in the plan (`lint.rules`) or on the command line
        (`--rule ID=SEVERITY`); a lint rule can be silenced for one event or page type with `suppress`.
        In the examples, `↓` marks where the diagnostic points; what each example reports is shown under it.

        | Rule | Default | Summary |
        | --- | --- | --- |

        """
        for d in RuleCatalog.rules.map({ $0.description }) {
            out += "| [`\(d.id)`](#\(d.id)) | \(d.severity.rawValue) | \(cell(d.summary)) |\n"
        }
        out += "\nProblems found while loading a plan are reported under fixed ids and are always errors; they cannot be\n"
        out += "configured or suppressed:\n\n| Rule | Summary |\n| --- | --- |\n"
        for d in LoaderRules.descriptions {
            out += "| [`\(d.id)`](#\(d.id)) | \(cell(d.summary)) |\n"
        }
        for d in RuleCatalog.rules.map({ $0.description }) + LoaderRules.descriptions {
            let severity = RuleID.loading.contains(d.id) ? "error (always; a loading rule)" : d.severity.rawValue
            out += "\n## \(d.id)\n\n**Default severity:** \(severity)\n\n\(d.summary)\n\n\(d.rationale)\n"
            for example in d.triggeringExamples {
                out += "\nTriggers:\n\n```yaml\n\(example.yaml)\(example.yaml.hasSuffix("\n") ? "" : "\n")```\n"
                out += "\nReports:\n\n```text\n" + findings(of: example, rule: d.id).map { $0 + "\n" }.joined() + "```\n"
            }
            for example in d.nonTriggeringExamples {
                out += "\nDoes not trigger:\n\n```yaml\n\(example.yaml)\(example.yaml.hasSuffix("\n") ? "" : "\n")```\n"
            }
        }
        return out
    }

    /// The README's two rule tables (loading rules, then lint rules), between its markers.
    public static func readmeTables() -> String {
        var out = "| Rule | Checks | Raised for |\n| --- | --- | --- |\n"
        for d in LoaderRules.descriptions {
            let raisedFor = d.rationale.range(of: "Raised").map { String(d.rationale[$0.lowerBound...]) } ?? ""
            out += "| `\(d.id)` | \(cell(d.summary)) | \(cell(raisedFor)) |\n"
        }
        out += "\nThe lint rules run once a plan loads without errors:\n\n| Rule | Default | Checks |\n| --- | --- | --- |\n"
        for d in RuleCatalog.rules.map({ $0.description }) {
            out += "| `\(d.id)` | \(d.severity.rawValue) | \(cell(d.summary)) |\n"
        }
        return out
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
