import TrackplanCore
import TrackplanFormat

/// `micro-leads-to`: every micro-conversion names the macro it predicts.
public struct MicroLeadsToRule: Rule {
    public static let description = RuleDescription(
        id: "micro-leads-to", severity: .warning,
        summary: "Each micro-conversion names the macro-conversion it signals progress toward with `leads_to`.",
        rationale: """
        A micro-conversion is worth tracking because it predicts a conversion. Naming that conversion \
        lets you check the prediction (do wishlisters buy more?) and build audiences from it.
        """,
        triggering: [
            .plan("events:\n  ↓size_guide_open:\n    stage: consideration\n  purchase:\n    kind: macro\n    stage: decision\n"),
        ],
        nonTriggering: [
            .plan("events:\n  size_guide_open:\n    stage: consideration\n    leads_to: purchase\n  purchase:\n    kind: macro\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        let macros = plan.macroNames
        return Array(plan.activeEvents.filter { $0.isMicro && $0.leadsTo == nil }.map { (event: Event) -> Diagnostic in
            finding("micro-conversion `\(event.name)` does not say which macro-conversion it leads to", at: event.span, path: event.path,
                    hint: macros.isEmpty ? "define the macro-conversion (`kind: macro`) and add `leads_to:`"
                        : "add `leads_to:` with one of " + macros.map { "`\($0)`" }.joined(separator: ", "))
        })
    }
}
