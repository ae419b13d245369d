import TrackplanCore
import TrackplanFormat

/// Every built-in lint rule, in the order the documentation lists them.
public enum RuleCatalog {
    /// The rule types.
    public static let rules: [any Rule.Type] = [
        GA4MeasurementIDRule.self,
        GA4EventNameRule.self,
        GA4ReservedNameRule.self,
        GA4ParamNameRule.self,
        GA4ParamCountRule.self,
        GA4KeyEventLimitRule.self,
        GA4CustomDimensionLimitRule.self,
        GA4UserPropertyLimitRule.self,
        GA4RecommendedEventRule.self,
        GA4EcommerceItemsRule.self,
        NameCaseRule.self,
        NameStyleRule.self,
        NameSimilarRule.self,
        PageTypeEventCountRule.self,
        PageTypeMacroRule.self,
        MicroLeadsToRule.self,
        EventStageRule.self,
        StageCoverageRule.self,
        EventDescriptionRule.self,
        MacroUnsignalledRule.self,
        SignalSpreadRule.self,
        TriggerValidRule.self,
        TriggerScopeRule.self,
        TriggerSelectClickRule.self,
        ParamValuesRule.self,
        ParamSourceRule.self,
        PIIParamRule.self,
        ConsentMissingRule.self,
        UnusedSuppressionRule.self,
    ]

    /// The ids of the rules, in catalog order.
    public static let ids: [String] = rules.map { $0.description.id }

    /// The description of the lint rule with `id`.
    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.id == id }?.description
    }

    /// Every rule a finding of `lint` may carry: the loader's, then the lint rules'.
    public static var allDescriptions: [RuleDescription] {
        LoaderRules.descriptions + rules.map { $0.description }
    }

    /// The ids of ``allDescriptions``.
    public static var allIDs: [String] { allDescriptions.map(\.id) }

    /// The description of any rule `trackplan rules` explains: a loader rule or a lint rule.
    public static func explainable(_ id: String) -> RuleDescription? {
        LoaderRules.description(of: id) ?? description(of: id)
    }
}
