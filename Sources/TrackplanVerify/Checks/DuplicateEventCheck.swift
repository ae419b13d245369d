import TrackplanCapture
import TrackplanCore

/// `duplicate-event`: one action sent twice.
public struct DuplicateEventCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "duplicate-event", severity: .warning,
        summary: "One action is sent once: the same event with the same page and parameters, from the same client, is not repeated within a second (without timestamps: right after itself).",
        rationale: """
        Double-firing doubles the event's counts and its conversion rate: typically two tags for \
        one event (a GTM tag and a hard-coded gtag call), or a trigger that matches both a click \
        and a link click on the same element.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "add_to_cart", "ecommerce": {"currency": "EUR", "value": 25}}
        {"event": "add_to_cart", "ecommerce": {"currency": "EUR", "value": 25}}
        """, format: .dataLayer)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard o.repeats != nil, !o.isAutomatic else { return }
        tally.record(Self.id, event: o.expectation?.spec.name ?? o.event.name, detail: o.event.layer.rawValue,
                     layer: o.event.layer, evidence: o.event.evidence)
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let total = run.stats(key.event).counts[entry.layer] ?? 0
            let repeatsWhat = entry.layer == .dataLayer
                ? "`\(key.event)` was pushed again right after itself with the same keys"
                : "`\(key.event)` was \(VerifyRun.verb(entry.layer)) again within \(Int(run.options.duplicateWindow)) ms with the same page and parameters"
            let message = repeatsWhat + ": " + (total > 0 ? VerifyRun.share(entry.count, of: total, entry.layer) : "\(entry.count) \(VerifyRun.noun(entry.layer, entry.count))")
                + (entry.layer == .dataLayer ? " repeat the one before" : " repeat an earlier one")
            return VerifyFinding(message, event: run.plan.event(key.event) != nil ? key.event : nil,
                                 hint: "look for two tags or two triggers sending it for one action (a GTM tag and a gtag call, a click and a link-click trigger), and keep one",
                                 evidence: entry.samples)
        }
    }
}
