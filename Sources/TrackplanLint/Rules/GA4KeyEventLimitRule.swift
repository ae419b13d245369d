import TrackplanCore
import TrackplanFormat

/// `ga4-key-event-limit`: at most 30 key events.
public struct GA4KeyEventLimitRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-key-event-limit", severity: .error,
        summary: "A plan marks at most 30 key events.",
        rationale: """
        A GA4 property can mark at most 30 key events (conversions). Past that you cannot mark the rest, \
        and bidding and reports lose them. Keep key events for the outcomes that matter.
        """,
        triggering: [
            .plan("events:\n" + (1...30).map { "  goal_\($0)_completed: {kind: macro, stage: decision}\n" }.joined()
                  + "  ↓goal_31_completed: {kind: macro, stage: decision}\n"),
        ],
        nonTriggering: [
            .plan("events:\n" + (1...30).map { "  goal_\($0)_completed: {kind: macro, stage: decision}\n" }.joined()
                  + "  goal_31_completed: {kind: macro, stage: decision, key_event: false}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        let keyEvents = Array(plan.activeEvents.filter(\.keyEvent))
        guard keyEvents.count > GA4Facts.maxKeyEvents else { return [] }
        return keyEvents.enumerated().dropFirst(GA4Facts.maxKeyEvents).map { index, event in
            finding("`\(event.name)` is key event number \(index + 1); GA4 allows at most \(GA4Facts.maxKeyEvents)",
                    at: event.span, path: event.path, hint: "set `key_event: false` on the events that are not business outcomes")
        }
    }
}
