import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanReports
import TrackplanGenerators

/// Shared behaviour of the commands that generate files from a plan.
enum Generate {
    /// Lints `path`; on failure prints the report and exits 1 (lint errors) or 2 (unreadable).
    static func check(_ path: String) throws -> Pipeline.Checked {
        do {
            return try Pipeline().check(path)
        } catch {
            switch error {
            case .unreadable(let report):
                Terminal.writeError(TextReporter(color: Terminal.supportsColor(FileHandle.standardError)).format(report))
                throw ExitCode(2)
            case .lintErrors(let report):
                Terminal.writeError(TextReporter(color: Terminal.supportsColor(FileHandle.standardError)).format(report))
                Terminal.writeError("nothing written: fix the errors above first\n")
                throw ExitCode(1)
            }
        }
    }

    /// Writes `content` to `output` atomically, or to standard output when `output` is nil or `-`.
    static func emit(_ content: String, to output: String?) throws {
        if let output, output != "-" {
            try OutputFile.write(content, to: output)
        } else {
            Terminal.write(content)
        }
    }

    /// Lints `plan`, then writes the one file `make` generates to `output` and says so.
    static func single(_ plan: String, to output: String?, _ make: (Pipeline.Checked) -> Pipeline.GeneratedFile) throws {
        let checked = try check(plan)
        try emit(make(checked).content, to: output)
        Terminal.writeError(lintLine(checked.report) + "\nwrote \(output ?? "standard output")\n")
    }

    /// One line about the lint result, for the build summary.
    static func lintLine(_ report: FindingReport) -> String {
        "lint: " + report.summary
    }
}

/// `trackplan gtm PLAN -o gtm-container.json`
struct GTM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtm",
        abstract: "Compile a plan into a Google Tag Manager container to import.",
        discussion: """
        Writes a GTM container export (exportFormatVersion 2). Import it with Admin → Import \
        Container → choose a workspace → Merge → Rename conflicting tags, triggers and variables. \
        Nothing is written when the plan has lint errors. `exportTime` comes from SOURCE_DATE_EPOCH \
        when set, else it is \(GTMCompiler.defaultExportTime).
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Option(name: [.short, .long], help: "Where to write the container (default: standard output).")
    var output: String?

    func run() throws {
        let checked = try Generate.check(plan)
        let (file, result): (Pipeline.GeneratedFile, GTMCompiler.Output)
        do {
            (file, result) = try Pipeline.gtmContainer(checked.plan)
        } catch {
            Terminal.writeError("\(error)\n")
            throw ExitCode(70)
        }
        try Generate.emit(file.content, to: output)
        var lines = [Generate.lintLine(checked.report)]
        lines.append("wrote \(output ?? "standard output"): \(result.tagCount) tags, \(result.triggerCount) triggers, \(result.variableCount) variables, \(result.folderCount) folders")
        if result.usesPlaceholderMeasurementID {
            lines.append("note: no ga4.measurement_id in the plan; the container uses the placeholder \(GTMCompiler.placeholderMeasurementID)")
        }
        if !result.deprecatedEvents.isEmpty {
            lines.append("left out deprecated events: " + result.deprecatedEvents.joined(separator: ", "))
        }
        Terminal.writeError(lines.joined(separator: "\n") + "\n")
    }
}

/// `trackplan ga4 PLAN -o ga4-admin.json`
struct GA4: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ga4",
        abstract: "List what to configure in GA4 itself: key events and custom dimensions (JSON).",
        discussion: "Nothing is written when the plan has lint errors."
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Option(name: [.short, .long], help: "Where to write the JSON (default: standard output).")
    var output: String?

    func run() throws {
        try Generate.single(plan, to: output) { Pipeline.ga4Admin($0.plan) }
    }
}
