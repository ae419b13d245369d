/// `name-similar`: two names for what is probably one thing.
public struct NameSimilarRule: Rule {
    public static let description = RuleDescription(
        id: "name-similar", severity: .warning,
        summary: "Two event or parameter names are the same words in another order, or equal ignoring case and separators.",
        rationale: """
        `video_play` and `play_video`, or `signUp` and `sign_up`, split one behaviour across two names: \
        each report shows half of it, and nobody knows which one the site sends.
        """,
        triggering: [
            .plan("events:\n  video_play:\n    stage: consideration\n  ↓play_video:\n    stage: consideration\n"),
            .plan("events:\n  sign_up:\n    stage: decision\n    params:\n      method: {type: string}\n  newsletter_subscribe:\n    stage: decision\n    params:\n      ↓Method: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  video_play:\n    stage: consideration\n  video_pause:\n    stage: consideration\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        // Events: one pass with hash maps, so the rule stays linear on large plans.
        var byCompact: [String: Event] = [:]
        var byWords: [String: Event] = [:]
        for event in plan.events {
            let words = NameWords.split(event.name)
            let compact = words.joined()
            let bag = words.sorted().joined(separator: " ")
            if let first = byCompact[compact] {
                results.append(finding("event `\(event.name)` differs from `\(first.name)` (\(first.span)) only in case or separators",
                                       at: event.span, path: event.path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: first.span)]))
            } else if let first = byWords[bag], words.count > 1 {
                results.append(finding("event `\(event.name)` has the same words as `\(first.name)` (\(first.span)) in another order",
                                       at: event.span, path: event.path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: first.span)]))
            }
            if byCompact[compact] == nil { byCompact[compact] = event }
            if byWords[bag] == nil { byWords[bag] = event }
        }
        // Parameters: the first spelling of each name across the plan.
        var paramsByCompact: [String: Param] = [:]
        var paramsByWords: [String: Param] = [:]
        var exact: Set<String> = []
        for event in plan.events {
            for param in event.params {
                guard exact.insert(param.name).inserted else { continue }
                let words = NameWords.split(param.name)
                let compact = words.joined()
                let bag = words.sorted().joined(separator: " ")
                if let first = paramsByCompact[compact] {
                    results.append(finding("parameter `\(param.name)` differs from `\(first.name)` (\(first.span)) only in case or separators",
                                           at: param.span, path: param.path, hint: "use one name: `\(first.name)`",
                                           related: [.init("`\(first.name)` is defined here", at: first.span)]))
                } else if let first = paramsByWords[bag], words.count > 1 {
                    results.append(finding("parameter `\(param.name)` has the same words as `\(first.name)` (\(first.span)) in another order",
                                           at: param.span, path: param.path, hint: "use one name: `\(first.name)`",
                                           related: [.init("`\(first.name)` is defined here", at: first.span)]))
                }
                if paramsByCompact[compact] == nil { paramsByCompact[compact] = param }
                if paramsByWords[bag] == nil { paramsByWords[bag] = param }
            }
        }
        return results
    }
}
