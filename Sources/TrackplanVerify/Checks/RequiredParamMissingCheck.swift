import TrackplanCapture
import TrackplanCore

/// `required-param-missing`: a required parameter absent from some or all of an event's hits.
public struct RequiredParamMissingCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "required-param-missing", severity: .error,
        summary: "Every observation of an event carries the parameters the plan marks `required` (the share missing is given). On the data layer, the key each is read from.",
        rationale: """
        A purchase without `transaction_id` cannot be deduplicated, one without `value` adds \
        nothing to revenue. "Sometimes missing" is as bad as "always missing" for the reports \
        that use it, so the finding gives the share, like Avo's "sent without it 30% of the time".
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "purchase", "ecommerce": {"transaction_id": "T-1", "value": 25}}
        {"event": "purchase", "ecommerce": {"value": 40}}
        {"event": "purchase", "ecommerce": {"transaction_id": "T-3", "value": 12}}
        """, format: .dataLayer)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard let expectation = o.expectation else { return }
        for param in expectation.params where param.spec.required {
            let value = o.event.value(of: param.key)
            if value == nil || value == .null {
                tally.record(Self.id, event: expectation.spec.name, param: param.spec.name, detail: o.event.layer.rawValue + " " + param.key,
                             layer: o.event.layer, evidence: o.event.evidence)
            }
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let layer = entry.layer
            let dataKey = String(key.detail.split(separator: " ", maxSplits: 1).last ?? "")
            let total = run.stats(key.event).counts[layer] ?? entry.count
            let label = dataKey == key.param ? "the required parameter `\(key.param)`" : "the required `\(dataKey)` (parameter `\(key.param)`)"
            let subject = layer == .dataLayer ? "the data layer pushes for `\(key.event)` lack" : "`\(key.event)` lacks"
            let hint = layer == .dataLayer
                ? "push `\(dataKey)` with every `\(key.event)` push"
                : "send `\(key.param)` with every `\(key.event)`" + (run.layers.contains(.dataLayer) || layer == .warehouse ? "" : "; verify a data layer dump with the capture to tell whether the site or the container drops it")
            return VerifyFinding("\(subject) \(label) in \(VerifyRun.share(entry.count, of: total, layer))",
                                 event: key.event, param: key.param, hint: hint, evidence: entry.samples)
        }
    }
}
