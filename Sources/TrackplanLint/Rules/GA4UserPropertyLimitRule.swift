import TrackplanCore
import TrackplanFormat

/// `ga4-user-property-limit`: user properties GA4 accepts.
public struct GA4UserPropertyLimitRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-user-property-limit", severity: .error,
        summary: "At most 25 user properties, with names of at most 24 characters that GA4 does not reserve.",
        rationale: """
        A GA4 property registers at most 25 user-scoped custom dimensions, and GA4 drops user \
        properties whose names are longer than 24 characters or use a reserved name or prefix \
        (`ga_`, `google_`, `firebase_`, `user_id`, `first_open_time`…), without telling anyone.
        """,
        triggering: [
            .plan("user_properties:\n  ↓customer_lifetime_value_tier: {type: string}\n  ↓ga_segment: {type: string}\n"),
        ],
        nonTriggering: [
            .plan("user_properties:\n  customer_tier: {type: string}\n  preferred_store: {type: string}\n"),
        ])

    public init() {}

    /// The longest user property name GA4 accepts.
    static let maxNameLength = 24
    /// The most user properties a standard property registers.
    static let maxUserProperties = 25
    /// Names GA4 reserves for user properties.
    static let reservedNames: Set<String> = ["first_open_time", "first_visit_time", "last_deep_link_referrer", "user_id", "first_open_after_install"]
    /// Prefixes GA4 reserves.
    static let reservedPrefixes = ["ga_", "google_", "firebase_"]

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for (index, property) in plan.userProperties.enumerated() {
            let path = EntityPath(["user_properties", property.name])
            if index == Self.maxUserProperties {
                results.append(finding("user property `\(property.name)` is number \(index + 1); GA4 registers at most \(Self.maxUserProperties)",
                                       at: property.span, path: path, hint: "drop the least used user properties"))
            }
            if property.name.count > Self.maxNameLength {
                results.append(finding("user property `\(property.name)` has \(property.name.count) characters; GA4 accepts at most \(Self.maxNameLength)",
                                       at: property.span, path: path, hint: "shorten the name"))
            }
            if Self.reservedNames.contains(property.name) {
                results.append(finding("user property `\(property.name)` is a name GA4 reserves", at: property.span, path: path,
                                       hint: property.name == "user_id" ? "send the user id with the Google tag's `user_id` setting instead" : "choose another name"))
            } else if let prefix = Self.reservedPrefixes.first(where: property.name.hasPrefix) {
                results.append(finding("user property `\(property.name)` starts with `\(prefix)`, a prefix GA4 reserves", at: property.span, path: path,
                                       hint: "choose another name"))
            }
        }
        return results
    }
}
