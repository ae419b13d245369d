import Foundation
import TrackplanCore
import TrackplanFormat

/// `trackplan diff OLD NEW`: loads both sides (files, or `REV:PATH` read from git with their
/// includes at the same revision), compares them, and makes the finding report.
public struct DiffRun: Sendable {
    /// One side as given on the command line.
    public struct Side: Sendable {
        /// The argument as given.
        public var argument: String
        /// The path the loader reads (shown in diagnostics).
        public var path: String
        /// Where its files come from.
        public var sources: any SourceProvider

        /// A side read from `sources` at `path`, shown as `argument`.
        public init(argument: String, path: String, sources: any SourceProvider) {
            self.argument = argument
            self.path = path
            self.sources = sources
        }

        /// `argument` as a side: an existing file is a file; otherwise `REV:PATH` is read from
        /// git at REV; anything else is a file (reported as unreadable when missing).
        public static func parse(_ argument: String, directory: String = FileManager.default.currentDirectoryPath) -> Side {
            let disk = DiskSourceProvider()
            if disk.kind(of: argument) != nil { return Side(argument: argument, path: argument, sources: disk) }
            if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
                let revision = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
                if !path.isEmpty {
                    let git = GitSourceProvider(revision: revision, directory: directory)
                    return Side(argument: argument, path: git.displayPath(path), sources: git)
                }
            }
            return Side(argument: argument, path: argument, sources: disk)
        }
    }

    /// What running the diff produced.
    public struct Outcome: Sendable {
        /// The changes, in order.
        public var changes: [PlanChange]
        /// The report for the reporters: the changes as findings, load problems, unreadable sides.
        public var report: FindingReport
    }

    /// The side before.
    public var old: Side
    /// The side after.
    public var new: Side
    /// The directory included files must stay inside (nil: each plan's directory).
    public var includeRoot: String?

    /// A diff of `old` → `new`.
    public init(old: Side, new: Side, includeRoot: String? = nil) {
        self.old = old
        self.new = new
        self.includeRoot = includeRoot
    }

    /// Every change kind, as the reporters list rules.
    public static var rules: [RuleDescription] { ChangeKinds.all.map(\.ruleDescription) }

    /// Loads both sides and compares them. A side that cannot be read at all is listed as
    /// unreadable (exit 2); a side with load errors is compared as far as it loaded, and a
    /// `diff-incomplete` finding says so.
    public func run() -> Outcome {
        var unreadable: [FindingReport.Unreadable] = []
        var loaded: [(side: Side, result: LoadResult)] = []
        for side in [old, new] {
            let loader = PlanLoader(sources: side.sources, includeRoot: includeRoot)
            do {
                loaded.append((side, try loader.load(side.path)))
            } catch {
                unreadable.append(.init(path: side.argument, reason: error.reason, noun: "plan"))
            }
        }
        var report = FindingReport(subjects: [], unreadable: unreadable, rules: Self.rules, noun: "plan pair")
        report.vocabulary.error = ("breaking change", "breaking changes")
        report.vocabulary.info = ("safe change", "safe changes")
        report.vocabulary.nothing = "no changes"
        guard loaded.count == 2, let before = loaded[0].result.plan, let after = loaded[1].result.plan else {
            if unreadable.isEmpty {
                // A side that loaded to no plan at all (an empty or non-mapping file).
                for (side, result) in loaded where result.plan == nil {
                    report.unreadable.append(.init(path: side.argument, reason: result.diagnostics.first?.message ?? "it is not a plan", noun: "plan"))
                }
            }
            return Outcome(changes: [], report: report)
        }
        let changes = PlanDiff(old: before, new: after).changes()
        var diagnostics = changes.map(\.diagnostic)
        for (label, (side, result)) in zip(["old", "new"], loaded) {
            let errors = result.diagnostics.filter { $0.severity == .error }
            guard let first = errors.first else { continue }
            var d = Diagnostic(rule: ChangeKinds.sideUnreadable.id, severity: .error,
                               message: "the \(label) side (\(side.path)) has \(errors.count) load error\(errors.count == 1 ? "" : "s"); the diff covers only what loaded",
                               span: first.span, path: nil,
                               hint: "first: \(first.message) — run `trackplan lint` on it for all of them")
            d.categories = []
            diagnostics.append(d)
        }
        let files = loaded[1].result.files + loaded[0].result.files
        report.subjects = [.init(path: "\(old.argument) → \(new.argument)", files: files, diagnostics: diagnostics)]
        return Outcome(changes: changes, report: report)
    }
}
