import TrackplanCore
import TrackplanFormat

/// `trigger-scope`: page-level triggers are scoped to page types.
public struct TriggerScopeRule: Rule {
    public static let description = RuleDescription(
        id: "trigger-scope", severity: .warning,
        summary: "`page_view`, `scroll`, `timer` and `visible` triggers belong to events with `pages`.",
        rationale: """
        Without `pages`, a scroll, timer, visibility or page-view trigger fires on every page of the site: \
        the event stops meaning anything about intent and inflates your event counts.
        """,
        triggering: [
            .plan("events:\n  deep_read:\n    stage: awareness\n    trigger:\n      ↓scroll: {percent: [75]}\n"),
        ],
        nonTriggering: [
            .plan("page_types:\n  article:\n    match: {path_prefix: /blog/}\nevents:\n  deep_read:\n    stage: awareness\n    pages: [article]\n    trigger:\n      scroll: {percent: [75]}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.events.compactMap { event in
            guard event.pages == nil else { return nil }
            switch event.trigger.value {
            case .pageView, .scroll, .timer, .visible:
                return finding("event `\(event.name)` has a `\(event.trigger.value.kind)` trigger but no `pages`, so it fires on every page",
                               at: event.trigger.span, path: event.path.appending("trigger"),
                               hint: "add `pages:` with the page types where it means something")
            default:
                return nil
            }
        }
    }
}
