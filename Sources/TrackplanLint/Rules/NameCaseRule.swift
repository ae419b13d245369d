import TrackplanCore
import TrackplanFormat

/// `name-case`: event and parameter names follow the plan's case convention.
public struct NameCaseRule: Rule {
    public static let description = RuleDescription(
        id: "name-case", severity: .error,
        summary: "Event and parameter names follow `conventions.case` (snake_case by default).",
        rationale: """
        GA4 names are case-sensitive: `addToCart` and `add_to_cart` are two different events in every \
        report. One case for every name keeps reports in one piece and makes names predictable.
        """,
        triggering: [
            .plan("events:\n  ↓AddToCart:\n    stage: decision\n"),
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      ↓itemId: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      item_id: {type: string}\n"),
            .plan("conventions: {case: camelCase}\nevents:\n  addToCart:\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        let nameCase = plan.conventions.nameCase
        var results: [Diagnostic] = []
        for event in plan.events {
            if !NameWords.follows(event.name, nameCase) {
                let converted = NameWords.convert(event.name, to: nameCase)
                results.append(finding("event `\(event.name)` is not \(nameCase.rawValue)", at: event.span, path: event.path,
                                       hint: converted.isEmpty ? nil : "rename it to `\(converted)`"))
            }
            for param in event.params where !NameWords.follows(param.name, nameCase) {
                let converted = NameWords.convert(param.name, to: nameCase)
                results.append(finding("parameter `\(param.name)` of `\(event.name)` is not \(nameCase.rawValue)", at: param.span,
                                       path: event.path.param(param.name), hint: converted.isEmpty ? nil : "rename it to `\(converted)`"))
            }
        }
        return results
    }
}
