import TrackplanCore
import TrackplanFormat

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
        // One pass with hash maps of names to the first place they occur (not whole events),
        // so the rule stays linear in time and small in memory on large plans.
        var byCompact: [String: (name: String, span: SourceSpan)] = [:]
        var byWords: [String: (name: String, span: SourceSpan)] = [:]
        func compare(_ name: String, _ span: SourceSpan?, path: EntityPath, what: String) {
            guard let span else { return }  // names from no source file have nothing to point at
            let words = NameWords.split(name)
            let compact = words.joined()
            var reported = false
            if let first = byCompact[compact] {
                results.append(finding("\(what) `\(name)` differs from `\(first.name)` (\(first.span)) only in case or separators",
                                       at: span, path: path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: first.span)]))
                reported = true
            } else {
                byCompact[compact] = (name, span)
            }
            // A single word has no other order, and its bag (no space) matches no longer name's.
            guard words.count > 1 else { return }
            let bag = words.sorted().joined(separator: " ")
            if let first = byWords[bag] {
                guard !reported else { return }
                results.append(finding("\(what) `\(name)` has the same words as `\(first.name)` (\(first.span)) in another order",
                                       at: span, path: path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: first.span)]))
            } else {
                byWords[bag] = (name, span)
            }
        }
        for event in plan.events {
            compare(event.name, event.span, path: event.path, what: "event")
        }
        // Parameters: the first spelling of each name across the plan, in their own namespace.
        byCompact = [:]
        byWords = [:]
        var exact: Set<String> = []
        for event in plan.events {
            for param in event.params where exact.insert(param.name).inserted {
                compare(param.name, param.span, path: event.path.param(param.name), what: "parameter")
            }
        }
        return results
    }
}
