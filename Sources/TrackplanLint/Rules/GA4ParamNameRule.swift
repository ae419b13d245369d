import TrackplanCore
import TrackplanFormat

/// `ga4-param-name`: parameter names GA4 accepts.
public struct GA4ParamNameRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-param-name", severity: .error,
        summary: "Parameter names start with a letter, hold only letters, digits and underscores, have at most 40 characters, and are not reserved.",
        rationale: """
        GA4 drops parameters whose names break its rules or are reserved (`gclid`, `session_id`, \
        names starting with `ga_`, `google_`, `firebase_`, `_`), so the detail you planned to report on is lost.
        """,
        triggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      ↓item-id: {type: string}\n"),
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      ↓session_id: {type: string}\n"),
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      ↓ga_source: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      item_id: {type: string}\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for event in plan.events {
            for param in event.params {
                let name = param.name
                let message: String
                var hint: String?
                if GA4Facts.reservedParamNames.contains(name) {
                    message = "parameter `\(name)` is reserved by GA4"
                    hint = "choose another name, such as `\(event.name)_\(name)`"
                } else if let first = name.utf8.first, GA4Facts.reservedPrefixStarts.contains(first),
                          let prefix = GA4Facts.reservedParamPrefixes.first(where: { name.hasPrefix($0) }) {
                    message = "parameter `\(name)` starts with `\(prefix)`, a prefix GA4 reserves"
                    let rest = String(name.dropFirst(prefix.count)).trimmingPrefix("_")
                    hint = rest.isEmpty ? nil : "rename it to `\(rest)`"
                } else if let first = name.unicodeScalars.first, !NameWords.isLetter(first) {
                    message = "parameter name `\(name)` does not start with a letter"
                    hint = "rename it to `\(GA4EventNameRule.fixed(name))`"
                } else if let bad = name.unicodeScalars.first(where: { !(NameWords.isLetter($0) || NameWords.isDigit($0) || $0 == "_") }) {
                    message = "parameter name `\(name)` contains `\(bad)`; only letters, digits and underscores are allowed"
                    hint = "rename it to `\(GA4EventNameRule.fixed(name))`"
                } else if name.utf8.count > GA4Facts.maxParamNameLength, name.count > GA4Facts.maxParamNameLength {
                    // (A name has at least as many bytes as characters: most are judged by their bytes alone.)
                    message = "parameter name `\(name)` is \(name.count) characters long; GA4 allows at most \(GA4Facts.maxParamNameLength)"
                    hint = "rename it to `\(GA4EventNameRule.fixed(name))`"
                } else {
                    continue
                }
                results.append(finding(message, at: param.span, path: event.path.param(param.name), hint: hint))
            }
        }
        return results
    }
}
