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
            rationale: "A file that cannot be read as YAML cannot be checked or compiled at all. Raised for syntax errors (libyaml's message with its context), encoding problems, size and depth limits, empty files and several documents in one file.",
            triggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n    description: Adds↓: to cart\n"),
                         .plan("events:\n  add_to_cart:\n↓\tstage: decision\n")],
            nonTriggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n    description: \"Adds a product to the cart\"\n")]),
        RuleDescription(
            id: RuleID.planSchema, severity: .error,
            summary: "The plan has the shape of the format: known keys, right types, required keys present.",
            rationale: "A misspelled key or a wrong type silently changes what the plan means; trackplan refuses to guess. Raised for unknown keys (with the nearest known key), wrong types, missing required keys, a trigger or `match` with zero or two kinds, values outside an enum (listing the allowed ones), a suppression without a reason and an unknown format version.",
            triggering: [.plan("events:\n  add_to_cart:\n    ↓stgae: decision\n"),
                        .plan("events:\n  add_to_cart:\n    stage: decision\n    signal: ↓strong\n")],
            nonTriggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n    signal: 4\n")]),
        RuleDescription(
            id: RuleID.duplicateKey, severity: .error,
            summary: "Keys, stages, page types and events are defined once.",
            rationale: "With two definitions, one silently wins; the plan would not say what the team thinks it says. Raised for a key, stage, page type or event defined twice, naming both places (across files too).",
            triggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n  ↓add_to_cart:\n    stage: consideration\n")],
            nonTriggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n  add_to_wishlist:\n    stage: consideration\n")]),
        RuleDescription(
            id: RuleID.unknownReference, severity: .error,
            summary: "Stages, page types, macro-conversions and rule ids that the plan names exist.",
            rationale: "A reference to something that does not exist is almost always a typo that breaks reports and coverage. Raised, with a did-you-mean, for a stage, page type, macro-conversion, `leads_to` target or rule id that does not exist, and for `leads_to` or `macro` naming a micro-conversion.",
            triggering: [.plan("events:\n  add_to_cart:\n    stage: ↓decison\n"),
                        .plan("events:\n  add_to_cart:\n    stage: decision\n    leads_to: ↓purchase\n")],
            nonTriggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n    leads_to: purchase\n  purchase:\n    kind: macro\n    stage: decision\n")]),
        RuleDescription(
            id: RuleID.include, severity: .error,
            summary: "Included files exist, are readable and are included once, without cycles.",
            rationale: "A plan whose parts cannot be assembled cannot be checked. Raised for a missing or unreadable included file, an include cycle (naming the chain) and a file included twice.",
            triggering: [.plan("include: [↓events/checkout.yaml]\n")],
            nonTriggering: [.plan("events:\n  add_to_cart:\n    stage: decision\n")]),
    ]

    /// The description of the loader rule `id`.
    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
