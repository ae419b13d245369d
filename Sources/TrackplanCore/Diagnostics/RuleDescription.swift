/// What a rule is: its stable id, default severity and documentation.
public struct RuleDescription: Sendable {
    /// The stable kebab-case id (`name-case`).
    public var id: String
    /// The severity when the plan does not configure one.
    public var severity: Severity
    /// One line: what the rule checks.
    public var summary: String
    /// Why it matters, in a marketer's terms.
    public var rationale: String
    /// Plans that trigger the rule; `↓` marks where each diagnostic starts.
    public var triggeringExamples: [RuleExample]
    /// Plans that do not trigger the rule.
    public var nonTriggeringExamples: [RuleExample]

    /// Creates a description.
    public init(id: String, severity: Severity, summary: String, rationale: String,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.triggeringExamples = triggering
        self.nonTriggeringExamples = nonTriggering
    }
}

/// An example plan for a rule's documentation and tests.
public struct RuleExample: Sendable {
    /// The plan's YAML; `↓` marks the start of each expected diagnostic.
    public var yaml: String

    /// Creates an example.
    public init(_ yaml: String) {
        self.yaml = yaml
    }

    /// The YAML without the `↓` markers.
    public var plainYAML: String { yaml.replacingOccurrences(of: "↓", with: "") }

    /// The 1-based positions of the `↓` markers in the plain YAML.
    public var markers: [SourcePosition] {
        var result: [SourcePosition] = []
        var line = 1, column = 1
        for scalar in yaml.unicodeScalars {
            if scalar == "↓" {
                result.append(SourcePosition(line: line, column: column))
                continue
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return result
    }
}
