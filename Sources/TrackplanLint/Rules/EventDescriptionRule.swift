import TrackplanCore
import TrackplanFormat

/// `event-description`: every event says what intent it signals.
public struct EventDescriptionRule: Rule {
    public static let description = RuleDescription(
        id: "event-description", severity: .warning,
        summary: "Each event has a `description` of the intent it signals.",
        rationale: """
        Six months from now nobody remembers why `cta_2_click` was tracked. A sentence on the intent \
        it signals is what makes the plan readable by the marketer, the analyst and the developer.
        """,
        triggering: [
            .plan("events:\n  ↓size_guide_open:\n    stage: consideration\n"),
        ],
        nonTriggering: [
            .plan("events:\n  size_guide_open:\n    stage: consideration\n    description: Visitor checks the fit before buying.\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        Array(plan.activeEvents.filter { ($0.description ?? "").allSatisfy(\.isWhitespace) }.map { (event: Event) -> Diagnostic in
            finding("event `\(event.name)` has no description of the intent it signals", at: event.span, path: event.path,
                    hint: "add `description:` saying what the visitor shows by doing this")
        })
    }
}
