import Foundation
import TrackplanCore
import TrackplanFormat

/// `ga4-recommended-event`: use GA4's recommended names and parameters.
public struct GA4RecommendedEventRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-recommended-event", severity: .warning,
        summary: "Custom names that mean a GA4 recommended event use its name; recommended events carry the parameters GA4 needs.",
        rationale: """
        GA4 builds its ecommerce, lead and engagement reports from recommended events. An `order_completed` \
        event never shows up in the monetization reports; `purchase` without `transaction_id` cannot be \
        de-duplicated; a `value` without a `currency` is not counted as revenue.
        """,
        triggering: [
            .plan("events:\n  ↓cart_add:\n    stage: decision\n"),
            .plan("events:\n  ↓purchase:\n    kind: macro\n    stage: decision\n    params:\n      value: {type: number}\n      currency: {type: string}\n"),
            .plan("events:\n  ↓generate_lead:\n    kind: macro\n    stage: decision\n    params:\n      value: {type: number}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n"),
            .plan("events:\n  purchase:\n    kind: macro\n    stage: decision\n    params:\n      transaction_id: {type: string, required: true}\n      value: {type: number}\n      currency: {type: string}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        var names: Set<String>?  // built when a synonym is found
        for event in plan.events {
            let words = NameWords.split(event.name)
            if let recommended = GA4Facts.recommendedSynonyms[words.joined(separator: "_")] ?? GA4Facts.recommendedSynonyms[words.joined()],
               recommended != event.name {
                let all = names ?? Set(plan.events.map(\.name))
                names = all
                let clash = all.contains(recommended) ? " (the plan has `\(recommended)` too: merge them)" : ""
                results.append(finding(
                    "event `\(event.name)` means GA4's recommended event `\(recommended)`\(clash)",
                    at: event.span, path: event.path,
                    hint: "rename it to `\(recommended)` so GA4's built-in reports use it"))
            }
            // An event has a few parameters: look them up in place.
            let params = event.params
            func has(_ name: String) -> Bool { params.contains { $0.name == name } }
            if let recommended = GA4Facts.recommendedEvents[event.name] {
                for required in recommended.required where !has(required) {
                    results.append(finding(
                        "recommended event `\(event.name)` has no `\(required)` parameter, which GA4 needs for it",
                        at: event.span, path: event.path, hint: "add `\(required): {type: string, required: true}` under `params`"))
                }
            }
            if has("value"), !has("currency") {
                results.append(finding(
                    "event `\(event.name)` sends `value` without `currency`; GA4 ignores a value with no currency",
                    at: event.span, path: event.path, hint: "add `currency: {type: string}` under `params`"))
            }
        }
        return results
    }
}
