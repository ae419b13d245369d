import TrackplanCapture
import TrackplanCore

/// `personal-data`: an e-mail address or phone number in a value.
public struct PersonalDataCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "personal-data", severity: .error,
        summary: "No value sent carries personal data: e-mail addresses (also URL-encoded, as in a page URL's query) or phone numbers. The finding quotes the value masked.",
        rationale: """
        Google Analytics' terms forbid sending personally identifiable information, and Google can \
        delete a property's data for it. It most often leaks through the page URL (a form that puts \
        `?email=` in the query) or a form field read into a parameter.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/cart?email=ana%40example.com", "en=purchase&ep.transaction_id=T-1&epn.value=25"), format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        let name = o.expectation?.spec.name ?? o.event.name
        for (params, isUserProperty) in [(o.event.params, false), (o.event.userProperties, true)] {
            for param in params {
                guard case .string(let text) = param.value, let kind = PersonalData.kind(in: text) else { continue }
                tally.record(Self.id, event: name, param: param.name, detail: (isUserProperty ? "user " : "") + kind,
                             value: PersonalData.masked(text), layer: o.event.layer, evidence: o.event.evidence)
            }
        }
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let isUser = key.detail.hasPrefix("user ")
            let kind = isUser ? String(key.detail.dropFirst(5)) : key.detail
            let what = isUser ? "the user property `\(key.param)`" : "`\(key.param)` of `\(key.event)`"
            let planned = run.plan.event(key.event)
            return VerifyFinding("\(what) contained \(kind) in \(entry.count) \(VerifyRun.noun(entry.layer, entry.count)) (\(entry.valueOrder.prefix(3).joined(separator: ", "))); GA4's terms forbid sending personal data",
                                 event: planned != nil ? key.event : nil,
                                 param: planned?.params.contains { $0.name == key.param } == true ? key.param : nil,
                                 hint: key.param == "page_location" || key.param == "page_referrer"
                                    ? "keep personal data out of URLs (POST the form instead of GET), or strip the query parameter in the Google tag's page_location"
                                    : "send a flag or a category instead, or remove the value at the source",
                                 evidence: entry.samples)
        }
    }
}
