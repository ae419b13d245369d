import Foundation
import TrackplanCapture
import TrackplanCore
import TrackplanFormat
import TrackplanSpec

/// `analyze` from end to end: read the exports into units, measure, judge the plan.
public enum AnalysisPipeline {
    /// What a run produced.
    public struct Outcome: Sendable {
        /// The plan's findings (and the inputs' problems).
        public var report: FindingReport
        /// The measurements, when the plan loaded and the inputs could be read.
        public var analysis: Analysis?
        /// 0, 1 when a finding reaches the fail level, 2 when the plan or an input could not be read.
        public var exitStatus: ExitStatus
        /// Why the request is wrong (an event the plan does not have).
        public var usageError: String?
    }

    /// The funnel of `spec`: the given event steps, or the plan's stages in order (each its
    /// events other than macros), then the macro.
    public static func funnel(spec: MeasurementSpec, options: AnalysisOptions) -> (steps: [(name: String, events: [String])], macro: String?) {
        let macro = options.macro ?? mainMacro(spec)
        var steps: [(name: String, events: [String])]
        if let events = options.funnelSteps {
            steps = events.map { ($0, [$0]) }
        } else {
            steps = spec.stages.compactMap { stage in
                let events = spec.events.filter { $0.stage == stage.id && $0.kind == .micro }.map(\.name)
                return events.isEmpty ? nil : (stage.id, events)
            }
        }
        if let macro { steps.append((macro, [macro])) }
        return (steps, macro)
    }

    /// The macro most micros lead to (ties: the first in plan order), else the first macro.
    static func mainMacro(_ spec: MeasurementSpec) -> String? {
        let macros = spec.events.filter { $0.kind == .macro }.map(\.name)
        let counts = spec.events.compactMap(\.leadsTo).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return macros.max { (counts[$0] ?? 0, -(macros.firstIndex(of: $0) ?? 0)) < (counts[$1] ?? 0, -(macros.firstIndex(of: $1) ?? 0)) }
    }

    /// The BigQuery query of the plan at `planPath` (``BigQuerySQL``), or why there is none.
    public static func sql(plan planPath: String, table: String, options: AnalysisOptions,
                           loader: PlanLoader = PlanLoader()) -> Result<String, OutcomeError> {
        switch load(planPath, options: options, loader: loader) {
        case .success(let (_, spec)): .success(BigQuerySQL.query(spec: spec, table: table, options: options))
        case .failure(let failure): .failure(failure)
        }
    }

    /// An outcome that ends the run before anything is measured.
    public struct OutcomeError: Error, Sendable {
        /// The report to print (the plan's errors).
        public var report: FindingReport
        /// Why the request is wrong, for a usage error.
        public var usageError: String?
        /// The exit status.
        public var exitStatus: ExitStatus
    }

    static let rules = LoaderRules.descriptions + AnalysisChecks.descriptions

    /// The columns of GA4 export rows an analysis reads (the unit, the event, its time and day,
    /// the session and page parameters).
    static let exportColumns: Set<String> = ["event_name", "event_timestamp", "event_date", "user_pseudo_id", "event_params"]

    /// The plan and its spec, checked against the options.
    static func load(_ planPath: String, options: AnalysisOptions, loader: PlanLoader) -> Result<(Plan, MeasurementSpec), OutcomeError> {
        let loaded: LoadResult
        do {
            loaded = try loader.load(planPath)
        } catch {
            return .failure(OutcomeError(report: FindingReport(subjects: [], unreadable: [error.unreadable], rules: rules), exitStatus: .unreadable))
        }
        guard let plan = loaded.plan, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
            var report = FindingReport(subjects: [.init(path: planPath, files: loaded.files, diagnostics: loaded.diagnostics)], rules: rules)
            report.notes.append("nothing analyzed: the plan has errors; fix them first (`trackplan lint` lists them)")
            return .failure(OutcomeError(report: report.capped(), exitStatus: .unreadable))
        }
        let spec = MeasurementSpec(plan: plan)
        let names = spec.events.map(\.name)
        for name in [options.macro].compactMap({ $0 }) + (options.funnelSteps ?? []) where !names.contains(name) {
            let near = Suggestion.nearest(to: name, in: names)
            return .failure(OutcomeError(report: FindingReport(subjects: [], rules: rules), usageError: "`\(name)` is not an active event of the plan"
                + (near.map { "; did you mean `\($0)`?" } ?? ""), exitStatus: .usage))
        }
        if let macro = options.macro, spec.event(macro)?.kind != .macro {
            return .failure(OutcomeError(report: FindingReport(subjects: [], rules: rules),
                                         usageError: "--macro names `\(macro)`, which is a micro-conversion; give a macro-conversion", exitStatus: .usage))
        }
        return .success((plan, spec))
    }

    /// Analyzes `inputs` (GA4 export NDJSON, or a plain event log; `-` is standard input) against
    /// the plan at `planPath`.
    public static func run(plan planPath: String, inputs: [String], options: AnalysisOptions, failOn: Severity = .error,
                           loader: PlanLoader = PlanLoader()) -> Outcome {
        let plan: Plan, spec: MeasurementSpec
        switch load(planPath, options: options, loader: loader) {
        case .success(let loaded): (plan, spec) = loaded
        case .failure(let failure): return Outcome(report: failure.report, analysis: nil, exitStatus: failure.exitStatus, usageError: failure.usageError)
        }
        let (steps, macro) = funnel(spec: spec, options: options)
        let index = Dictionary(spec.events.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var table = UnitTable(spec: spec, steps: steps.map { Set($0.events.compactMap { index[$0] }) }, options: options)
        var unreadable: [FindingReport.Unreadable] = []
        var summaries: [CaptureSummary] = []
        for input in inputs {
            do {
                summaries.append(try CaptureReader.read(input, format: options.inputFormat, eventLog: options.eventLog,
                                                        exportColumns: Self.exportColumns) { table.add($0) })
            } catch let error as FindingReport.Unreadable {
                unreadable.append(error)
            } catch {
                unreadable.append(FindingReport.Unreadable(path: input, reason: "\(error)", noun: "export"))
            }
        }
        let analysis = Analysis(spec: spec, table: table, funnelSteps: steps, funnelMacro: macro, options: options)
        var diagnostics = AnalysisChecks.findings(analysis, plan: plan)
        var files = plan.files
        for summary in summaries {
            let file = SourceFile(path: summary.path, text: "")
            files.append(file)
            for problem in summary.problems {
                let position = SourcePosition(line: problem.line, column: problem.column ?? 1)
                diagnostics.append(Diagnostic(rule: AnalysisChecks.exportProblem.id, severity: .error, message: problem.message,
                                              span: SourceSpan(file: file, start: position, end: position)))
            }
        }
        var report = FindingReport(subjects: [.init(path: planPath, files: files, diagnostics: diagnostics)], unreadable: unreadable,
                                   rules: rules)
        report.vocabulary.nothing = "no finding about the plan"
        if !analysis.lift.isEmpty, analysis.lift.allSatisfy(\.insufficient) {
            report.notes.append("every micro has too little data to be judged (fewer than \(options.minUnits) \(options.unit.rawValue)s with it, or fewer than \(min(options.minUnits, 10)) conversions); lower --min-units to judge them anyway")
        }
        let problems = summaries.reduce(0) { $0 + $1.problemCount }
        let status: ExitStatus = !unreadable.isEmpty || problems > 0 ? .unreadable : report.exitStatus(failOn: failOn)
        return Outcome(report: report.capped(), analysis: analysis, exitStatus: status, usageError: nil)
    }
}
