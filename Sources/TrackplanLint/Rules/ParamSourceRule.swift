import TrackplanCore
import TrackplanFormat

/// `param-source`: a parameter says where its value comes from when nothing pushes it.
public struct ParamSourceRule: Rule {
    public static let description = RuleDescription(
        id: "param-source", severity: .warning,
        summary: "A parameter of an event fired by a click, form, scroll, video, timer or visibility trigger says where its value comes from (`from`).",
        rationale: """
        Without `from`, a parameter reads the data layer key of its own name. Events the site pushes \
        bring their keys with them, but a click or a scroll happens without any push: unless the page \
        pushed that key earlier, nothing fills the parameter and GA4 silently drops it. Say where the \
        value is: a built-in (`builtin:click_text`), an attribute of the element \
        (`attribute:data-plan`), a URL query parameter (`query:utm_campaign`), a cookie, a constant, or \
        the data layer key written out (`from: page.category`) when the page does push it.
        """,
        triggering: [
            .plan("events:\n  plan_select:\n    stage: decision\n    trigger: {click: {selector: '.plan-card button'}}\n    params:\n      ↓plan_name: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  plan_select:\n    stage: decision\n    trigger: {click: {selector: '.plan-card button'}}\n    params:\n      plan_name: {type: string, from: 'attribute:data-plan'}\n"),
            .plan("events:\n  plan_select:\n    stage: decision\n    params:\n      plan_name: {type: string}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for event in plan.activeEvents {
            let kind = event.trigger.value.kind
            guard !["custom", "page_view"].contains(kind) else { continue }
            for param in event.params where !param.hasExplicitSource {
                guard case .dataLayer(let key) = param.source else { continue }
                results.append(finding(
                    "parameter `\(param.name)` of `\(event.name)` reads the dataLayer key `\(key)`, but a `\(kind)` trigger fires without a data layer push: nothing may fill it",
                    at: param.span, path: event.path.param(param.name),
                    hint: "say where the value is with `from:` (`builtin:click_text`, `attribute:data-…`, `query:…`, `cookie:…`), or write `from: \(key)` if the page pushes it earlier"))
            }
        }
        return results
    }
}
