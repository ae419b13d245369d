import TrackplanCore
import TrackplanFormat

/// `signal-spread`: micro-conversions are weighted, not all equal.
public struct SignalSpreadRule: Rule {
    public static let description = RuleDescription(
        id: "signal-spread", severity: .info,
        summary: "Micro-conversions carry different `signal` strengths (1 to 5), not all the same or none.",
        rationale: """
        Not all signals are equal: adding to a wishlist says more than opening an image. Weights let you \
        score visitors and prioritize what to improve.
        """,
        triggering: [
            .plan("events:\n  ↓image_zoom:\n    stage: consideration\n  wishlist_add:\n    stage: decision\n"),
            .plan("events:\n  ↓image_zoom:\n    stage: consideration\n    signal: 3\n  wishlist_add:\n    stage: decision\n    signal: 3\n"),
        ],
        nonTriggering: [
            .plan("events:\n  image_zoom:\n    stage: consideration\n    signal: 1\n  wishlist_add:\n    stage: decision\n    signal: 4\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var count = 0
        var firstSpan: SourceSpan?
        var signals: Set<Int?> = []
        for event in plan.activeEvents where event.isMicro {
            count += 1
            if firstSpan == nil { firstSpan = event.span }
            signals.insert(event.signal)
            if signals.count > 1 { return [] }
        }
        guard count >= 2, let span = firstSpan, let only = signals.first else { return [] }
        let message = only.map { "all \(count) micro-conversions have `signal: \($0)`; weight them by how strongly each predicts a conversion" }
            ?? "no micro-conversion has a `signal`; weight them by how strongly each predicts a conversion"
        return [finding(message, at: span, path: .key("events"), hint: "add `signal:` from 1 (weak) to 5 (strong) to each micro-conversion")]
    }
}
