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
            tally.record(Self.id, event: expectation.spec.name, detail: o.event.layer.rawValue, value: param.name,
                         layer: o.event.layer, evidence: o.event.evidence)
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let total = max(run.stats(key.event).counts[entry.layer] ?? 0, 1)
            let subject = entry.layer == .dataLayer ? "the data layer pushes for `\(key.event)` carry" : "`\(key.event)` carries"
            let message: String
            if entry.valueOrder.count == 1, let name = entry.valueOrder.first {
                message = "\(subject) `\(SafeText.escapingControls(name))`, which the plan does not \(entry.layer == .dataLayer ? "read" : "list"), in "
                    + VerifyRun.share(entry.values[name] ?? 0, of: total, entry.layer)
            } else {
                let names = entry.valueOrder.map { "`\(SafeText.escapingControls($0))` \(VerifyRun.percent(Double(entry.values[$0] ?? 0) / Double(total)))" }
                message = "\(subject) \(names.count)\(entry.values.count >= Tally.maxValues ? " or more" : "") "
                    + (entry.layer == .dataLayer ? "keys the plan does not read" : "parameters the plan does not list")
                    + " (share of its \(total) \(VerifyRun.noun(entry.layer, total))): " + names.joined(separator: ", ")
            }
            let them = entry.valueOrder.count == 1 ? "it" : "them"
            return VerifyFinding(message, event: key.event,
                                 hint: "add \(them) to the event's `params` in the plan, or stop sending \(them)",
                                 evidence: entry.samples)
        }
    }
}
