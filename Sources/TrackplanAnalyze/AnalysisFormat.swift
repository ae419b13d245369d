import Foundation

/// How analysis figures are written.
public enum AnalysisFormat {
    /// `x` rounded to `digits` decimals, without trailing zeros beyond one.
    public static func number(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        return String(format: "%.\(digits)f", x)
    }

    /// A rate as a percentage with one decimal: `4.2%`.
    public static func percent(_ x: Double?) -> String {
        guard let x else { return "—" }
        return String(format: "%.1f%%", x * 100)
    }

    /// A lift: `2.93×`, `∞`.
    public static func lift(_ x: Double?) -> String {
        guard let x else { return "—" }
        return x.isFinite ? String(format: "%.2f×", x) : "∞"
    }

    /// A p- or q-value: `0.0031`, `<0.0001`.
    public static func p(_ x: Double?) -> String {
        guard let x else { return "—" }
        return x < 0.0001 ? "<0.0001" : String(format: "%.4f", x)
    }

    /// The measured figures of a row in a sentence: "phi 0.084, lift 2.93× (95% CI 1.59–5.40), 501 sessions with it".
    static func measured(_ row: Analysis.LiftRow, noun: String) -> String {
        let interval = row.table.liftInterval.map { " (95% CI \(number($0.lowerBound))–\(number($0.upperBound)))" } ?? ""
        return "phi \(number(row.table.phi ?? 0, digits: 3)), lift \(lift(row.table.lift))\(interval), \(row.table.withMicro) \(noun) with it"
    }
}
