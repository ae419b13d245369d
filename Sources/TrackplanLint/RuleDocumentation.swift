import Foundation
import TrackplanCore
import TrackplanFormat

/// Text about the rules, generated from their declarations: the `trackplan rules` output and
/// `docs/rules.md`.
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

    /// A rule's rationale and examples, for the terminal.
    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.id) (default severity: \(d.severity.rawValue))\n\n\(d.summary)\n\nWhy: \(d.rationale)\n"
        for (title, examples) in [("Triggers on", d.triggeringExamples), ("Does not trigger on", d.nonTriggeringExamples)] {
            for example in examples {
                out += "\n\(title):\n"
                out += example.yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
                if !out.hasSuffix("\n") { out += "\n" }
            }
        }
        return out
    }

    /// The rule catalog as Markdown (`docs/rules.md`).
    public static func markdown() -> String {
        var out = """
        # trackplan lint rules

        Generated from the rule declarations in `Sources/TrackplanKit/Check/Rules/` by
        `swift run trackplan rules --markdown > docs/rules.md`. Do not edit by hand.

        Severities can be changed per rule in the plan (`lint.rules`) or on the command line
        (`--rule ID=SEVERITY`); a rule can be silenced for one event or page type with `suppress`.
        In the examples, `↓` marks where the diagnostic points.

        | Rule | Default | Summary |
        | --- | --- | --- |

        """
        for rule in RuleCatalog.rules {
            let d = rule.description
            out += "| [`\(d.id)`](#\(d.id)) | \(d.severity.rawValue) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        out += "\nProblems found while loading a plan are reported under fixed ids and are always errors:\n"
        out += "`yaml-syntax` (the YAML cannot be read), `plan-schema` (unknown keys, wrong types, missing keys),\n"
        out += "`duplicate-key`, `unknown-reference` (a stage, page type, macro-conversion or rule that does not exist)\n"
        out += "and `include` (missing, unreadable or cyclic includes).\n"
        for rule in RuleCatalog.rules {
            let d = rule.description
            out += "\n## \(d.id)\n\n**Default severity:** \(d.severity.rawValue)\n\n\(d.summary)\n\n\(d.rationale)\n"
            for (title, examples) in [("Triggers", d.triggeringExamples), ("Does not trigger", d.nonTriggeringExamples)] {
                for example in examples {
                    out += "\n\(title):\n\n```yaml\n\(example.yaml)\(example.yaml.hasSuffix("\n") ? "" : "\n")```\n"
                }
            }
        }
        return out
    }
}
