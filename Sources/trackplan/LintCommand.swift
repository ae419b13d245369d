import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanLint
import TrackplanReports

/// `trackplan lint PLAN...`
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check tracking plans and report problems.",
        discussion: """
        Exit status: 0 when no finding reaches the fail level, 1 when one does, 2 when a plan \
        could not be read, 64 for bad usage.
        """
    )

    @Argument(help: "The plan files to lint (YAML).")
    var plans: [String]

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("Output format: \(ReporterRegistry.idList).", valueName: "format"))
    var format: String = TextReporter.id

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("rule"), help: ArgumentHelp("Set a rule's severity, overriding the plan: ID=error|warning|info|off. Repeatable.", valueName: "ID=SEVERITY"))
    var ruleSettings: [String] = []

    @Option(name: .long, help: "The lowest severity that fails the run: error, warning or info.")
    var failOn: Severity = .error

    @Flag(name: .long, help: "Fail on warnings too (same as --fail-on warning).")
    var strict = false

    @Option(name: .long, help: "Hide the findings recorded in this baseline file; report only new ones.")
    var baseline: String?

    @Option(name: .long, help: "Record the current findings in this baseline file, then exit 0.")
    var writeBaseline: String?

    @Flag(name: .long, help: "Never colour the output (colour is on only on a terminal, and off when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Skip YAML files that are neither plans nor fragments of one (for hooks that pass every changed YAML file).")
    var plansOnly = false

    var effectiveFailOn: Severity { strict ? min(failOn, .warning) : failOn }

    func validate() throws {
        guard ReporterRegistry.reporter(format) != nil else {
            throw ValidationError("unknown format `\(format)`; the formats are \(ReporterRegistry.idList)")
        }
    }

    func overrides() throws -> [String: Severity?] {
        var result: [String: Severity?] = [:]
        for setting in ruleSettings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--rule takes ID=SEVERITY, such as `--rule name-style=error`; found `\(setting)`")
            }
            let (id, level) = (parts[0], parts[1])
            guard RuleCatalog.ids.contains(id) else {
                let near = Suggestion.nearest(to: id, in: RuleCatalog.ids)
                throw ValidationError("unknown rule `\(id)`" + (near.map { "; did you mean `\($0)`?" } ?? "") + " (`trackplan rules` lists them)")
            }
            if level == "off" {
                result[id] = .some(nil)
            } else if let severity = Severity(rawValue: level) {
                result[id] = .some(severity)
            } else {
                throw ValidationError("the severity of `\(id)` must be error, warning, info or off; found `\(level)`")
            }
        }
        return result
    }

    /// A plan path as a baseline at `baseline` records it: relative to the baseline's directory.
    static func baselineKey(_ baseline: String) -> (String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let directory = PathUtil.directory(of: baseline)
        return { PathUtil.relative($0, to: directory.isEmpty ? "." : directory, workingDirectory: cwd) }
    }

    func run() throws {
        // Fragments are linted as part of the plan that includes them.
        let selection = PlanSelection.resolve(plans, plansOnly: plansOnly)
        var report = Linter(overrides: try overrides()).report(selection.plans, loader: planOptions.loader)
        report.subjects += selection.orphanFindings()
        report.notes += selection.notes
        if let writeBaseline {
            let key = Self.baselineKey(writeBaseline)
            try OutputFile.write(Baseline(recording: report, planKey: key).serialized(), to: writeBaseline)
            let count = report.diagnostics.count
            Terminal.writeError("recorded \(count) finding\(count == 1 ? "" : "s") in \(writeBaseline)\n")
            if !report.unreadable.isEmpty { try ExitStatus.unreadable.exit() }
            return
        }
        if let baseline {
            let text: String
            do {
                text = try String(contentsOfFile: baseline, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read baseline `\(baseline)`: \(error.localizedDescription)")
            }
            do {
                report = try Baseline.parse(text).apply(to: report, planKey: Self.baselineKey(baseline))
            } catch {
                throw ValidationError("baseline `\(baseline)` is invalid: \(error)")
            }
        }
        report = report.capped()
        let color = format == TextReporter.id && output == nil && !noColor && Terminal.supportsColor(FileHandle.standardOutput)
        let options = ReporterOptions(color: color, failOn: effectiveFailOn)
        let reporter = (ReporterRegistry.reporter(format) ?? TextReporter.self).init(options: options)
        try OutputFile.emit(reporter.format(report), to: output)
        try report.exitStatus(failOn: effectiveFailOn).exit()
    }
}
