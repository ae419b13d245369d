import TrackplanCore
import TrackplanFormat

/// `ga4-param-count`: at most 25 parameters per event.
public struct GA4ParamCountRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-param-count", severity: .error,
        summary: "An event carries at most 25 parameters.",
        rationale: "GA4 keeps only the first 25 parameters of an event and silently drops the rest.",
        triggering: [
            .plan("events:\n  ↓form_submitted:\n    stage: decision\n    params:\n"
                  + (1...26).map { "      field_\($0): {type: string}\n" }.joined()),
            .plan("shared_params:\n" + (1...5).map { "  shared_\($0): {type: string}\n" }.joined()
                  + "events:\n  ↓form_submitted:\n    stage: decision\n    params:\n"
                  + (1...21).map { "      field_\($0): {type: string}\n" }.joined()),
        ],
        nonTriggering: [
            .plan("events:\n  form_submitted:\n    stage: decision\n    params:\n"
                  + (1...25).map { "      field_\($0): {type: string}\n" }.joined()),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        let sharedNames = plan.sharedParams.map(\.name)
        return plan.events.compactMap { event in
            // At most this many, before the shared ones it sends itself are taken out.
            guard event.params.count + sharedNames.count > GA4Facts.maxParamsPerEvent else { return nil }
            // Shared parameters are sent with every event and count toward its limit.
            let own = Set(event.params.map(\.name))
            let shared = sharedNames.filter { !own.contains($0) }
            let total = event.params.count + shared.count
            guard total > GA4Facts.maxParamsPerEvent else { return nil }
            let withShared = shared.isEmpty ? "" : " (\(event.params.count) of its own and \(shared.count) shared with every event)"
            let extra = total - GA4Facts.maxParamsPerEvent
            let firstOver = GA4Facts.maxParamsPerEvent < event.params.count ? event.params[GA4Facts.maxParamsPerEvent] : nil
            return finding("event `\(event.name)` has \(total) parameters\(withShared); GA4 keeps at most \(GA4Facts.maxParamsPerEvent)",
                           at: event.span, path: event.path,
                           hint: "drop \(extra) of them" + (firstOver.map { "; from `\($0.name)` on, GA4 would drop them" } ?? ""),
                           related: firstOver?.span.map { [.init("the first parameter over the limit", at: $0)] } ?? [])
        }
    }
}
