import TrackplanCore
import TrackplanFormat

/// `ga4-event-name`: event names GA4 accepts.
public struct GA4EventNameRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-event-name", severity: .error,
        summary: "Event names start with a letter, hold only letters, digits and underscores, and have at most 40 characters.",
        rationale: """
        GA4 drops events whose names break its rules, so the interaction is never measured. A key event \
        whose name is over 40 characters is not reported as a key event.
        """,
        triggering: [
            .plan("events:\n  ↓add-to-cart:\n    stage: decision\n"),
            .plan("events:\n  ↓1st_visit_offer:\n    stage: awareness\n"),
            .plan("events:\n  ↓newsletter_signup_from_the_footer_of_the_blog:\n    stage: consideration\n"),
        ],
        nonTriggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.events.compactMap { event in
            let name = event.name
            let problem: String
            if let first = name.unicodeScalars.first, !NameWords.isLetter(first) {
                problem = "does not start with a letter"
            } else if let bad = name.unicodeScalars.first(where: { !(NameWords.isLetter($0) || NameWords.isDigit($0) || $0 == "_") }) {
                problem = "contains `\(bad)`; only letters, digits and underscores are allowed"
            } else if name.count > GA4Facts.maxEventNameLength {
                problem = "is \(name.count) characters long; GA4 allows at most \(GA4Facts.maxEventNameLength)"
            } else {
                return nil
            }
            let suggestion = Self.fixed(name)
            return finding("event name `\(name)` \(problem)", at: event.span, path: event.path,
                           hint: suggestion == name ? nil : "rename it to `\(suggestion)`")
        }
    }

    /// A GA4-valid name close to `name`: words joined by `_`, a letter first, cut to 40.
    static func fixed(_ name: String) -> String {
        var words = NameWords.split(name).map { String($0.unicodeScalars.filter { NameWords.isLetter($0) || NameWords.isDigit($0) }.map(Character.init)) }
        words.removeAll { $0.isEmpty }
        var result = words.joined(separator: "_")
        if let first = result.unicodeScalars.first, !NameWords.isLetter(first) { result = "e_" + result }
        if result.count > GA4Facts.maxEventNameLength {
            result = String(result.prefix(GA4Facts.maxEventNameLength))
            while result.hasSuffix("_") { result.removeLast() }
        }
        return result
    }
}
