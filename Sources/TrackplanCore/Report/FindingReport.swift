/// What a checking command found, ready for any reporter: the located findings of each subject
/// (a plan for `lint`; a capture or a plan pair for the commands to come), the inputs that could
/// not be read, and the rules the findings are reported under.
///
/// Reporters (text, JSON, SARIF, GitHub, JUnit) format this value; nothing here prints.
public struct FindingReport: Sendable {
    /// One subject's findings.
    public struct Subject: Sendable {
        /// The subject's path, as given (a plan's root file).
        public var path: String
        /// The files read for it, the root first.
        public var files: [SourceFile]
        /// Its diagnostics, grouped by file (in ``files`` order) and in source order.
        public var diagnostics: [Diagnostic]

        /// Creates a subject; diagnostics are put in report order.
        public init(path: String, files: [SourceFile], diagnostics: [Diagnostic]) {
            self.path = path
            self.files = files
            self.diagnostics = Diagnostic.sorted(diagnostics, files: files)
        }
    }

    /// An input that could not be read at all.
    public struct Unreadable: Error, Sendable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// Why it could not be read.
        public var reason: String
        /// What the input is ("plan").
        public var noun: String

        /// Creates an unreadable input.
        public init(path: String, reason: String, noun: String = "plan") {
            self.path = path
            self.reason = reason
            self.noun = noun
        }

        public var description: String { "cannot read \(noun) `\(path)`: \(reason)" }
    }

    /// The subjects that could be read, in the order given.
    public var subjects: [Subject]
    /// The inputs that could not be read at all.
    public var unreadable: [Unreadable]
    /// Every rule this report's findings may be reported under, in catalog order (SARIF and
    /// JUnit list them all).
    public var rules: [RuleDescription]
    /// What a subject is called in the summary ("plan" → "in 2 plans").
    public var noun: String
    /// How the summary names findings of each severity, and what it says when there is none.
    public struct Vocabulary: Sendable {
        /// Singular and plural for errors, warnings and infos.
        public var error = ("error", "errors"), warning = ("warning", "warnings"), info = ("info", "info")
        /// The summary when there is no finding; nil for "no problems in N plans".
        public var nothing: String?

        /// The words of lint: errors, warnings, info.
        public init() {}
    }

    /// How the summary names findings.
    public var vocabulary = Vocabulary()
    /// Notes about the run itself (a baseline that matched nothing), shown after the findings.
    public var notes: [String] = []
    /// How many findings a baseline hid.
    public var baselineSuppressed = 0
    /// Baseline entries that no longer occur (the baseline file can shrink).
    public var staleBaselineEntries: [BaselineEntry] = []

    /// Creates a report.
    public init(subjects: [Subject], unreadable: [Unreadable] = [], rules: [RuleDescription], noun: String = "plan") {
        self.subjects = subjects
        self.unreadable = unreadable
        self.rules = rules
        self.noun = noun
    }

    /// The report with at most `limit` diagnostics per rule and file in each subject; the rest
    /// are summed up in one diagnostic per rule and file. Reporters are given this, so output
    /// stays proportionate however broken a plan is.
    public func capped(limit: Int = DiagnosticBudget.defaultLimit) -> FindingReport {
        var result = self
        for i in result.subjects.indices {
            let subject = result.subjects[i]
            result.subjects[i] = Subject(path: subject.path, files: subject.files,
                                         diagnostics: DiagnosticBudget.cap(subject.diagnostics, limit: limit))
        }
        return result
    }

    /// Every diagnostic of every subject.
    public var diagnostics: [Diagnostic] { subjects.flatMap(\.diagnostics) }

    /// How many diagnostics have `severity`.
    public func count(_ severity: Severity) -> Int {
        subjects.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == severity }.count }
    }

    /// ``ExitStatus/unreadable`` when an input could not be read, ``ExitStatus/failure`` when a
    /// diagnostic reaches `failOn`, else ``ExitStatus/success``.
    public func exitStatus(failOn: Severity = .error) -> ExitStatus {
        if !unreadable.isEmpty { return .unreadable }
        return diagnostics.contains { $0.severity >= failOn } ? .failure : .success
    }

    /// `noun` in the plural when `count` is not 1.
    public func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// "2 errors, 1 warning in 1 plan", or "no problems in 3 plans".
    public var summary: String {
        var parts: [String] = []
        let words = vocabulary
        for (severity, (singular, plural)) in [(Severity.error, words.error), (.warning, words.warning), (.info, words.info)] {
            let n = count(severity)
            if n > 0 { parts.append("\(n) \(n == 1 ? singular : plural)") }
        }
        let scope = "in " + counted(subjects.count, noun)
        // Plans are counted in the report's own terms ("plan pair" for diff); captures as such.
        let unreadNouns = Set(unreadable.map(\.noun))
        let unreadNoun = unreadNouns == ["plan"] ? noun : unreadNouns.count == 1 ? unreadNouns.first ?? noun : "input"
        let unread = counted(unreadable.count, unreadNoun) + " could not be read"
        if subjects.isEmpty, !unreadable.isEmpty { return unread }
        var line = parts.isEmpty ? (words.nothing ?? "no problems \(scope)") : parts.joined(separator: ", ") + (words.nothing == nil ? " " + scope : "")
        if !unreadable.isEmpty { line += "; " + unread }
        if baselineSuppressed > 0 {
            line += " (\(counted(baselineSuppressed, "known finding")) hidden by the baseline)"
        }
        return line
    }
}
