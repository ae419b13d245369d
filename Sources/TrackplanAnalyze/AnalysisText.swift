import Foundation
import TrackplanCore

/// The analysis as tables, for the terminal (text) and for GitHub (Markdown).
public enum AnalysisText {
    /// The lift table's rows as cells: micro, macro, with, CR with, without, CR without, lift,
    /// 95% CI, phi, p, q, note.
    static func liftCells(_ a: Analysis) -> [[String]] {
        a.lift.map { row in
            let t = row.table
            return [row.micro, row.macro, "\(t.withMicro)", AnalysisFormat.percent(t.rateWith), "\(t.withoutMicro)",
                    AnalysisFormat.percent(t.rateWithout), AnalysisFormat.lift(t.lift),
                    t.liftInterval.map { "\(AnalysisFormat.number($0.lowerBound))–\(AnalysisFormat.number($0.upperBound))" } ?? "—",
                    t.phi.map { AnalysisFormat.number($0, digits: 3) } ?? "—", AnalysisFormat.p(t.pValue), AnalysisFormat.p(row.qValue),
                    row.insufficient ? "insufficient data" : ""]
        }
    }

    static let liftHeader = ["Micro", "Macro", "With", "CR with", "Without", "CR without", "Lift", "95% CI", "phi", "p", "q", ""]

    /// The funnel's rows as cells: step, closed, step conversion, overall, open.
    static func funnelCells(_ a: Analysis) -> [[String]] {
        var previous: Int?
        return a.funnel.map { step in
            defer { previous = step.closed }
            let stepRate = previous.map { $0 == 0 ? nil : Double(step.closed) / Double($0) } ?? nil
            let overall = a.units == 0 ? nil : Double(step.closed) / Double(a.units)
            let dropOff = previous.map { $0 - step.closed }
            return [step.name, "\(step.closed)", AnalysisFormat.percent(stepRate), dropOff.map(String.init) ?? "—",
                    AnalysisFormat.percent(overall), "\(step.open)"]
        }
    }

    static let funnelHeader = ["Step", "Reached (in order)", "Step conversion", "Drop-off", "Of all", "Reached (any order)"]

    /// `rows` under `header` in aligned columns: the `left` ones left-aligned, the others (numbers) right-aligned.
    static func table(_ header: [String], _ rows: [[String]], left: Set<Int> = [0]) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return left.contains(c) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The text report: lift table, unseen micros, funnel, page types, data account.
    public static func render(_ a: Analysis) -> String {
        let noun = a.unit == .session ? "sessions" : "users"
        var out = "Lift of each micro-conversion on its macro, over \(a.units) \(noun) (correlation, not causation)\n\n"
        out += a.lift.isEmpty ? "(no micro-conversion of the plan appears in the data)\n" : table(liftHeader, liftCells(a), left: [0, 1, 11])
        if !a.unseenMicros.isEmpty {
            out += "\nNever seen in the data (a tracking gap, not \"no effect\"): " + a.unseenMicros.joined(separator: ", ") + "\n"
        }
        if let macro = a.funnelMacro, !a.funnel.isEmpty {
            out += "\nFunnel to \(macro) (\(noun); in order: each step at or after the previous one)\n\n" + table(funnelHeader, funnelCells(a))
        }
        if !a.byPageType.isEmpty, let macro = a.funnelMacro {
            out += "\nConversion to \(macro) by page type visited\n\n"
            out += table(["Page type", "\(noun.capitalized)", "Converted", "Rate"], a.byPageType.map {
                [$0.pageType, "\($0.units)", "\($0.converted)", AnalysisFormat.percent(Double($0.converted) / Double($0.units))]
            })
        }
        out += "\n" + dataLine(a) + "\n"
        return out
    }

    /// "12001 events read; 12001 counted into 1830 sessions; set aside: …".
    public static func dataLine(_ a: Analysis) -> String {
        let q = a.quality
        var line = "Data: \(q.events) events read, \(q.counted) counted into \(a.units) \(a.unit == .session ? "sessions" : "users")"
        if q.outsideDates > 0 { line += "; \(q.outsideDates) outside the dates" }
        for reason in DataQuality.Reason.allCases {
            guard let entry = q.setAside[reason] else { continue }
            line += "; \(entry.count) set aside \(reason.rawValue) (first: " + entry.first.map(\.description).joined(separator: ", ") + ")"
        }
        let unplanned = q.unplanned.values.reduce(0, +)
        if unplanned > 0 { line += "; \(unplanned) events of \(q.unplanned.count) names the plan does not have" }
        return line
    }
}
