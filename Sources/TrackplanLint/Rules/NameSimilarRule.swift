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
        // One pass with hash maps of names to the first place they occur, so the rule stays
        // linear in time. A map holds a number for that place (an event, or an event and one
        // of its parameters), not the name and span: on large plans the maps are the rule's
        // memory, and these are a third of the size.
        var byCompact: [String: Int] = [:]
        var byWords: [String: Int] = [:]
        byCompact.reserveCapacity(plan.events.count)
        func compare(_ name: String, _ span: SourceSpan?, place: Int, path: EntityPath, what: String,
                     origin: (Int) -> (name: String, span: SourceSpan?)) {
            guard let span else { return }  // names from no source file have nothing to point at
            let words = NameWords.split(name)
            let compact = words.joined()
            var reported = false
            if let place = byCompact[compact], case let first = origin(place), let firstSpan = first.span {
                results.append(finding("\(what) `\(name)` differs from `\(first.name)` (\(firstSpan)) only in case or separators",
                                       at: span, path: path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: firstSpan)]))
                reported = true
            } else {
                byCompact[compact] = place
            }
            // A single word has no other order, and its bag (no space) matches no longer name's.
            guard words.count > 1 else { return }
            let bag = words.sorted().joined(separator: " ")
            if let place = byWords[bag], case let first = origin(place), let firstSpan = first.span {
                guard !reported else { return }
                results.append(finding("\(what) `\(name)` has the same words as `\(first.name)` (\(firstSpan)) in another order",
                                       at: span, path: path, hint: "use one name: `\(first.name)`",
                                       related: [.init("`\(first.name)` is defined here", at: firstSpan)]))
            } else {
                byWords[bag] = place
            }
        }
        let events = plan.events
        for (index, event) in events.enumerated() {
            compare(event.name, event.span, place: index, path: event.path, what: "event") { (events[$0].name, events[$0].span) }
        }
        // Parameters: the first spelling of each name across the plan, in their own namespace.
        // A place is the event's index times 2^32 plus the parameter's.
        byCompact = [:]
        byWords = [:]
        var exact: Set<String> = []
        for (index, event) in events.enumerated() {
            for (paramIndex, param) in event.params.enumerated() where exact.insert(param.name).inserted {
                compare(param.name, param.span, place: index << 32 | paramIndex, path: event.path.param(param.name), what: "parameter") {
                    let param = events[$0 >> 32].params[$0 & 0xFFFF_FFFF]
                    return (param.name, param.span)
                }
            }
        }
        return results
    }
}
