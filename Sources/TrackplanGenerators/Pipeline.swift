import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// The steps every generating command shares: lint the plan, refuse on errors, produce files.
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
                                   rules: linter.reportedRules)
        guard report.count(.error) == 0, let plan = result.plan else { throw .lintErrors(report) }
        return Checked(plan: plan, report: report)
    }

    /// A generated file: its name in the output directory and its content.
    public struct GeneratedFile: Sendable {
        /// The file name (`gtm-container.json`).
        public var name: String
        /// The content.
        public var content: String
    }

    /// An internal error: the generated container failed the shape check (a bug in trackplan).
    public struct ShapeError: Error, Sendable, CustomStringConvertible {
        /// The problems found.
        public var problems: [String]
        public var description: String {
            "internal error: the generated GTM container failed its shape check; please report this bug:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// The GTM container for `plan`, shape-checked.
    public static func gtmContainer(_ plan: Plan, compiler: GTMCompiler = GTMCompiler()) throws(ShapeError) -> (GeneratedFile, GTMCompiler.Output) {
        let output = compiler.compile(plan)
        let problems = GTMShapeChecker.problems(in: output.container)
        guard problems.isEmpty else { throw ShapeError(problems: problems) }
        return (GeneratedFile(name: "gtm-container.json", content: output.text), output)
    }

    /// The Markdown documentation for `plan`, summarizing `report`'s findings.
    public static func trackingDocument(_ plan: Plan, report: FindingReport) -> GeneratedFile {
        GeneratedFile(name: "TRACKING.md", content: TrackingDocument(plan: plan, findings: report.diagnostics).render())
    }

    /// Every output of `trackplan build`, in the order written.
    public static func allOutputs(_ checked: Checked, compiler: GTMCompiler = GTMCompiler()) throws(ShapeError) -> [GeneratedFile] {
        let (gtm, _) = try gtmContainer(checked.plan, compiler: compiler)
        return [gtm, ga4Admin(checked.plan), trackingDocument(checked.plan, report: checked.report)]
    }

    /// The GA4 admin settings for `plan`.
    public static func ga4Admin(_ plan: Plan) -> GeneratedFile {
        GeneratedFile(name: "ga4-admin.json", content: GA4AdminExport.json(plan).serialized() + "\n")
    }
}
