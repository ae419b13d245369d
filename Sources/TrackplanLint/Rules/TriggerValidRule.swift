import TrackplanCore
import TrackplanFormat

/// `trigger-valid`: triggers and page matches that GTM can use.
public struct TriggerValidRule: Rule {
    public static let description = RuleDescription(
        id: "trigger-valid", severity: .error,
        summary: "Triggers are valid: percents 1–100 ascending, timers 1–86400 s, CSS selectors that parse, RE2-compatible regexes, valid dataLayer event names.",
        rationale: """
        A trigger GTM cannot evaluate never fires: the event silently goes missing from every report. \
        GTM evaluates regexes with RE2, which has no lookaround or backreferences.
        """,
        triggering: [
            .plan("events:\n  article_scroll:\n    stage: awareness\n    trigger:\n      scroll: {percent: [50, ↓25, 100]}\n"),
            .plan("events:\n  article_scroll:\n    stage: awareness\n    trigger:\n      scroll: {percent: [50, ↓25, ↓150]}\n"),
            .plan("events:\n  pricing_click:\n    stage: consideration\n    trigger:\n      click: {selector: ↓'button[data-plan'}\n"),
            .plan("page_types:\n  product:\n    match: {path_regex: ↓'^/products/(?!gift)'}\n"),
            .plan("page_types:\n  service:\n    match: {path_prefix: /services/}\nevents:\n  booking_click:\n    stage: decision\n    pages: [service]\n    trigger: {click: {selector: ↓'button:contains(Book)'}}\n"),
            .plan("events:\n  long_read:\n    stage: awareness\n    trigger:\n      timer: {seconds: ↓0}\n"),
        ],
        nonTriggering: [
            .plan("page_types:\n  product:\n    match: {path_regex: '^/products/[^/]+$'}\nevents:\n  article_scroll:\n    stage: awareness\n    pages: [product]\n    trigger:\n      scroll: {percent: [25, 50, 75, 90]}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for pageType in plan.pageTypes {
            let match = pageType.match
            let path = pageType.path.appending("match")
            switch match.value {
            case .path(let value), .pathPrefix(let value):
                if !value.hasPrefix("/") {
                    results.append(finding("`\(match.value.key)` of page type `\(pageType.id)` must start with `/`, found `\(value)`",
                                           at: match.span, path: path, hint: "write `/\(value)`"))
                }
            case .pathRegex(let pattern):
                if let problem = RegexCheck.problem(pattern) {
                    results.append(finding("`path_regex` of page type `\(pageType.id)` is invalid: \(problem)", at: match.span, path: path,
                                           hint: RegexCheck.hint(for: problem)))
                }
            }
        }
        for event in plan.events where event.hasExplicitTrigger {
            func report(_ message: String, at option: String? = nil, item: Int? = nil, hint: String? = nil) {
                let spans = event.triggerSpans
                var span = option.flatMap { spans.option($0) } ?? event.trigger.span
                if let item, item < spans.percents.count { span = spans.percents[item] }
                results.append(finding("the trigger of `\(event.name)` " + message, at: span, path: event.path.appending("trigger"), hint: hint))
            }
            func checkSelector(_ selector: String) {
                if let found = SelectorCheck.check(selector) {
                    report("has an invalid CSS selector `\(selector)`: \(found.problem)", at: "selector",
                           hint: found.hint ?? "test it with `document.querySelector(…)` in the browser console")
                }
            }
            func checkPercents(_ percents: [Int], emptyMessage: String?) {
                if percents.isEmpty, let emptyMessage { report(emptyMessage, at: "percent") }
                // Both problems are reported at once: out of range, and out of order.
                if let bad = percents.firstIndex(where: { !(1...100).contains($0) }) {
                    report("has percent \(percents[bad]); percents are integers from 1 to 100", at: "percent", item: bad)
                }
                if let bad = percents.indices.dropLast().first(where: { percents[$0] >= percents[$0 + 1] }) {
                    let fixed = Array(Set(percents.filter { (1...100).contains($0) })).sorted()
                    report("lists percents \(percents.map(String.init).joined(separator: ", ")), which are not strictly ascending",
                           at: "percent", item: bad + 1,
                           hint: "write `[\(fixed.map(String.init).joined(separator: ", "))]`")
                }
            }
            switch event.trigger.value {
            case .click(let selector), .visible(let selector, _):
                checkSelector(selector)
            case .linkClick(.selector(let selector)), .formSubmit(.selector(let selector), _):
                checkSelector(selector)
            case .linkClick(.urlRegex(let pattern)):
                if let problem = RegexCheck.problem(pattern) {
                    report("has an invalid `url_regex`: \(problem)", at: "url_regex", hint: RegexCheck.hint(for: problem))
                }
            case .linkClick(.urlContains), .formSubmit(.formID, _), .pageView:
                break
            case .scroll(let percents):
                checkPercents(percents, emptyMessage: "lists no scroll percent")
            case .video(let percents, let start, let complete):
                checkPercents(percents, emptyMessage: start || complete ? nil : "fires on nothing: give `percent`, `start: true` or `complete: true`")
            case .timer(let seconds):
                if !(1...86_400).contains(seconds) {
                    report("waits \(seconds) seconds; a timer waits from 1 to 86400 seconds (24 hours)", at: "seconds")
                }
            case .custom(let name):
                if name.isEmpty || name.contains(where: { $0.isWhitespace || $0.isNewline }) || name.contains("{{") || name.count > 100 {
                    report("listens for the dataLayer event `\(name)`, which is not a valid event name", at: "event",
                           hint: "use a name without spaces or `{{`, as the site pushes it: `dataLayer.push({event: '\(event.name)'})`")
                }
            }
        }
        return results
    }
}
