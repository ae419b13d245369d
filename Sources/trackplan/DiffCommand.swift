import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanDiff
import TrackplanReports

/// `trackplan diff OLD NEW`
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what a plan change breaks downstream: the site's data layer, the GTM container, GA4, BigQuery.",
        discussion: """
        Each side is a plan file, or REV:PATH read from git with its includes at the same revision \
        (`trackplan diff main:tracking/plan.yaml tracking/plan.yaml`). Exit status: 0 when no change \
        reaches --fail-on, 1 when one does, 2 when a side cannot be read, 64 for bad usage. \
        `trackplan diff --explain` lists the change kinds.
        """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking, warning, any, none

        var severity: Severity? {
            switch self {
            case .breaking: .error
            case .warning: .warning
            case .any: .info
            case .none: nil
            }
        }
    }

    @Argument(help: ArgumentHelp("The plan before: a file, or REV:PATH from git.", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The plan after: a file, or REV:PATH from git.", valueName: "new"))
    var new: String?

    @Option(name: .long, help: "The lowest level that fails the run: breaking, warning, any or none.")
    var failOn: FailOn = .breaking

    @Option(name: .long, help: ArgumentHelp("Output format: markdown (for a pull-request comment), \(ReporterRegistry.idList).", valueName: "format"))
    var format: String = TextReporter.id

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "List the change kinds with their level and what they break, then exit.")
    var explain = false

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @OptionGroup var planOptions: PlanOptions

    func validate() throws {
        guard format == "markdown" || ReporterRegistry.reporter(format) != nil else {
            throw ValidationError("unknown format `\(format)`; the formats are markdown, \(ReporterRegistry.idList)")
        }
        if !explain, old == nil || new == nil {
            throw ValidationError("give the plan before and after: `trackplan diff OLD NEW`")
        }
    }

    func run() throws {
        if explain {
            Terminal.write(Self.explanation())
            return
        }
        guard let old, let new else { return }
        let run = DiffRun(old: .parse(old), new: .parse(new), includeRoot: planOptions.includeRoot)
        let outcome = run.run()
        let report = outcome.report.capped()
        let text: String
        if format == "markdown" {
            text = DiffMarkdown.render(outcome, old: old, new: new)
        } else {
            let color = format == TextReporter.id && output == nil && !noColor && Terminal.supportsColor(FileHandle.standardOutput)
            let options = ReporterOptions(color: color, failOn: failOn.severity ?? .error)
            text = (ReporterRegistry.reporter(format) ?? TextReporter.self).init(options: options).format(report)
        }
        try OutputFile.emit(text, to: output)
        if !report.unreadable.isEmpty { try ExitStatus.unreadable.exit() }
        guard let threshold = failOn.severity else { return }
        try report.exitStatus(failOn: threshold).exit()
    }

    /// The change kinds, one per line.
    static func explanation() -> String {
        let width = ChangeKinds.all.map(\.id.count).max() ?? 0
        var out = ""
        for kind in ChangeKinds.all {
            out += kind.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + kind.level.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + kind.summary + "\n"
            out += String(repeating: " ", count: width + 12) + kind.rationale + "\n"
        }
        return out
    }
}
