import TrackplanCapture
import TrackplanCore

/// `ga4-limits`: what GA4 truncates or drops.
public struct GA4LimitsCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "ga4-limits", severity: .error,
        summary: "Hits and exported events stay within GA4's collection limits: event and parameter names up to 40 characters, at most 25 parameters per event, parameter values up to 100 characters (page_location 1,000, page_title 300, page_referrer 420), user property names up to 24 and values up to 36.",
        rationale: """
        GA4 does not reject what exceeds its limits: it silently drops the event or the extra \
        parameters, or cuts the value, and the loss shows up weeks later as a gap in a report.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/products/tee", "en=add_to_cart&ep.currency=EUR&epn.value=25&ep.item_list_name="
                                   + String(repeating: "Summer%20sale%20", count: 10)),
        format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        let event = o.event
        guard event.layer != .dataLayer else { return }
        let name = o.expectation?.spec.name ?? event.name
        func record(_ detail: String, param: String = "", value: String? = nil) {
            tally.record(Self.id, event: name, param: param, detail: detail, value: value, layer: event.layer, evidence: event.evidence)
        }
        if event.name.count > GA4Facts.maxEventNameLength { record("event-name", value: String(event.name.count)) }
        var custom = 0
        for param in event.params {
            if !GA4Facts.automaticParams.contains(param.name), !GA4Facts.reservedParamPrefixes.contains(where: param.name.hasPrefix) { custom += 1 }
            if param.name.count > GA4Facts.maxParamNameLength { record("param-name", param: param.name) }
            if case .string(let text) = param.value {
                let limit = GA4Facts.maxParamValueLengths[param.name] ?? GA4Facts.maxParamValueLength
                if text.count > limit { record("value-length", param: param.name, value: String(text.count)) }
            }
        }
        if custom > GA4Facts.maxParamsPerEvent { record("param-count", value: String(custom)) }
        for property in event.userProperties {
            if property.name.count > GA4Facts.maxUserPropertyNameLength { record("user-property-name", param: property.name) }
            if case .string(let text) = property.value, text.count > GA4Facts.maxUserPropertyValueLength {
                record("user-property-value", param: property.name, value: String(text.count))
            }
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let most = entry.valueOrder.compactMap(Int.init).max() ?? 0
            let n = "in \(entry.count) \(VerifyRun.noun(entry.layer, entry.count))"
            let message: String
            switch key.detail {
            case "event-name":
                message = "`\(key.event)` is \(most) characters long; GA4 drops events whose name is longer than \(GA4Facts.maxEventNameLength)"
            case "param-name":
                message = "`\(key.event)` carries `\(key.param)`, a parameter name longer than \(GA4Facts.maxParamNameLength) characters, which GA4 drops (\(n))"
            case "param-count":
                message = "`\(key.event)` carried up to \(most) parameters \(n); GA4 keeps \(GA4Facts.maxParamsPerEvent) per event and drops the rest"
            case "user-property-name":
                message = "the user property `\(key.param)` has a name longer than \(GA4Facts.maxUserPropertyNameLength) characters, which GA4 drops (\(n))"
            case "user-property-value":
                message = "the user property `\(key.param)` had values of up to \(most) characters \(n); GA4 cuts them at \(GA4Facts.maxUserPropertyValueLength)"
            default:
                let limit = GA4Facts.maxParamValueLengths[key.param] ?? GA4Facts.maxParamValueLength
                message = "`\(key.param)` of `\(key.event)` had values of up to \(most) characters \(n); GA4 cuts them at \(limit)"
            }
            return VerifyFinding(message, event: run.plan.event(key.event) != nil ? key.event : nil,
                                 param: run.plan.event(key.event)?.params.contains { $0.name == key.param } == true ? key.param : nil,
                                 hint: "shorten it at the source (or in the GTM variable) so GA4 keeps it whole",
                                 evidence: entry.samples)
        }
    }
}
