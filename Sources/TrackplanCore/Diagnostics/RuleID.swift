/// The ids of the rules that the reader and loader report under. Lint rules declare their own.
public enum RuleID {
    /// The YAML could not be read: syntax, encoding, limits.
    public static let yamlSyntax = "yaml-syntax"
    /// The plan does not have the shape of the format: unknown keys, wrong types, missing keys.
    public static let planSchema = "plan-schema"
    /// A key, event, page type or stage is defined twice.
    public static let duplicateKey = "duplicate-key"
    /// A reference to a stage, page type, event or rule that does not exist.
    public static let unknownReference = "unknown-reference"
    /// An included file is missing, unreadable or part of a cycle.
    public static let include = "include"

    /// All of the above: problems found while loading, always errors, not configurable.
    public static let loading = [yamlSyntax, planSchema, duplicateKey, unknownReference, include]
}
