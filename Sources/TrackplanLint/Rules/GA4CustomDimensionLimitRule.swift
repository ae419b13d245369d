import TrackplanCore
import TrackplanFormat

/// `ga4-custom-dimension-limit`: at most 50 distinct custom parameters.
public struct GA4CustomDimensionLimitRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-custom-dimension-limit", severity: .warning,
        summary: "The plan uses at most 50 distinct custom parameters.",
        rationale: """
        A custom parameter appears in GA4 reports only once it is registered as an event-scoped custom \
        dimension, and a standard property has 50 of them. Parameters past that are collected but cannot be \
        reported on. GA4's own parameters (`value`, `currency`, `items`, …) do not count.
        """,
        triggering: [
            .plan("events:\n  profile_completed:\n    stage: decision\n    params:\n"
                  + (1...25).map { "      answer_\($0): {type: string}\n" }.joined()
                  + "  survey_completed:\n    stage: decision\n    params:\n"
                  + (26...50).map { "      answer_\($0): {type: string}\n" }.joined()
                  + "      ↓answer_51: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  purchase:\n    kind: macro\n    stage: decision\n    params:\n      value: {type: number}\n      currency: {type: string}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        // Shared parameters take their slots first: every event sends them.
        var seen: Set<String> = Set(plan.sharedParams.map(\.name).filter { !GA4Facts.standardParams.contains($0) })
        var results: [Diagnostic] = []
        for event in plan.activeEvents {
            for param in event.params where !GA4Facts.standardParams.contains(param.name) {
                guard seen.insert(param.name).inserted, seen.count > GA4Facts.maxEventScopedCustomDimensions else { continue }
                results.append(finding(
                    "custom parameter `\(param.name)` is number \(seen.count); a GA4 property has \(GA4Facts.maxEventScopedCustomDimensions) event-scoped custom dimensions",
                    at: param.span, path: event.path.param(param.name), hint: "reuse one parameter name for the same meaning across events, or drop the least used"))
            }
        }
        return results
    }
}
