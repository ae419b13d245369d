import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// The steps every generating command shares: lint the plan, refuse on errors, derive the
/// measurement spec, run the generators.
public struct Pipeline: Sendable {
    /// The linter used before generating.
    public var linter: Linter
    /// The loader.
    public var loader: PlanLoader

    /// Creates a pipeline.
    public init(linter: Linter = Linter(), loader: PlanLoader = PlanLoader()) {
        self.linter = linter
        self.loader = loader
    }

    /// A plan that linted without errors, with its lint report.
    public struct Checked: Sendable {
        /// The plan.
        public var plan: Plan
        /// The lint report (warnings and infos only).
        public var report: FindingReport
    }

    /// Why nothing was generated.
    public enum Failure: Error, Sendable {
        /// The plan could not be read (exit 2).
        case unreadable(FindingReport)
        /// The plan has lint errors (exit 1).
        case lintErrors(FindingReport)

        /// The report to show.
        public var report: FindingReport {
            switch self {
            case .unreadable(let report), .lintErrors(let report): report
            }
        }

        /// The exit status.
        public var exitStatus: ExitStatus {
            switch self {
            case .unreadable: .unreadable
            case .lintErrors: .failure
            }
        }
    }

    /// Lints `path`; returns the plan when it has no lint error.
    public func check(_ path: String) throws(Failure) -> Checked {
        let result: LoadResult
        do {
            result = try linter.lint(path, loader: loader)
        } catch {
            throw .unreadable(FindingReport(subjects: [], unreadable: [error.unreadable], rules: linter.reportedRules))
        }
        let report = FindingReport(subjects: [.init(path: path, files: result.files, diagnostics: result.diagnostics)],
                                   rules: linter.reportedRules).capped()
        guard report.count(.error) == 0, let plan = result.plan else { throw .lintErrors(report) }
        return Checked(plan: plan, report: report)
    }

    /// The files of `generators` for `checked`, in order; the spec is derived once. With
    /// `wantedOnly`, the optional outputs the plan does not name in `codegen` are left out.
    public static func generate(_ checked: Checked, generators: [any Generator.Type] = GeneratorRegistry.all,
                                environment: [String: String], measured: [String: MeasuredSignal] = [:],
                                wantedOnly: Bool = true) throws(GenerationError) -> [GeneratedFile] {
        let input = GeneratorInput(plan: checked.plan, findings: checked.report.diagnostics, environment: environment, measured: measured)
        var files: [GeneratedFile] = []
        for generator in generators where !wantedOnly || generator.isWanted(by: checked.plan) {
            files.append(try generator.init().generate(input))
        }
        return files
    }
}
