import Foundation

/// Charts of an analysis as SVG that GitHub renders beside the Markdown: the lift of each micro
/// with its 95% confidence interval (log scale, a line at 1 = no difference), and the funnel.
public enum AnalysisCharts {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// The lift chart: one row per micro with enough data to draw (a finite lift and interval).
    public static func liftSVG(_ a: Analysis) -> String {
        let rows = a.lift.filter { $0.table.liftInterval != nil }
        let labelWidth = 180.0, plotWidth = 420.0, rowHeight = 26.0, top = 40.0
        let height = top + Double(max(rows.count, 1)) * rowHeight + 40
        let values = rows.flatMap { row -> [Double] in
            guard let ci = row.table.liftInterval else { return [] }
            return [ci.lowerBound, ci.upperBound] + (row.table.lift.map { $0.isFinite ? [$0] : [] } ?? [])
        }.filter { $0 > 0 && $0.isFinite }
        let low = min(values.min() ?? 0.5, 0.5), high = max(values.max() ?? 2, 2)
        let (l0, l1) = (log10(low), log10(high))
        func x(_ v: Double) -> Double { labelWidth + (log10(min(max(v, low), high)) - l0) / (l1 - l0) * plotWidth }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(labelWidth + plotWidth + 40))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <title>Lift of each micro-conversion on its macro, with 95% confidence intervals (log scale)</title>
        <text x="10" y="20" font-weight="bold">Lift on conversion, 95% CI (log scale; 1 = no difference)</text>
        <line x1="\(f(x(1)))" y1="\(f(top - 8))" x2="\(f(x(1)))" y2="\(f(height - 30))" stroke="#888" stroke-dasharray="4 3"/>

        """
        for tick in [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000] where tick >= low && tick <= high {
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" fill=\"#555\">\(tick < 1 ? String(tick) : String(Int(tick)))</text>\n"
        }
        for (k, row) in rows.enumerated() {
            guard let ci = row.table.liftInterval else { continue }
            let y = top + Double(k) * rowHeight + rowHeight / 2
            let color = row.insufficient ? "#aaa" : ci.lowerBound > 1 ? "#1a7f37" : ci.upperBound < 1 ? "#cf222e" : "#6e7781"
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(row.micro))</text>\n"
            svg += "<line x1=\"\(f(x(ci.lowerBound)))\" y1=\"\(f(y))\" x2=\"\(f(x(ci.upperBound)))\" y2=\"\(f(y))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            if let lift = row.table.lift, lift.isFinite, lift > 0 {
                svg += "<circle cx=\"\(f(x(lift)))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(color)\"><title>\(escape(row.micro)): \(AnalysisFormat.lift(lift)) (\(AnalysisFormat.number(ci.lowerBound))–\(AnalysisFormat.number(ci.upperBound)))</title></circle>\n"
            } else {
                svg += "<text x=\"\(f(x(ci.upperBound) + 6))\" y=\"\(f(y + 4))\" fill=\"\(color)\">∞</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// The funnel chart: a bar per step, units reached in order, with the step conversion.
    public static func funnelSVG(_ a: Analysis) -> String {
        let labelWidth = 160.0, plotWidth = 420.0, rowHeight = 30.0, top = 40.0
        let height = top + Double(max(a.funnel.count, 1)) * rowHeight + 20
        let most = Double(max(a.units, 1))
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(labelWidth + plotWidth + 160))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <title>Funnel\(a.funnelMacro.map { " to " + escape($0) } ?? ""): units reaching each step in order</title>
        <text x="10" y="20" font-weight="bold">Funnel\(a.funnelMacro.map { " to " + escape($0) } ?? "") (\(a.units) \(a.unit == .session ? "sessions" : "users"), in order)</text>

        """
        var previous: Int?
        for (k, step) in a.funnel.enumerated() {
            let y = top + Double(k) * rowHeight
            let width = max(1, Double(step.closed) / most * plotWidth)
            let rate = previous.map { $0 > 0 ? " (\(AnalysisFormat.percent(Double(step.closed) / Double($0))) of the step before)" : "" } ?? ""
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 18))\" text-anchor=\"end\">\(escape(step.name))</text>\n"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"\(f(rowHeight - 8))\" fill=\"#0969da\"/>\n"
            svg += "<text x=\"\(f(labelWidth + width + 6))\" y=\"\(f(y + 18))\">\(step.closed)\(escape(rate))</text>\n"
            previous = step.closed
        }
        return svg + "</svg>\n"
    }
}
