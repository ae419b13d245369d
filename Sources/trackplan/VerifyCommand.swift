import ArgumentParser
import Foundation
import TrackplanCapture
import TrackplanCore
import TrackplanReports
import TrackplanVerify

/// `trackplan verify PLAN INPUT...`
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check what a site actually sends (HAR captures, data layer dumps, GA4 BigQuery exports) against the plan.",
        discussion: """
        Inputs are detected from their content: HAR files, data layer dumps (a JSON array of pushes, \
        or NDJSON), GA4 BigQuery export rows (NDJSON), lists of GA4 hits (one /g/collect URL or \
        {"url", "body"} object per line). `trackplan rules` lists the checks.

        Exit status: 0 when every gate passes, 1 when a gate fails (a finding at the --fail-on \
        level, coverage under --min-coverage, a --require event not seen), 2 when the plan or an \
        input could not be read (or part of an input), 64 for bad usage.
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Argument(help: "The captures and exports to check.")
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The inputs' format, instead of detecting it: \(CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ")) (an event log with the fields event, user_id, session_id, timestamp).", valueName: "format"))
    var inputFormat: String?

    @Option(name: .long, help: ArgumentHelp("Output format: \(Self.formats.joined(separator: ", ")).", valueName: "format"))
    var format: String = TextReporter.id

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Fail when fewer than this share of the planned events in scope were seen: 0.9 or 90%.", valueName: "share"))
    var minCoverage: String?

    @Option(name: .customLong("require"), help: ArgumentHelp("An event that must be seen at least once. Repeatable.", valueName: "event"))
    var required: [String] = []

    @Option(name: .long, help: "The lowest severity that fails the run: error, warning or info.")
    var failOn: Severity = .error

    @Option(name: .customLong("rule"), help: ArgumentHelp("Set a check's severity: ID=error|warning|info|off. Repeatable.", valueName: "ID=SEVERITY"))
    var ruleSettings: [String] = []

    @Option(name: .long, help: ArgumentHelp("Which planned events coverage counts: `visited` (on every page, or on a page type the captures visited) or `all`.", valueName: "scope"))
    var scope: String = "visited"

    @Option(name: .long, help: ArgumentHelp("Two identical events closer than this many milliseconds are one action sent twice.", valueName: "ms"))
    var duplicateWindow: Double = 1000

    @OptionGroup var planOptions: PlanOptions

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    static let formats = ReporterRegistry.ids + ["markdown"]

    func validate() throws {
        guard Self.formats.contains(format) else {
            throw ValidationError("unknown format `\(format)`; the formats are \(Self.formats.joined(separator: ", "))")
        }
        if let inputFormat, CaptureFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format `\(inputFormat)`; the formats are \(CaptureFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["visited", "all"].contains(scope) else { throw ValidationError("--scope is `visited` or `all`; found `\(scope)`") }
        guard duplicateWindow >= 0 else { throw ValidationError("--duplicate-window must be 0 or more milliseconds") }
        _ = try coverageThreshold()
        _ = try severities()
    }

    func coverageThreshold() throws -> Double? {
        guard let minCoverage else { return nil }
        let text = minCoverage.trimmingCharacters(in: .whitespaces)
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()) : text) else {
            throw ValidationError("--min-coverage takes a share such as 0.9 or 90%; found `\(minCoverage)`")
        }
        let share = isPercent || number > 1 ? number / 100 : number
        guard (0...1).contains(share) else { throw ValidationError("--min-coverage must be between 0 and 1 (0% and 100%); found `\(minCoverage)`") }
        return share
    }

    func severities() throws -> [String: Severity?] {
        var result: [String: Severity?] = [:]
        for setting in ruleSettings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--rule takes ID=SEVERITY, such as `--rule unexpected-param=info`; found `\(setting)`") }
            guard VerifyChecks.ids.contains(parts[0]) else {
                let near = Suggestion.nearest(to: parts[0], in: VerifyChecks.ids)
                throw ValidationError("unknown check `\(parts[0])`" + (near.map { "; did you mean `\($0)`?" } ?? "") + " (`trackplan rules` lists them)")
            }
            if parts[1] == "off" {
                result[parts[0]] = .some(nil)
            } else if let severity = Severity(rawValue: parts[1]) {
                result[parts[0]] = .some(severity)
            } else {
                throw ValidationError("the severity of `\(parts[0])` must be error, warning, info or off; found `\(parts[1])`")
            }
        }
        return result
    }

    func run() throws {
        var options = VerifyOptions()
        options.severities = try severities()
        options.minCoverage = try coverageThreshold()
        options.required = required
        options.failOn = failOn
        options.scopeAll = scope == "all"
        options.duplicateWindow = duplicateWindow
        let format = inputFormat.flatMap(CaptureFormat.init(rawValue:))
        let outcome = VerifyPipeline.run(plan: plan, inputs: inputs.map { VerifyInput(path: $0, format: format) }, options: options,
                                         loader: planOptions.loader, validate: { planned in
            let unknown = required.filter { !planned.contains($0) }
            guard let name = unknown.first else { return nil }
            let near = Suggestion.nearest(to: name, in: planned)
            return "--require names `\(name)`, which is not an active event of the plan" + (near.map { "; did you mean `\($0)`?" } ?? "")
        })
        if let usage = outcome.usageError {
            Terminal.writeError("Error: \(usage)\n")
            try ExitStatus.usage.exit()
        }
        let text: String
        switch self.format {
        case "markdown":
            text = VerifyMarkdown.document(outcome, planPath: plan)
        case "json":
            text = VerifyJSON.document(outcome, planPath: plan)
        default:
            let color = self.format == TextReporter.id && output == nil && !noColor && Terminal.supportsColor(FileHandle.standardOutput)
            let reporter = (ReporterRegistry.reporter(self.format) ?? TextReporter.self).init(options: ReporterOptions(color: color, failOn: failOn))
            var body = reporter.format(outcome.report)
            if self.format == TextReporter.id, let result = outcome.result, let gates = outcome.gates {
                body += VerifyText.summary(result, gates: gates)
            }
            text = body
        }
        try OutputFile.emit(text, to: output)
        try outcome.exitStatus.exit()
    }
}
