import TrackplanCapture
import TrackplanCore

/// `unplanned-event`: an event the plan does not have.
public struct UnplannedEventCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "unplanned-event", severity: .error,
        summary: "Every event the site sends (or pushes) is in the plan; GA4's automatic events (page_view, session_start, Enhanced Measurement) excepted.",
        rationale: """
        An event nobody planned is either a tracking bug (a typo, an old tag left running) or a \
        plan that no longer says what the site does. Either way reports built on the plan miss it. \
        Data layer pushes are matched by the custom event their trigger listens for.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/products/tee", "en=add_to_wishlist&ep.currency=EUR"), format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard o.expectation == nil, !o.isDeprecated, !o.isAutomatic else { return }
        tally.record(Self.id, event: o.event.name, detail: o.event.layer.rawValue, layer: o.event.layer, evidence: o.event.evidence)
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let candidates: [String] = entry.layer == .dataLayer
                ? run.spec.events.compactMap { if case .custom(let pushed) = $0.trigger { pushed } else { nil } }
                : run.spec.events.map(\.name)
            let near = Suggestion.nearest(to: key.event, in: candidates)
            let message = entry.layer == .dataLayer
                ? "`\(key.event)` was pushed to the data layer \(VerifyRun.times(entry.count)), but no planned event is triggered by it"
                : "`\(key.event)` was \(VerifyRun.verb(entry.layer)) \(VerifyRun.times(entry.count)), but the plan has no such event"
            let hint = (near.map { "did you mean `\($0)`? Otherwise add" } ?? "add")
                + " `\(key.event)` to the plan's events (with `renamed_from` if it replaces one), or stop sending it"
            return VerifyFinding(message, hint: hint, evidence: entry.samples)
        }
    }
}
