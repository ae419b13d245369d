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
        ],
        nonTriggering: [
            .plan("events:\n  form_submitted:\n    stage: decision\n    params:\n"
                  + (1...25).map { "      field_\($0): {type: string}\n" }.joined()),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.events.compactMap { event in
            guard event.params.count > GA4Facts.maxParamsPerEvent else { return nil }
            let extra = event.params[GA4Facts.maxParamsPerEvent]
            return finding("event `\(event.name)` has \(event.params.count) parameters; GA4 keeps at most \(GA4Facts.maxParamsPerEvent)",
                           at: event.span, path: event.path,
                           hint: "drop \(event.params.count - GA4Facts.maxParamsPerEvent) of them; from `\(extra.name)` on, GA4 would drop them",
                           related: extra.span.map { [.init("the first parameter over the limit", at: $0)] } ?? [])
        }
    }
}
