import Foundation
import TrackplanCapture
import TrackplanCore

/// `value-not-allowed`: a value outside the parameter's list, pattern or range.
public struct ValueNotAllowedCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "value-not-allowed", severity: .error,
        summary: "Parameters with a closed list of `values` (or a pattern or range) take only those; the values met outside it are listed with counts.",
        rationale: """
        A closed list is what makes a dimension usable: `EUR` and `eur` are two rows in every \
        report, and a new plan tier nobody added to the list falls out of the segments built on it.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "add_to_cart", "ecommerce": {"currency": "eur", "value": 25}}
        {"event": "add_to_cart", "ecommerce": {"currency": "EUR", "value": 25}}
        """, format: .dataLayer)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard let expectation = o.expectation else { return }
        for param in expectation.params where param.spec.allowedValues != nil || param.spec.pattern != nil || param.spec.range != nil {
            guard let value = o.event.value(of: param.key), value != .null, ValueRules.fits(value, param.spec.type, layer: o.event.layer),
                  let why = ValueRules.violation(value, param.spec) else { continue }
            tally.record(Self.id, event: expectation.spec.name, param: param.spec.name, detail: o.event.layer.rawValue + " " + param.key + " " + why,
                         value: value.text, layer: o.event.layer, evidence: o.event.evidence)
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let parts = key.detail.split(separator: " ", maxSplits: 2).map(String.init)
            let dataKey = parts.count > 1 ? parts[1] : key.param
            let why = parts.count > 2 ? parts[2] : "not allowed"
            let param = run.spec.event(key.event)?.params.first { $0.name == key.param }
            let total = run.stats(key.event).params[key.param]?.present[entry.layer] ?? entry.count
            let label = dataKey == key.param ? "`\(key.param)`" : "`\(dataKey)` (parameter `\(key.param)`)"
            let values = entry.valueOrder.map { "`\(SafeText.escapingControls($0))` ×\(entry.values[$0] ?? 0)" }.joined(separator: ", ")
            var message = "\(label) of `\(key.event)` took values \(why) in \(VerifyRun.share(entry.count, of: total, entry.layer)): \(values)"
            if let allowed = param?.allowedValues, why == "outside its list" {
                message += "; allowed: " + allowed.map(\.text).joined(separator: ", ")
            }
            return VerifyFinding(message, event: key.event, param: key.param,
                                 hint: "send only the planned values (mind the case), or add the new value to the plan's `values`",
                                 evidence: entry.samples)
        }
    }
}
