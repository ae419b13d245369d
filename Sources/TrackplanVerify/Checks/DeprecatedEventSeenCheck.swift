import TrackplanCapture
import TrackplanCore

/// `deprecated-event-seen`: an event the plan deprecated is still sent.
public struct DeprecatedEventSeenCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "deprecated-event-seen", severity: .warning,
        summary: "Events marked `status: deprecated` are no longer sent.",
        rationale: """
        Deprecating an event tells analysts to stop relying on it and removes its tag from the \
        generated container; if the site still sends it, an old tag or a hard-coded gtag call is \
        still running, and the data keeps arriving under a name nobody maintains.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan + """
          wishlist_add:
            stage: consideration
            leads_to: purchase
            status: deprecated

        """,
        capture: VerifyExample.hit("/products/tee", "en=wishlist_add"), format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard o.isDeprecated else { return }
        tally.record(Self.id, event: o.event.name, detail: o.event.layer.rawValue, layer: o.event.layer, evidence: o.event.evidence)
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let planned = run.plan.events.first { $0.status == .deprecated && ($0.name == key.event || $0.trigger.value == .custom(event: key.event)) }
            return VerifyFinding("`\(key.event)` is deprecated in the plan but was still \(VerifyRun.verb(entry.layer)) \(VerifyRun.times(entry.count))",
                                 event: planned?.name,
                                 hint: "remove what still sends it (an old tag, a gtag call, a push in the site's code), or set its status back if it is still needed",
                                 evidence: entry.samples)
        }
    }
}
