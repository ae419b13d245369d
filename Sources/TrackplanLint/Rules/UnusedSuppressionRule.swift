import TrackplanCore
import TrackplanFormat

/// `unused-suppression`: suppressions that silence nothing.
///
/// Unlike the other rules it needs to know what the others found, so the ``Linter`` computes
/// it after running them (``findings(_:used:ranRules:)``); ``check(_:)`` reports nothing.
public struct UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "unused-suppression", severity: .warning,
        summary: "A `suppress` entry silences a finding that actually occurs.",
        rationale: """
        A suppression that silences nothing is stale: the problem was fixed or never existed. Left in \
        place, it would hide the next real problem of that kind on the same event.
        """,
        triggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n    suppress:\n      ↓name-case: Legacy name kept for old reports.\n"),
        ],
        nonTriggering: [
            .plan("events:\n  AddToCart:\n    stage: decision\n    suppress:\n      name-case: Legacy name kept for old reports.\n"),
        ])

    public init() {}

    /// Nothing: the linter calls ``findings(_:used:ranRules:)`` instead.
    public func check(_ plan: Plan) -> [Diagnostic] { [] }

    /// Suppressions of rules that ran and were not used, given the ones that were.
    static func findings(_ plan: Plan, used: Set<SuppressionUse>, ranRules: Set<String>) -> [Diagnostic] {
        let rule = UnusedSuppressionRule()
        var results: [Diagnostic] = []
        func scan(_ suppressions: [Suppression], entity: EntityPath, what: String) {
            for suppression in suppressions where ranRules.contains(suppression.ruleID.value)
                && !used.contains(SuppressionUse(entity: entity, rule: suppression.ruleID.value)) {
                results.append(rule.finding("suppression of `\(suppression.ruleID.value)` on \(what) silences nothing",
                                            at: suppression.ruleID.span, path: entity.appending("suppress", suppression.ruleID.value),
                                            hint: "remove it"))
            }
        }
        for event in plan.events { scan(event.suppressions, entity: event.path, what: "`\(event.name)`") }
        for pageType in plan.pageTypes { scan(pageType.suppressions, entity: pageType.path, what: "page type `\(pageType.id)`") }
        return results
    }
}

/// A suppression that silenced a finding: a rule on an entity.
struct SuppressionUse: Hashable {
    /// The event or page type.
    var entity: EntityPath
    /// The rule silenced.
    var rule: String
}
