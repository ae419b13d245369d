import TrackplanCore
import TrackplanFormat

/// `event-stage`: every event sits in a funnel stage.
public struct EventStageRule: Rule {
    public static let description = RuleDescription(
        id: "event-stage", severity: .warning,
        summary: "Each event names its funnel stage with `stage`.",
        rationale: """
        Stages turn a list of events into a journey: they show where visitors are when they hesitate, and \
        which part of the funnel has no measurement at all.
        """,
        triggering: [
            .plan("events:\n  ↓size_guide_open:\n    description: Visitor checks the fit.\n"),
        ],
        nonTriggering: [
            .plan("events:\n  size_guide_open:\n    stage: consideration\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        Array(plan.activeEvents.filter { $0.stage == nil }.map { (event: Event) -> Diagnostic in
            finding("event `\(event.name)` is not mapped to a funnel stage", at: event.span, path: event.path,
                    hint: "add `stage:` with one of " + plan.stages.map { "`\($0.id)`" }.joined(separator: ", "))
        })
    }
}
