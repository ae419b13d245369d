/// Descriptions of the loader's fixed rule ids, for reports that list every rule (SARIF).
public enum LoadingRuleDescriptions {
    /// id → (summary, rationale).
    public static let all: [(id: String, summary: String, rationale: String)] = [
        (RuleID.yamlSyntax, "The file is valid UTF-8 YAML within trackplan's limits.",
         "A file that cannot be read as YAML cannot be checked or compiled at all."),
        (RuleID.planSchema, "The plan has the shape of the format: known keys, right types, required keys present.",
         "A misspelled key or a wrong type silently changes what the plan means; trackplan refuses to guess."),
        (RuleID.duplicateKey, "Keys, stages, page types and events are defined once.",
         "With two definitions, one silently wins; the plan would not say what the team thinks it says."),
        (RuleID.unknownReference, "Stages, page types, macro-conversions and rule ids that the plan names exist.",
         "A reference to something that does not exist is almost always a typo that breaks reports and coverage."),
        (RuleID.include, "Included files exist, are readable and are included once, without cycles.",
         "A plan whose parts cannot be assembled cannot be checked."),
    ]
}
