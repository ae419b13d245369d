import Foundation
import TrackplanCore

/// The analysis as Markdown for GitHub: tables, findings, and the data account.
public enum AnalysisMarkdown {
    static func cell(_ text: String) -> String { SafeText.escapingControls(text).replacingOccurrences(of: "|", with: "\\|") }

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "| " + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// The document; `charts` is the base name of the SVG charts written beside it
    /// (`NAME-lift.svg`, `NAME-funnel.svg`), when they are.
    public static func document(_ outcome: AnalysisPipeline.Outcome, planPath: String, charts: String? = nil) -> String {
        var out = "# What predicts conversion: `\(cell(planPath))`\n\n"
        guard let a = outcome.analysis else {
            return out + outcome.report.diagnostics.map { "- \(cell($0.message))\n" }.joined() + outcome.report.notes.joined(separator: "\n") + "\n"
        }
        let noun = a.unit == .session ? "sessions" : "users"
        out += "Over \(a.units) \(noun). **Correlation, not causation**: these figures say which steps go with conversion, not which cause it.\n\n"
        out += "## Lift of each micro-conversion\n\n"
        var header = AnalysisText.liftHeader
        header[header.count - 1] = "Note"
        if let charts, !a.lift.isEmpty { out += "![Lift of each micro-conversion, with 95% confidence intervals](\(charts)-lift.svg)\n\n" }
        out += a.lift.isEmpty ? "No micro-conversion of the plan appears in the data.\n" : table(header, AnalysisText.liftCells(a), numeric: Set(2...10).subtracting([7]))
        out += "\nWith and Without count \(noun) with and without the micro; CR is the conversion rate to the macro; lift is CR with ÷ CR without, "
            + "with its 95% confidence interval (Katz); phi is the correlation of the two yes/no variables; p is the chi-square test's, "
            + "q its Benjamini–Hochberg false discovery rate across the table. Rows are sorted by the interval's lower bound.\n"

        if !a.unseenMicros.isEmpty {
            out += "\nNever seen in the data (a tracking gap, not \"no effect\"): " + a.unseenMicros.map { "`\(cell($0))`" }.joined(separator: ", ") + ".\n"
        }
        if let macro = a.funnelMacro, !a.funnel.isEmpty {
            out += "\n## Funnel to `\(cell(macro))`\n\n" + (charts.map { "![Funnel](\($0)-funnel.svg)\n\n" } ?? "")
                + "\"In order\" counts \(noun) that reached each step at or after the previous one (a closed funnel); \"any order\" those that had the step at all (an open funnel).\n\n" + table(AnalysisText.funnelHeader, AnalysisText.funnelCells(a), numeric: Set(1...5))
        }
        if let macro = a.funnelMacro, !a.byPageType.isEmpty {
            out += "\n## Conversion to `\(cell(macro))` by page type visited\n\n"
            out += table(["Page type", noun.capitalized, "Converted", "Rate"], a.byPageType.map {
                [$0.pageType, "\($0.units)", "\($0.converted)", AnalysisFormat.percent(Double($0.converted) / Double($0.units))]
            }, numeric: [1, 2, 3])
        }
        let findings = outcome.report.diagnostics
        out += "\n## The plan, judged\n\n"
        out += findings.isEmpty ? "No finding about the plan.\n" + outcome.report.notes.map { "\n" + cell($0) + "\n" }.joined() : findings.map { d in
            "- **\(d.severity.rawValue)** `\(d.ruleID)`: \(cell(d.message))" + (d.span.map { " (\(cell($0.file.path)):\($0.start.line))" } ?? "")
                + (d.hint.map { "<br>_Next:_ \(cell($0))" } ?? "") + "\n"
        }.joined()
        out += "\n<sub>\(cell(AnalysisText.dataLine(a))).</sub>\n"
        return out
    }
}
