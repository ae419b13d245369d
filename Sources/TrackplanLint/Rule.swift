import Foundation
import TrackplanCore
import TrackplanFormat

/// A lint rule: one check over a loaded plan, declared with its documentation and examples.
///
/// Each rule lives in its own file under `Check/Rules/`, declares a ``RuleDescription`` and
/// returns the problems it finds as diagnostics. The linter applies severities, configuration
/// and suppressions; rules only report.
public protocol Rule: Sendable {
    /// The rule's id, default severity, documentation and examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// The problems the rule finds in `plan`.
    func check(_ plan: Plan) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic of this rule at its default severity.
    func finding(_ message: String, at span: SourceSpan?, path: EntityPath?, hint: String? = nil,
                 related: [Diagnostic.Related] = []) -> Diagnostic {
        Diagnostic(rule: Self.description.id, severity: Self.description.severity, message: message, span: span,
                   path: path, hint: hint, related: related)
    }
}
