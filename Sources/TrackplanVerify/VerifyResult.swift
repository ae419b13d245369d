import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// What a verification concluded: the findings as a report any reporter formats, the coverage,
/// what each input held, and the gates.
public struct VerifyResult: Sendable {
    /// The run the checks concluded from (coverage, inputs, stats).
    public var run: VerifyRun
    /// The findings of each check, before severities are configured.
    public var rawFindings: [(check: String, finding: VerifyFinding)]

    init(run: VerifyRun, findings: [(String, VerifyFinding)]) {
        self.run = run
        self.rawFindings = findings
    }

    /// The gates and whether each passed.
    public struct Gates: Sendable {
        /// The lowest severity that fails.
        public var failOn: Severity
        /// Findings at or above it.
        public var failingFindings: Int
        /// The coverage threshold, when one was set.
        public var minCoverage: Double?
        /// The coverage reached (nil when nothing was in scope).
        public var coverage: Double?
        /// Required events (`--require`) not seen.
        public var requiredMissing: [String]
        /// Inputs that could not be read, or had problems.
        public var inputProblems: Int

        /// Whether the coverage gate passed (true without a threshold).
        public var coveragePassed: Bool {
            guard let minCoverage else { return true }
            return (coverage ?? 0) + 1e-12 >= minCoverage
        }
        /// Whether every gate passed.
        public var passed: Bool { failingFindings == 0 && coveragePassed && requiredMissing.isEmpty && inputProblems == 0 }
    }

    /// The findings as a report on the plan: each located at the planned event's line when there
    /// is one (else at the capture line), with the places it was seen as related locations.
    /// `unreadable` lists inputs that could not be read at all; `planFiles` are the plan's files.
    public func report(planPath: String, planFiles: [SourceFile], unreadable: [FindingReport.Unreadable] = []) -> FindingReport {
        var captureFiles: [String: SourceFile] = [:]
        var files = planFiles
        func captureFile(_ path: String) -> SourceFile {
            if let file = captureFiles[path] { return file }
            // Captures can be huge: their text is not kept, so reports cite lines without quoting them.
            let file = SourceFile(path: path, text: "")
            captureFiles[path] = file
            files.append(file)
            return file
        }
        for input in run.inputs { _ = captureFile(input.path) }
        let planFile = planFiles.first { $0.path == run.plan.rootFile?.path } ?? planFiles.first
        var diagnostics: [Diagnostic] = []
        for (check, finding) in rawFindings {
            let defaultSeverity = VerifyChecks.description(of: check)?.severity ?? .error
            var severity = finding.severity ?? defaultSeverity
            if let configured = run.options.severities[check] {
                guard let configured else { continue }
                severity = configured
            }
            var span: SourceSpan?
            var path: EntityPath?
            if let name = finding.event, let event = run.plan.event(name) {
                path = finding.param.map { event.path.param($0) } ?? event.path
                span = finding.param.flatMap { p in event.params.first { $0.name == p }?.span }
                    ?? (finding.param != nil ? run.plan.sharedParams.first { $0.name == finding.param }?.span : nil)
                    ?? event.span
            }
            if span == nil, let location = finding.location {
                let file = planFiles.first { $0.path == location.file } ?? captureFile(location.file)
                let position = SourcePosition(line: location.line, column: location.column)
                span = SourceSpan(file: file, start: position, end: position)
            }
            if span == nil, let first = finding.evidence.first {
                let position = SourcePosition(line: first.line, column: first.column)
                span = SourceSpan(file: captureFile(first.file), start: position, end: position)
            }
            if span == nil, let planFile { span = .startOf(planFile) }
            let related = finding.evidence.map { evidence in
                let position = SourcePosition(line: evidence.line, column: evidence.column)
                let place = evidence.entry == nil && evidence.eventInRequest == nil ? "seen here" : "seen in \(evidence.place)"
                return Diagnostic.Related(place + (evidence.shortPage.map { ", on \($0)" } ?? ""), at: SourceSpan(file: captureFile(evidence.file), start: position, end: position))
            }
            diagnostics.append(Diagnostic(rule: check, severity: severity, message: finding.message, span: span, path: path,
                                          hint: finding.hint, related: related))
        }
        var report = FindingReport(subjects: [.init(path: planPath, files: files, diagnostics: diagnostics)],
                                   unreadable: unreadable, rules: VerifyChecks.descriptions, noun: "plan")
        report.vocabulary.nothing = "no problems: every event seen matches the plan"
        return report
    }

    /// The gates of `report` (this result's findings, configured).
    public func gates(_ report: FindingReport) -> Gates {
        let seen = Set(run.coverage.events.filter { $0.seen > 0 }.map(\.name))
        return Gates(failOn: run.options.failOn,
                     failingFindings: report.diagnostics.filter { $0.severity >= run.options.failOn }.count,
                     minCoverage: run.options.minCoverage,
                     coverage: run.coverage.overall.ratio,
                     requiredMissing: run.options.required.filter { !seen.contains($0) },
                     inputProblems: report.unreadable.count + run.inputs.reduce(0) { $0 + $1.problemCount })
    }

    /// 2 when an input could not be read or had problems, 1 when a gate failed, else 0.
    public func exitStatus(_ report: FindingReport) -> ExitStatus {
        let gates = gates(report)
        if gates.inputProblems > 0 { return .unreadable }
        return gates.passed ? .success : .failure
    }
}
