import TrackplanCore

/// The import report as Markdown (for a pull request or a review), JSON (for tools) and a
/// short summary (for the terminal).
public enum ImportReportText {
    /// Counts by outcome: `12 imported, 3 partial, 40 not imported`.
    static func outcomeCounts(_ report: ImportReport) -> String {
        ImportReport.Outcome.allCases.compactMap { outcome in
            let n = report.count(outcome)
            return n == 0 ? nil : "\(n) \(outcome.rawValue.replacingOccurrences(of: "-", with: " "))"
        }.joined(separator: ", ")
    }

    /// The terminal summary: what the plan holds and what happened to the source's entities.
    public static func summary(_ result: ImportResult, output: String) -> String {
        var lines = ["imported \(result.report.format.title) `\(result.report.source)` → \(output): \(result.plan.events.count) event(s), \(result.plan.pageTypes.count) page type(s)"]
        let entities = result.report.format == .gtm ? ["tag"] : ["event", "rule", "property"]
        for entity in entities {
            for row in result.report.counts(of: entity) {
                let outcomes = ImportReport.Outcome.allCases.compactMap { o in row.byOutcome[o].map { "\($0) \(o.rawValue.replacingOccurrences(of: "-", with: " "))" } }
                lines.append("  \(entity)\(row.type == "-" ? "" : " " + row.type): \(row.total) (\(outcomes.joined(separator: ", ")))")
            }
        }
        lines.append("report: " + outcomeCounts(result.report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as Markdown: a summary table per entity type, then every entry that was not
    /// imported as it is, grouped by outcome.
    public static func markdown(_ report: ImportReport) -> String {
        var out = "# Import report: `\(md(report.source))`\n\n"
        out += "Format: \(report.format.title). " + outcomeCounts(report) + ".\n\n"
        let entities = orderedEntities(report)
        out += "| Entity | Type | Total | " + ImportReport.Outcome.allCases.map { $0.rawValue }.joined(separator: " | ") + " |\n"
        out += "|---|---|---:|" + ImportReport.Outcome.allCases.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for entity in entities {
            for row in report.counts(of: entity) {
                out += "| \(md(entity)) | \(md(row.type)) | \(row.total) | " + ImportReport.Outcome.allCases.map { o in row.byOutcome[o].map(String.init) ?? "" }.joined(separator: " | ") + " |\n"
            }
        }
        for outcome in ImportReport.Outcome.allCases {
            let entries = report.entries.filter { $0.outcome == outcome }
            guard !entries.isEmpty else { continue }
            out += "\n## \(heading(outcome)) (\(entries.count))\n\n"
            for entry in entries {
                var line = "- \(entry.entity)"
                if let type = entry.type { line += " `\(md(type))`" }
                line += " **\(md(entry.name))**"
                if let id = entry.id { line += " (\(md(id)))" }
                out += line + ": " + md(entry.note) + "\n"
            }
        }
        return out
    }

    static func heading(_ outcome: ImportReport.Outcome) -> String {
        switch outcome {
        case .imported: "Imported"
        case .partial: "Imported, with something left behind"
        case .notImported: "Not imported"
        case .proposed: "Proposed (to confirm)"
        case .renamed: "Renamed"
        case .conflict: "Conflicts (the existing plan was kept)"
        case .added: "Added to the existing plan"
        }
    }

    static func orderedEntities(_ report: ImportReport) -> [String] {
        var seen: [String] = []
        for entry in report.entries where !seen.contains(entry.entity) { seen.append(entry.entity) }
        return seen
    }

    /// Markdown-safe inline text: `|`, `*`, `_`, `<`, `[` escaped, line breaks as spaces.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "*", "_", "<", ">", "[", "]", "\\": out += "\\" + String(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// The report as JSON (`"schema": "trackplan.import/1"`): source, format, counts by entity
    /// and type, and every entry.
    public static func json(_ report: ImportReport) -> String {
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        var counts: [JSONValue] = []
        for entity in orderedEntities(report) {
            for row in report.counts(of: entity) {
                counts.append(.object([
                    JSONMember("entity", .string(entity)), JSONMember("type", .string(row.type)), JSONMember("total", .int(row.total)),
                    JSONMember("outcomes", .object(ImportReport.Outcome.allCases.compactMap { o in row.byOutcome[o].map { JSONMember(o.rawValue, .int($0)) } })),
                ]))
            }
        }
        let value: JSONValue = .object([
            JSONMember("schema", .string("trackplan.import/1")),
            JSONMember("source", .string(report.source)),
            JSONMember("format", .string(report.format.rawValue)),
            JSONMember("counts", .array(counts)),
            JSONMember("entries", .array(report.entries.map { entry in
                .object([
                    JSONMember("outcome", .string(entry.outcome.rawValue)), JSONMember("entity", .string(entry.entity)),
                    JSONMember("type", opt(entry.type)), JSONMember("name", .string(entry.name)), JSONMember("id", opt(entry.id)),
                    JSONMember("note", .string(entry.note)),
                ])
            })),
        ])
        return value.serialized() + "\n"
    }
}
