import TrackplanCore
import TrackplanFormat

/// `param-values`: allowed values match the parameter's type, once each.
public struct ParamValuesRule: Rule {
    public static let description = RuleDescription(
        id: "param-values", severity: .error,
        summary: "A parameter's `values` match its `type` and are listed once each.",
        rationale: """
        A list of allowed values is a contract with the developers who implement the plan. A value of \
        the wrong type, or listed twice, means the contract is wrong and reports will not match.
        """,
        triggering: [
            .plan("events:\n  plan_select:\n    stage: decision\n    params:\n      seats: {type: integer, values: [1, 5, ↓ten]}\n"),
            .plan("events:\n  plan_select:\n    stage: decision\n    params:\n      tier: {type: string, values: [basic, pro, ↓pro]}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  plan_select:\n    stage: decision\n    params:\n      tier: {type: string, values: [basic, pro, enterprise]}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for event in plan.events {
            for param in event.params {
                guard let values = param.values else { continue }
                var seen: [String: SourceSpan] = [:]
                for value in values {
                    if let text = Self.mismatch(value.value, param.type) {
                        results.append(finding("value `\(text)` of `\(param.name)` is not \(Self.article(param.type))",
                                               at: value.span, path: event.path.param(param.name),
                                               hint: param.type == .string ? "quote it: `'\(text)'`" : "change the value or the parameter's `type`"))
                        continue
                    }
                    let key = Self.text(value.value)
                    if let first = seen[key] {
                        results.append(finding("value `\(key)` of `\(param.name)` is listed twice", at: value.span, path: event.path.param(param.name),
                                               hint: "remove this one", related: [.init("first listed here", at: first)]))
                    } else {
                        seen[key] = value.span
                    }
                }
            }
        }
        return results
    }

    static func article(_ type: ParamType) -> String {
        switch type {
        case .string: "a string"
        case .number: "a number"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .items: "an array of items"
        }
    }

    /// The value's text when it does not fit `type`, else nil.
    static func mismatch(_ value: ParamValue, _ type: ParamType) -> String? {
        value.fits(type) ? nil : value.text
    }

    static func text(_ value: ParamValue) -> String { value.text }
}
