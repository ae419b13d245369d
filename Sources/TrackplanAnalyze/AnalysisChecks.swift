import Foundation
import TrackplanCore

/// What `analyze` says about the plan's own hypotheses, with stable ids: each finding points at
/// the event's line in the plan.
public enum AnalysisChecks {
    /// `signal-disagrees`.
    public static let signalDisagrees = RuleDescription(
        id: "signal-disagrees", severity: .warning,
        summary: "A micro's declared `signal` agrees with its measured correlation (phi) with the macro: a strong signal (4–5) is not near zero (phi < 0.1), a weak one (1–2) is not above 0.3.",
        rationale: "The plan's `signal` weights micro-conversions in reports and in what teams optimise. A declared strength the data contradicts sends effort to the wrong step.",
        triggering: [], nonTriggering: [])
    /// `negative-disagrees`.
    public static let negativeDisagrees = RuleDescription(
        id: "negative-disagrees", severity: .warning,
        summary: "A micro marked `negative: true` does not go with more conversions (lift interval above 1), and one not marked negative does not go with fewer (interval below 1).",
        rationale: "Some micros mark doubt or exit (sharing, comparing prices elsewhere): they predict conversion negatively, and treating them as progress misleads.",
        triggering: [], nonTriggering: [])
    /// `micro-weak`.
    public static let microWeak = RuleDescription(
        id: "micro-weak", severity: .info,
        summary: "A micro with enough data correlates with its macro (phi at least 0.1); below that, consider dropping it.",
        rationale: "Track few, meaningful events: a micro that predicts nothing adds implementation and reporting cost without telling anyone anything.",
        triggering: [], nonTriggering: [])
    /// `macro-unpredicted`.
    public static let macroUnpredicted = RuleDescription(
        id: "macro-unpredicted", severity: .warning,
        summary: "Every macro-conversion with enough data has at least one micro that predicts it (phi at least 0.1).",
        rationale: "The plan's micros exist to signal progress toward its macros; a macro none of them predicts means the journey to it is not measured.",
        triggering: [], nonTriggering: [])
    /// `micro-not-seen`.
    public static let microNotSeen = RuleDescription(
        id: "micro-not-seen", severity: .info,
        summary: "Every micro-conversion appears in the data; one that never does is a tracking gap, not a micro without effect.",
        rationale: "No lift can be measured for an event the site does not send; `trackplan verify` on a capture shows why.",
        triggering: [], nonTriggering: [])
    /// `export-problem`.
    public static let exportProblem = RuleDescription(
        id: "export-problem", severity: .error,
        summary: "Every line of the export can be read (a broken line is located, left out of the numbers, and makes the run exit 2).",
        rationale: "A row that cannot be read must not silently change the figures.",
        triggering: [], nonTriggering: [])

    /// Every description, in the order the documentation lists them.
    public static let descriptions = [signalDisagrees, negativeDisagrees, microWeak, macroUnpredicted, microNotSeen, exportProblem]

    /// The findings of `analysis` about `plan`.
    static func findings(_ analysis: Analysis, plan: Plan) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let noun = analysis.unit == .session ? "sessions" : "users"
        func finding(_ rule: RuleDescription, _ event: String, _ message: String, hint: String) {
            let planned = plan.event(event)
            out.append(Diagnostic(rule: rule.id, severity: rule.severity, message: message, span: planned?.span ?? plan.rootFile.map { .startOf($0) },
                                  path: planned?.path, hint: hint))
        }
        for row in analysis.lift where !row.insufficient {
            guard let phi = row.table.phi else { continue }
            let measured = AnalysisFormat.measured(row, noun: noun)
            if let signal = row.declaredSignal, signal >= 4, phi < 0.1 {
                finding(signalDisagrees, row.micro, "`\(row.micro)` is declared a strong signal (\(signal) of 5) but barely goes with `\(row.macro)`: \(measured)",
                        hint: "lower its `signal`, or check that it fires where the intent is")
            } else if let signal = row.declaredSignal, signal <= 2, phi > 0.3 {
                finding(signalDisagrees, row.micro, "`\(row.micro)` is declared a weak signal (\(signal) of 5) but goes strongly with `\(row.macro)`: \(measured)",
                        hint: "raise its `signal`: it is one of the best predictors of `\(row.macro)`")
            } else if phi < 0.1 && row.table.liftInterval.map({ $0.upperBound >= 1 }) ?? true {
                finding(microWeak, row.micro, "`\(row.micro)` correlates only weakly with `\(row.macro)` (phi below 0.1): \(measured)",
                        hint: "consider dropping it or replacing it with a step closer to the intent: track few, meaningful events")
            }
            if let interval = row.table.liftInterval {
                if row.declaredNegative, interval.lowerBound > 1 {
                    finding(negativeDisagrees, row.micro, "`\(row.micro)` is declared a negative signal, but \(noun) with it convert more to `\(row.macro)`: \(measured)",
                            hint: "remove `negative: true`")
                } else if !row.declaredNegative, interval.upperBound < 1 {
                    finding(negativeDisagrees, row.micro, "\(noun.capitalized) with `\(row.micro)` convert less to `\(row.macro)`: \(measured)",
                            hint: "set `negative: true` if it marks doubt or exit, and do not count it as progress")
                }
            }
        }
        let judged = Dictionary(grouping: analysis.lift.filter { !$0.insufficient }, by: \.macro)
        for (macro, rows) in judged.sorted(by: { $0.key < $1.key }) where !rows.contains(where: { ($0.table.phi ?? 0) >= 0.1 }) {
            finding(macroUnpredicted, macro, "no micro-conversion predicts `\(macro)` (the best phi is \(AnalysisFormat.number(rows.compactMap(\.table.phi).max() ?? 0, digits: 3)))",
                    hint: "add the steps that lead to it (and `leads_to: \(macro)` on them), or check that they are tracked")
        }
        for micro in analysis.unseenMicros {
            finding(microNotSeen, micro, "`\(micro)` never appears in the data: no lift can be measured (a tracking gap, not \"no effect\")",
                    hint: "run `trackplan verify` on a capture of the page where it should fire")
        }
        return out
    }
}
