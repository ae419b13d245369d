/// One problem found in a plan: a value collected by the core and formatted by a reporter.
public struct Diagnostic: Sendable, Hashable {
    /// Another place that matters to the problem, such as the first definition of a duplicate.
    public struct Related: Sendable, Hashable {
        /// What the place is ("first defined here").
        public var message: String
        /// Where it is.
        public var span: SourceSpan

        /// Creates a related location.
        public init(_ message: String, at span: SourceSpan) {
            self.message = message
            self.span = span
        }
    }

    /// The stable id of the rule that found the problem (`plan-schema`, `name-case`, …).
    public var ruleID: String
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, naming the thing and the fix.
    public var message: String
    /// Where it is; nil only for problems that concern no file (such as a bad option).
    public var span: SourceSpan?
    /// The logical path of the plan entity concerned (`events.add_to_cart.params.value`).
    public var path: String?
    /// How to fix it, when there is a concrete fix.
    public var hint: String?
    /// Other places that matter.
    public var related: [Related]

    /// Creates a diagnostic.
    public init(
        rule ruleID: String,
        severity: Severity = .error,
        message: String,
        span: SourceSpan?,
        path: String? = nil,
        hint: String? = nil,
        related: [Related] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.span = span
        self.path = path
        self.hint = hint
        self.related = related
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, then position, then rule id, then message: source order.
    public static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let lf = lhs.span?.file.path ?? "", rf = rhs.span?.file.path ?? ""
        if lf != rf { return lf < rf }
        let ls = lhs.span?.start ?? SourcePosition(line: 0, column: 0)
        let rs = rhs.span?.start ?? SourcePosition(line: 0, column: 0)
        if ls != rs { return ls < rs }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
