import TrackplanCore

/// The rules the reader and loader report under: problems that stop a plan from loading.
///
/// They are always errors and cannot be configured or suppressed; `trackplan rules ID` explains
/// them like the lint rules.
public enum LoaderRules {
    /// Their descriptions, in the order the documentation lists them.
    public static let descriptions: [RuleDescription] = [
        RuleDescription(
            id: RuleID.yamlSyntax, severity: .error,
            summary: "The file is valid UTF-8 YAML within trackplan's limits.",
            rationale: "A file that cannot be read as YAML cannot be checked or compiled at all.",
            triggering: [], nonTriggering: []),
        RuleDescription(
            id: RuleID.planSchema, severity: .error,
            summary: "The plan has the shape of the format: known keys, right types, required keys present.",
            rationale: "A misspelled key or a wrong type silently changes what the plan means; trackplan refuses to guess.",
            triggering: [], nonTriggering: []),
        RuleDescription(
            id: RuleID.duplicateKey, severity: .error,
            summary: "Keys, stages, page types and events are defined once.",
            rationale: "With two definitions, one silently wins; the plan would not say what the team thinks it says.",
            triggering: [], nonTriggering: []),
        RuleDescription(
            id: RuleID.unknownReference, severity: .error,
            summary: "Stages, page types, macro-conversions and rule ids that the plan names exist.",
            rationale: "A reference to something that does not exist is almost always a typo that breaks reports and coverage.",
            triggering: [], nonTriggering: []),
        RuleDescription(
            id: RuleID.include, severity: .error,
            summary: "Included files exist, are readable and are included once, without cycles.",
            rationale: "A plan whose parts cannot be assembled cannot be checked.",
            triggering: [], nonTriggering: []),
    ]

    /// The description of the loader rule `id`.
    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
