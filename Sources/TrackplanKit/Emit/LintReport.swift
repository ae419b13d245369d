/// The outcome of linting one or more plans: what reporters format and what decides the exit code.
public struct LintReport: Sendable {
    /// One plan's findings.
    public struct PlanResult: Sendable {
        /// The plan's root path, as given.
        public var path: String
        /// The files read for it, the root first.
        public var files: [SourceFile]
        /// Its diagnostics, grouped by file (in ``files`` order) and in source order.
        public var diagnostics: [Diagnostic]
        /// The loaded plan, when it could be built (possibly incomplete when there are errors).
        public var plan: Plan?

        /// Creates a result; diagnostics are put in report order.
        public init(path: String, files: [SourceFile], diagnostics: [Diagnostic], plan: Plan? = nil) {
            self.path = path
            self.files = files
            self.plan = plan
            self.diagnostics = Diagnostic.sorted(diagnostics, files: files)
        }
    }

    /// The plans that could be read, in the order given.
    public var plans: [PlanResult]
    /// The plans that could not be read at all.
    public var unreadable: [PlanUnreadableError]
    /// How many findings a baseline hid.
    public var baselineSuppressed = 0
    /// Baseline entries that no longer occur (the baseline file can shrink).
    public var staleBaselineEntries: [Baseline.Entry] = []

    /// Creates a report.
    public init(plans: [PlanResult], unreadable: [PlanUnreadableError] = []) {
        self.plans = plans
        self.unreadable = unreadable
    }

    /// Every diagnostic of every plan.
    public var diagnostics: [Diagnostic] { plans.flatMap(\.diagnostics) }

    /// How many diagnostics have `severity`.
    public func count(_ severity: Severity) -> Int {
        plans.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == severity }.count }
    }

    /// The process exit status: 2 when a plan could not be read, 1 when a diagnostic reaches
    /// `failOn`, else 0.
    public func exitCode(failOn: Severity = .error) -> Int32 {
        if !unreadable.isEmpty { return 2 }
        return diagnostics.contains { $0.severity >= failOn } ? 1 : 0
    }

    /// "2 errors, 1 warning in 1 plan", or "no problems in 3 plans".
    public var summary: String {
        var parts: [String] = []
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if infos > 0 { parts.append("\(infos) info") }
        let plans = self.plans.count
        let scope = "in \(plans) plan\(plans == 1 ? "" : "s")"
        let unread = "\(unreadable.count) plan\(unreadable.count == 1 ? "" : "s") could not be read"
        if plans == 0, !unreadable.isEmpty { return unread }
        var line = parts.isEmpty ? "no problems \(scope)" : parts.joined(separator: ", ") + " " + scope
        if !unreadable.isEmpty { line += "; " + unread }
        if baselineSuppressed > 0 { line += " (\(baselineSuppressed) known finding\(baselineSuppressed == 1 ? "" : "s") hidden by the baseline)" }
        return line
    }
}

extension Linter {
    /// Lints each of `paths` and collects the results; unreadable plans are listed, not thrown.
    public func report(_ paths: [String], loader: PlanLoader = PlanLoader()) -> LintReport {
        var plans: [LintReport.PlanResult] = []
        var unreadable: [PlanUnreadableError] = []
        for path in paths {
            do {
                let result = try lint(path, loader: loader)
                plans.append(.init(path: path, files: result.files, diagnostics: result.diagnostics, plan: result.plan))
            } catch {
                unreadable.append(error)
            }
        }
        return LintReport(plans: plans, unreadable: unreadable)
    }
}
