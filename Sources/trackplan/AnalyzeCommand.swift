import ArgumentParser
import Foundation
import TrackplanAnalyze
import TrackplanCore
import TrackplanReports

/// `trackplan analyze PLAN DATA...`
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure from GA4 exports whether each micro-conversion predicts its macro: lift, correlation, funnel.",
        discussion: """
        DATA is GA4 BigQuery export rows as NDJSON, or a plain event log (NDJSON or CSV, see \
        --input-format); gzip-compressed files are read too, and `-` is standard input. \
        Correlation, not causation: the figures say which steps go with conversion, not which \
        cause it.

        Exit status: 0, 1 when a finding about the plan reaches --fail-on (default: never, the \
        findings are advice), 2 when the plan or an export could not be read (or a line of it), \
        64 for bad usage.
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Argument(help: "GA4 BigQuery export rows (NDJSON), or an event log.")
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The data's format: ga4-export (default) or event-log (NDJSON or CSV; `.csv` files are event logs).", valueName: "format"))
    var inputFormat: String?

    @Option(name: .long, help: ArgumentHelp("Event log: the event name's field.", valueName: "field"))
    var eventField: String?

    @Option(name: .long, help: ArgumentHelp("Event log: the user's field.", valueName: "field"))
    var userField: String?

    @Option(name: .long, help: ArgumentHelp("Event log: the session's field.", valueName: "field"))
    var sessionField: String?

    @Option(name: .long, help: ArgumentHelp("Event log: the time's field (epoch ms or s, or ISO 8601).", valueName: "field"))
    var timeField: String?

    @Option(name: .long, help: ArgumentHelp("Event log: the field of a record holding an array of its events (one session per line).", valueName: "field"))
    var eventsField: String?

    @Option(name: .long, help: ArgumentHelp("Print the analysis as SQL for this engine instead of running it: bigquery.", valueName: "engine"))
    var sql: String?

    @Option(name: .long, help: ArgumentHelp("With --sql: the GA4 export tables, PROJECT.DATASET.events_*.", valueName: "table"))
    var table: String?

    @Option(name: .long, help: "What a unit is: session (user_pseudo_id + ga_session_id) or user.")
    var unit: String = "session"

    @Option(name: .long, help: "Measure every micro against this macro, instead of the one it leads to.")
    var macro: String?

    @Option(name: .long, help: ArgumentHelp("The funnel's steps as event names, comma-separated (default: the plan's stages).", valueName: "events"))
    var funnel: String?

    @Option(name: .long, help: ArgumentHelp("The first day counted, YYYY-MM-DD: the export's event_date (else the timestamp's UTC day).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The last day counted, YYYY-MM-DD, inclusive.", valueName: "date"))
    var to: String?

    @Option(name: .long, help: "Below this many units with a micro, its row is flagged as insufficient data.")
    var minUnits: Int = 30

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: String = "text"

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Fail (exit 1) on findings of this severity or above: error, warning or info.")
    var failOn: Severity?

    @OptionGroup var planOptions: PlanOptions

    func validate() throws {
        if let sql {
            guard sql == "bigquery" else { throw ValidationError("--sql takes `bigquery`; found `\(sql)`") }
            guard let table else { throw ValidationError("--sql bigquery needs --table PROJECT.DATASET.events_*") }
            guard BigQuerySQL.validTable(table) else {
                throw ValidationError("--table must be PROJECT.DATASET.TABLE (the table may end in `*`), such as `my-project.analytics_123456.events_*`; found `\(table)`")
            }
            guard data.isEmpty else { throw ValidationError("--sql prints a query to run in BigQuery; give no data files with it") }
        } else {
            guard !data.isEmpty else { throw ValidationError("give the GA4 export files to analyze, or --sql bigquery --table … to print the query") }
        }
        guard AnalysisOptions.Unit(rawValue: unit) != nil else { throw ValidationError("--unit is `session` or `user`; found `\(unit)`") }
        guard ["text", "json", "markdown"].contains(format) else { throw ValidationError("unknown format `\(format)`; the formats are text, json, markdown") }
        if let inputFormat, !["ga4-export", "event-log"].contains(inputFormat) {
            throw ValidationError("--input-format is `ga4-export` or `event-log`; found `\(inputFormat)`")
        }
        guard minUnits >= 1 else { throw ValidationError("--min-units must be at least 1") }
        _ = try day(from, "--from")
        _ = try day(to, "--to")
    }

    func day(_ text: String?, _ option: String) throws -> Date? {
        guard let text else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text) else { throw ValidationError("\(option) takes a date as YYYY-MM-DD; found `\(text)`") }
        return date
    }

    func run() throws {
        var options = AnalysisOptions()
        options.unit = AnalysisOptions.Unit(rawValue: unit) ?? .session
        options.macro = macro
        options.funnelSteps = funnel.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        options.from = try day(from, "--from")
        options.to = try day(to, "--to")
        options.minUnits = minUnits
        let logOptions = [eventField, userField, sessionField, timeField, eventsField]
        let isLog = inputFormat == "event-log" || inputFormat == nil && (logOptions.contains { $0 != nil } || data.contains { $0.lowercased().hasSuffix(".csv") })
        options.inputFormat = isLog ? .eventLog : .ga4Export
        if let eventField { options.eventLog.event = eventField }
        if let userField { options.eventLog.user = userField }
        if let sessionField { options.eventLog.session = sessionField }
        if let timeField { options.eventLog.time = timeField }
        options.eventLog.events = eventsField
        if let table, sql != nil {
            switch AnalysisPipeline.sql(plan: plan, table: table, options: options, loader: planOptions.loader) {
            case .success(let query):
                try OutputFile.emit(query, to: output)
                return
            case .failure(let outcome):
                Terminal.writeError(outcome.usageError.map { "Error: \($0)\n" } ?? TextReporter(options: ReporterOptions()).format(outcome.report))
                try outcome.exitStatus.exit()
                return
            }
        }
        let outcome = AnalysisPipeline.run(plan: plan, inputs: data, options: options, failOn: failOn ?? .error, loader: planOptions.loader)
        if let usage = outcome.usageError {
            Terminal.writeError("Error: \(usage)\n")
            try ExitStatus.usage.exit()
        }
        var text: String
        switch format {
        case "json":
            text = AnalysisJSON.document(outcome, planPath: plan)
        case "markdown":
            // Charts go beside a Markdown file: ANALYSIS.md → ANALYSIS-lift.svg, ANALYSIS-funnel.svg.
            if let output, let analysis = outcome.analysis {
                let base = output.hasSuffix(".md") ? String(output.dropLast(3)) : output
                try OutputFile.write(AnalysisCharts.liftSVG(analysis), to: base + "-lift.svg")
                try OutputFile.write(AnalysisCharts.funnelSVG(analysis), to: base + "-funnel.svg")
                text = AnalysisMarkdown.document(outcome, planPath: plan, charts: (base as NSString).lastPathComponent)
            } else {
                text = AnalysisMarkdown.document(outcome, planPath: plan)
            }
        default:
            text = outcome.analysis.map(AnalysisText.render) ?? ""
            let findings = TextReporter(options: ReporterOptions(color: false, failOn: failOn ?? .error)).format(outcome.report)
            text += (text.isEmpty ? "" : "\nThe plan, judged:\n") + findings
        }
        try OutputFile.emit(text, to: output)
        let status = failOn == nil && outcome.exitStatus == .failure ? .success : outcome.exitStatus
        try status.exit()
    }
}
