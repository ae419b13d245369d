import TrackplanCore
import TrackplanFormat

/// `name-style`: the action word sits where the convention puts it.
public struct NameStyleRule: Rule {
    public static let description = RuleDescription(
        id: "name-style", severity: .warning,
        summary: "With `object_action`, event names end with an action word (`video_play`); with `action_object`, they start with one (`play_video`).",
        rationale: """
        A fixed word order groups related events together in GA4's alphabetical lists (`video_play`, \
        `video_pause`, `video_complete`) and tells at a glance what happened. GA4's recommended event \
        names are exempt: they keep Google's spelling.
        """,
        triggering: [
            .plan("events:\n  ↓play_video:\n    stage: consideration\n"),
            .plan("conventions: {style: action_object}\nevents:\n  ↓video_play:\n    stage: consideration\n"),
            .plan("conventions: {actions: [tap]}\nevents:\n  ↓button_click:\n    stage: consideration\n"),
        ],
        nonTriggering: [
            .plan("events:\n  video_play:\n    stage: consideration\n  pricing_viewed:\n    stage: consideration\n  add_to_cart:\n    stage: decision\n"),
            .plan("conventions: {style: free}\nevents:\n  play_video:\n    stage: consideration\n"),
        ])

    public init() {}

    /// Verbs used when `conventions.actions` is empty.
    public static let builtInActions = [
        "view", "click", "tap", "submit", "start", "begin", "complete", "finish", "play", "pause", "resume", "stop",
        "watch", "download", "upload", "add", "remove", "delete", "select", "open", "close", "expand", "collapse",
        "toggle", "scroll", "search", "share", "save", "like", "follow", "subscribe", "unsubscribe", "join", "signup",
        "login", "logout", "register", "request", "book", "schedule", "call", "contact", "apply", "compare", "filter",
        "sort", "copy", "print", "rate", "review", "comment", "reply", "send", "use", "calculate", "configure", "customize",
        "change", "update", "enter", "exit", "leave", "abandon", "reach", "visit", "hover", "focus", "error", "fail",
        "succeed", "confirm", "cancel", "accept", "decline", "dismiss", "show", "hide", "load", "read", "listen",
        "chat", "check", "choose", "claim", "redeem", "buy", "order", "pay", "purchase", "checkout", "convert", "try",
        "activate", "invite", "create", "edit", "engage", "interact", "navigate", "play", "zoom", "swipe", "drag", "drop",
    ]

    /// Words that end an event name as its action although they are not verbs: outcomes and
    /// states (`booking_success`, `checkout_progress`, `pricing_table_visible`).
    public static let outcomeWords: Set<String> = [
        "success", "failure", "error", "progress", "impression", "visible", "hidden", "shown", "reset", "completion",
        "submission", "abandonment", "signup", "login", "logout", "checkout", "timeout", "change",
    ]

    /// Particles that finish a phrasal verb (`sign_up`, `opt_in`, `link_out`).
    static let particles: Set<String> = ["up", "in", "out", "off", "on", "down"]

    /// Verbs that are as often nouns (`scroll_depth`, `search_results`, `view_count`): a name
    /// starting with one is not surely verb-first, so no rename is suggested for it.
    static let alsoNouns: Set<String> = [
        "scroll", "view", "click", "search", "share", "order", "call", "contact", "review", "comment", "like", "start",
        "download", "upload", "save", "print", "rate", "reply", "chat", "check", "book", "filter", "sort", "copy", "change",
        "update", "exit", "visit", "hover", "focus", "error", "show", "load", "read", "purchase", "checkout", "request",
        "schedule", "signup", "login", "logout", "drop", "drag", "zoom", "swipe", "use", "try", "cancel", "pay", "step",
        "claim", "convert", "confirm", "reach", "leave", "answer", "increase", "decrease",
    ]

    public func check(_ plan: Plan) -> [Diagnostic] {
        let style = plan.conventions.style
        guard style != .free else { return [] }
        let vocabulary = plan.conventions.actions.isEmpty ? Self.builtInActions : plan.conventions.actions.map { $0.lowercased() }
        let verbs = Set(vocabulary)
        return plan.events.compactMap { event in
            if GA4Facts.recommendedEvents[event.name] != nil { return nil }
            // Numbers say how much (`page_scroll_75`), not what happened: judge the words before them.
            var words = NameWords.split(event.name)
            while words.count > 1, let last = words.last, last.allSatisfy(\.isNumber) { words.removeLast() }
            guard let first = words.first, let last = words.last else { return nil }
            func isAction(_ word: String) -> Bool { Self.isAction(word, verbs) || Self.outcomeWords.contains(word) }
            switch style {
            case .objectAction:
                if isAction(last) { return nil }
                if words.count > 1, Self.particles.contains(last) { return nil }
                if let swapped = Self.sureSwap(words, verbs: verbs, style: style) {
                    let renamed = NameWords.convert(swapped.joined(separator: "_"), to: plan.conventions.nameCase)
                    return finding("event `\(event.name)` starts with the action `\(first)`; the convention is object_action",
                                   at: event.span, path: event.path, hint: "rename it to `\(renamed)`")
                }
                return finding("event `\(event.name)` does not end with an action word; the convention is object_action (`video_play`)",
                               at: event.span, path: event.path, hint: actionHint(plan))
            case .actionObject:
                if isAction(first) { return nil }
                if let swapped = Self.sureSwap(words, verbs: verbs, style: style) {
                    let renamed = NameWords.convert(swapped.joined(separator: "_"), to: plan.conventions.nameCase)
                    return finding("event `\(event.name)` ends with the action `\(last)`; the convention is action_object",
                                   at: event.span, path: event.path, hint: "rename it to `\(renamed)`")
                }
                return finding("event `\(event.name)` does not start with an action word; the convention is action_object (`play_video`)",
                               at: event.span, path: event.path, hint: actionHint(plan))
            case .free:
                return nil
            }
        }
    }

    /// The words in the convention's order, when trackplan is sure of the rename: two words, the
    /// misplaced one a verb in its base form that is not as often a noun, the other not an
    /// action. Otherwise nil: a rename that could be worse than the name is not suggested.
    static func sureSwap(_ words: [String], verbs: Set<String>, style: NameStyle) -> [String]? {
        guard words.count == 2 else { return nil }
        let (verb, object) = style == .objectAction ? (words[0], words[1]) : (words[1], words[0])
        guard verbs.contains(verb), !alsoNouns.contains(verb), !isAction(object, verbs), !outcomeWords.contains(object) else { return nil }
        return style == .objectAction ? [object, verb] : [verb, object]
    }

    func actionHint(_ plan: Plan) -> String {
        if plan.conventions.actions.isEmpty {
            return "use a verb such as view, click, submit, start, complete, download; or list your own under `conventions.actions`"
        }
        return "the actions are " + plan.conventions.actions.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// Whether `word` is one of `verbs` or an inflection of one (played, submitted, viewing, views).
    static func isAction(_ word: String, _ verbs: Set<String>) -> Bool {
        if verbs.contains(word) { return true }
        for suffix in ["ed", "d", "ing", "s", "es"] where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            if verbs.contains(stem) { return true }
            // Doubled final consonant: submitted → submit, stopped → stop.
            if stem.count > 2, let last = stem.last, stem.dropLast().last == last, verbs.contains(String(stem.dropLast())) { return true }
            // Dropped final e: saving → save, scheduled is handled by "d".
            if suffix == "ing", verbs.contains(stem + "e") { return true }
        }
        return false
    }
}
