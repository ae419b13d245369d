/// A bound on how many diagnostics of one rule are kept for one file: past it, the rest are
/// counted and summed up in one diagnostic ("… and 9,812 more `plan-schema` errors"), so hostile
/// or badly broken input cannot produce unbounded work, memory or output.
public struct DiagnosticBudget: Sendable {
    /// How many diagnostics of one rule are kept per file by default.
    public static let defaultLimit = 100

    struct Key: Hashable {
        var rule: String
        var file: String
    }

    struct Overflow {
        var count: Int
        var severity: Severity
        var first: SourceSpan?
    }

    /// How many are kept per rule and file.
    public var limit: Int
    private var kept: [Key: Int] = [:]
    private var overflow: [Key: Overflow] = [:]
    private var order: [Key] = []

    /// A budget of `limit` diagnostics per rule and file.
    public init(limit: Int = DiagnosticBudget.defaultLimit) {
        self.limit = limit
    }

    /// Whether one more diagnostic of `rule` at `span` may be made. When not, it is counted
    /// for the summary; callers then skip building it (and any suggestion it would carry).
    public mutating func admit(_ rule: String, severity: Severity = .error, at span: SourceSpan?) -> Bool {
        let key = Key(rule: rule, file: span?.file.path ?? "")
        let count = kept[key, default: 0]
        if count < limit {
            kept[key] = count + 1
            return true
        }
        if overflow[key] == nil {
            overflow[key] = Overflow(count: 0, severity: severity, first: span)
            order.append(key)
        }
        overflow[key]?.count += 1
        return false
    }

    /// Gives back one admission of `rule` at `span`, for a caller that asked ``admit(_:severity:at:)``
    /// ahead of making the diagnostic through a path that admits it again.
    public mutating func readmit(_ rule: String, at span: SourceSpan?) {
        let key = Key(rule: rule, file: span?.file.path ?? "")
        if let count = kept[key], count > 0 { kept[key] = count - 1 }
    }

    /// Whether nothing was left out.
    public var isComplete: Bool { overflow.isEmpty }

    /// One diagnostic per rule and file that overflowed, at the first one left out.
    public var summaries: [Diagnostic] {
        order.compactMap { key in
            guard let info = overflow[key] else { return nil }
            let noun = info.severity == .info ? "info findings" : "\(info.severity.rawValue)s"
            let file = key.file.isEmpty ? "" : " in \(key.file)"
            return Diagnostic(rule: key.rule, severity: info.severity,
                              message: "… and \(info.count) more `\(key.rule)` \(noun)\(file) (only the first \(limit) of each rule and file are reported)",
                              span: info.first,
                              hint: "fix the ones above first; the same cause is often behind the rest")
        }
    }

    /// `diagnostics` with at most `limit` per rule and file, in their order, followed by the
    /// summaries of what was left out.
    public static func cap(_ diagnostics: [Diagnostic], limit: Int = defaultLimit) -> [Diagnostic] {
        var budget = DiagnosticBudget(limit: limit)
        let kept = diagnostics.filter { budget.admit($0.ruleID, severity: $0.severity, at: $0.span) }
        return budget.isComplete ? kept : kept + budget.summaries
    }
}
