import TrackplanCapture
import TrackplanCore
import TrackplanFormat

/// One input to verify: a path, and its format when detection should be overridden.
public struct VerifyInput: Sendable {
    /// The path.
    public var path: String
    /// The format, or nil to detect it from the content.
    public var format: CaptureFormat?
    /// How reports name it (default: the path).
    public var displayPath: String?

    /// Creates an input.
    public init(path: String, format: CaptureFormat? = nil, displayPath: String? = nil) {
        self.path = path
        self.format = format
        self.displayPath = displayPath
    }
}

/// `verify` from end to end: load the plan, read every input through the verifier, conclude.
public enum VerifyPipeline {
    /// What a run produced.
    public struct Outcome: Sendable {
        /// The findings (with the plan's loading errors when it did not load).
        public var report: FindingReport
        /// The verification, when the plan loaded.
        public var result: VerifyResult?
        /// The gates, when the plan loaded.
        public var gates: VerifyResult.Gates?
        /// The exit status: 0 gates passed, 1 a gate failed, 2 an input or the plan could not be read.
        public var exitStatus: ExitStatus
        /// Why the request itself is wrong (an option naming an event the plan does not have).
        public var usageError: String?
    }

    /// Verifies `inputs` against the plan at `planPath`.
    /// `validate` is given the plan's active event names and returns a usage error, if any;
    /// nothing is read then.
    public static func run(plan planPath: String, inputs: [VerifyInput], options: VerifyOptions,
                           loader: PlanLoader = PlanLoader(), validate: ([String]) -> String? = { _ in nil }) -> Outcome {
        let rules = LoaderRules.descriptions + VerifyChecks.descriptions
        let loaded: LoadResult
        do {
            loaded = try loader.load(planPath)
        } catch {
            let report = FindingReport(subjects: [], unreadable: [error.unreadable], rules: rules)
            return Outcome(report: report, result: nil, gates: nil, exitStatus: .unreadable, usageError: nil)
        }
        guard let plan = loaded.plan, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
            var report = FindingReport(subjects: [.init(path: planPath, files: loaded.files, diagnostics: loaded.diagnostics)], rules: rules)
            report.notes.append("nothing verified: the plan has errors; fix them first (`trackplan lint` lists them)")
            return Outcome(report: report.capped(), result: nil, gates: nil, exitStatus: .unreadable, usageError: nil)
        }
        if let usage = validate(plan.activeEvents.map(\.name)) {
            return Outcome(report: FindingReport(subjects: [], rules: rules), result: nil, gates: nil, exitStatus: .usage, usageError: usage)
        }
        return run(plan: plan, planPath: planPath, inputs: inputs, options: options)
    }

    /// Verifies `inputs` against a loaded plan.
    public static func run(plan: Plan, planPath: String, inputs: [VerifyInput], options: VerifyOptions) -> Outcome {
        var verifier = Verifier(plan: plan, options: options)
        var unreadable: [FindingReport.Unreadable] = []
        for input in inputs {
            do {
                let summary = try CaptureReader.read(input.path, format: input.format, displayPath: input.displayPath) { verifier.observe($0) }
                verifier.add(summary)
            } catch let error as FindingReport.Unreadable {
                unreadable.append(error)
            } catch {
                unreadable.append(FindingReport.Unreadable(path: input.displayPath ?? input.path, reason: "\(error)", noun: "capture"))
            }
        }
        let result = verifier.finish()
        var report = result.report(planPath: planPath, planFiles: plan.files, unreadable: unreadable)
        report.rules = LoaderRules.descriptions + VerifyChecks.descriptions
        report = report.capped()
        let gates = result.gates(report)
        return Outcome(report: report, result: result, gates: gates, exitStatus: result.exitStatus(report), usageError: nil)
    }
}
