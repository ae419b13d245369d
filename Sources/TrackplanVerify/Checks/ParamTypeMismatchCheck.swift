import TrackplanCapture
import TrackplanCore

/// `param-type-mismatch`: a parameter sent with another type than planned.
public struct ParamTypeMismatchCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "param-type-mismatch", severity: .error,
        summary: "Parameters have the planned type: on hits `ep.` is a string and `epn.` a number, in exports the value column, in pushes the JSON type. The types seen are given with their shares.",
        rationale: """
        GA4 stores a string and a number in different BigQuery columns and cannot sum a revenue \
        that arrives as text: `value: "25.00"` pushed as a string is sent as `ep.value` and never \
        adds up. A parameter whose type varies ("number 84%, string 16%") breaks every query that \
        reads one column.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: [VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-1&ep.value=25.00"),
                  VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-2&epn.value=40")].joined(separator: "\n"),
        format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard let expectation = o.expectation else { return }
        for param in expectation.params {
            guard let value = o.event.value(of: param.key), !ValueRules.fits(value, param.spec.type, layer: o.event.layer) else { continue }
            tally.record(Self.id, event: expectation.spec.name, param: param.spec.name, detail: o.event.layer.rawValue + " " + param.key,
                         value: value.typeName, layer: o.event.layer, evidence: o.event.evidence)
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let layer = entry.layer
            let dataKey = String(key.detail.split(separator: " ", maxSplits: 1).last ?? "")
            let type = run.spec.event(key.event)?.params.first { $0.name == key.param }?.type
                ?? run.spec.sharedParams.first { $0.name == key.param }?.type ?? .string
            let total = run.stats(key.event).params[key.param]?.types[layer]?.values.reduce(0, +) ?? entry.count
            let label = dataKey == key.param ? "`\(key.param)`" : "`\(dataKey)` (parameter `\(key.param)`)"
            let hint: String
            switch (layer, type) {
            case (.collect, .number), (.collect, .integer):
                hint = "a number travels as `epn.\(key.param)`, text as `ep.\(key.param)`: push the value as a JSON number (25, not \"25.00\")"
            case (.collect, .string):
                hint = "push the value as text (\"123\", not 123) or make the GTM variable return text"
            case (.dataLayer, _):
                hint = "push `\(dataKey)` as \(type == .items ? "an array of item objects" : "a JSON \(type.rawValue)")"
            default:
                hint = "send `\(key.param)` as a \(type.rawValue), or change its type in the plan"
            }
            return VerifyFinding("\(label) of `\(key.event)` should be \(VerifyRun.typePhrase(type.rawValue)) but was "
                                 + entry.valueOrder.map(VerifyRun.typePhrase).joined(separator: " or ")
                                 + " in \(VerifyRun.share(entry.count, of: total, layer)); types seen: \(run.typeShares(key.event, key.param, layer))",
                                 event: key.event, param: key.param, hint: hint, evidence: entry.samples)
        }
    }
}
