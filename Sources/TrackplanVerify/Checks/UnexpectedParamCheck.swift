import TrackplanCapture
import TrackplanCore

/// `unexpected-param`: a parameter the plan does not list for the event.
public struct UnexpectedParamCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "unexpected-param", severity: .warning,
        summary: "Planned events carry only the parameters the plan lists (plus the shared ones and those GA4 adds itself); on the data layer, only the keys the plan reads.",
        rationale: """
        A parameter nobody planned has no custom dimension, so GA4 reports cannot show it; it may \
        be a renamed parameter whose old name the plan still expects, or data (an e-mail, a user id) \
        that should not be sent at all.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-1&epn.value=25&ep.coupon=WINTER"), format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard let expectation = o.expectation else { return }
        for param in o.event.params where !expectation.expects(param.name) {
            if o.event.layer != .dataLayer {
                if GA4Facts.automaticParams.contains(param.name) || GA4Facts.reservedParamPrefixes.contains(where: param.name.hasPrefix) { continue }
            }
            tally.record(Self.id, event: expectation.spec.name, param: param.name, detail: o.event.layer.rawValue,
                         layer: o.event.layer, evidence: o.event.evidence)
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let total = run.stats(key.event).counts[entry.layer] ?? entry.count
            let what = entry.layer == .dataLayer ? "the data layer pushes for `\(key.event)` carry `\(key.param)`, which the plan does not read"
                                                 : "`\(key.event)` carries `\(key.param)`, which the plan does not list"
            return VerifyFinding(what.prefix(1).uppercased() + what.dropFirst() + ", in \(VerifyRun.share(entry.count, of: total, entry.layer))",
                                 event: key.event,
                                 hint: "add `\(key.param)` to the event's `params` in the plan, or stop sending it",
                                 evidence: entry.samples)
        }
    }
}
