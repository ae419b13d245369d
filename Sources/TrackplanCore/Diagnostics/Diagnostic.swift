/// One problem found in a plan: a value collected by the core and formatted by a reporter.
public struct Diagnostic: Sendable, Hashable {
    /// Another place that matters to the problem, such as the first definition of a duplicate.
    public struct Related: Sendable, Hashable {
        /// What the place is ("first defined here").
        public var message: String
        /// Where it is.
        public var span: SourceSpan

        /// Creates a related location; the message is made safe to print (``SafeText``).
        public init(_ message: String, at span: SourceSpan) {
            self.message = SafeText.message(message)
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
    public var path: EntityPath?
    /// How to fix it, when there is a concrete fix.
    public var hint: String?
    /// Other places that matter.
    public var related: [Related]
    /// Who or what the finding concerns, when the command groups findings (`diff` lists the
    /// consumers a change breaks: `data-layer`, `gtm`, `ga4`, `bigquery`); empty for lint.
    public var categories: [String] = []

    /// Creates a diagnostic. The message and hint are made safe to print: control characters
    /// escaped, huge quoted values cut (``SafeText/message(_:)``).
    public init(
        rule ruleID: String,
        severity: Severity = .error,
        message: String,
        span: SourceSpan?,
        path: EntityPath? = nil,
        hint: String? = nil,
        related: [Related] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = SafeText.message(message)
        self.span = span
        self.path = path
        self.hint = hint.map { SafeText.message($0, maxQuoted: SafeText.maxQuotedHintLength) }
        self.related = related
    }
}

extension Diagnostic {
    /// `diagnostics` grouped by file in the order of `files` (problems without a file first),
    /// then by start and end position; problems at the same place keep the order they were found.
    public static func sorted(_ diagnostics: [Diagnostic], files: [SourceFile]) -> [Diagnostic] {
        var order: [String: Int] = [:]
        for (index, file) in files.enumerated() where order[file.path] == nil { order[file.path] = index }
        let origin = SourcePosition(line: 0, column: 0)
        return diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            let lf = l.span.flatMap { order[$0.file.path] } ?? (l.span == nil ? -1 : files.count)
            let rf = r.span.flatMap { order[$0.file.path] } ?? (r.span == nil ? -1 : files.count)
            if lf != rf { return lf < rf }
            let lp = l.span?.file.path ?? "", rp = r.span?.file.path ?? ""
            if lp != rp { return lp < rp }
            let ls = l.span?.start ?? origin, rs = r.span?.start ?? origin
            if ls != rs { return ls < rs }
            let le = l.span?.end ?? origin, re = r.span?.end ?? origin
            if le != re { return le < re }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
