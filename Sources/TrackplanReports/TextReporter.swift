import TrackplanCore

/// Formats diagnostics the way compilers do:
///
/// ```text
/// shop.yaml:12:5: error: unknown key `stgae` in event `add_to_cart`; did you mean `stage`? [plan-schema]
///    12 |     stgae: decision
///       |     ^~~~~
///       = help: rename it to `stage`
/// ```
///
/// then a summary line. Colour (ANSI) only when asked for.
public struct TextReporter: Reporter {
    /// Whether to use ANSI colours.
    public var color: Bool

    /// Creates a reporter.
    public init(color: Bool = false) {
        self.color = color
    }

    /// The whole report: every diagnostic, then the summary line.
    public func format(_ report: FindingReport) -> String {
        var out = ""
        for error in report.unreadable {
            out += paint("error", .red) + ": " + SafeText.escapingControls(error.description) + "\n"
        }
        for plan in report.subjects {
            for diagnostic in plan.diagnostics {
                out += format(diagnostic)
            }
        }
        for entry in report.staleBaselineEntries {
            out += paint("baseline", .cyan) + ": `\(entry.rule)` on `\(entry.path)` in \(entry.plan) no longer occurs"
                + (entry.count > 1 ? " (\(entry.count) times)" : "") + "; run with --write-baseline to shrink the file\n"
        }
        for note in report.notes {
            out += paint("note", .cyan) + ": " + SafeText.escapingControls(note) + "\n"
        }
        out += paint(report.summary, .bold) + "\n"
        return out
    }

    /// One diagnostic with its source line, marker, hint and notes.
    public func format(_ diagnostic: Diagnostic) -> String {
        let label: String
        switch diagnostic.severity {
        case .error: label = paint("error", .red)
        case .warning: label = paint("warning", .yellow)
        case .info: label = paint("info", .cyan)
        }
        var out = ""
        let location = diagnostic.span.map { "\($0): " } ?? "trackplan: "
        out += paint(location, .bold) + label + ": " + paint(diagnostic.message, .bold) + " [\(diagnostic.ruleID)]\n"
        var gutter = "    "
        if let span = diagnostic.span, !span.file.text.isEmpty, let line = span.file.line(span.start.line) {
            let number = String(span.start.line)
            gutter = String(repeating: " ", count: number.count + 2)
            let excerpt = Self.excerpt(line, span: span)
            out += " \(number) | \(excerpt.text)\n"
            out += gutter + "| " + paint(marker(line: Substring(excerpt.text), span: excerpt.span), .green) + "\n"
        }
        if let hint = diagnostic.hint {
            out += gutter + "= " + paint("help", .bold) + ": \(hint)\n"
        }
        for related in diagnostic.related where !diagnostic.message.contains(related.span.description) {
            out += gutter + "= note: \(related.message) at \(related.span)\n"
        }
        return out
    }

    /// The longest source line shown whole; longer lines are shown as a window around the start
    /// of the range, with `…` where they are cut.
    public static let maxExcerptLength = 200

    /// The line as shown (control characters made visible, long lines cut to a window) and the
    /// span moved to match it.
    static func excerpt(_ line: Substring, span: SourceSpan) -> (text: String, span: SourceSpan) {
        let safe = SafeText.excerpt(line)
        let scalars = Array(safe.unicodeScalars)
        guard scalars.count > maxExcerptLength else { return (safe, span) }
        let startColumn = max(span.start.column, 1)
        let first = max(0, min(startColumn - 1 - 60, scalars.count - (maxExcerptLength - 2)))
        let last = min(scalars.count, first + maxExcerptLength - 2)
        var view = String.UnicodeScalarView()
        if first > 0 { view.append("…") }
        view.append(contentsOf: scalars[first..<last])
        if last < scalars.count { view.append("…") }
        let shift = first - (first > 0 ? 1 : 0)
        let endColumn = span.end.line == span.start.line ? min(span.end.column, last + 1) : last + 1
        let moved = SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: startColumn - shift),
                               end: SourcePosition(line: span.start.line, column: max(endColumn - shift, startColumn - shift + 1)))
        return (String(view), moved)
    }

    /// Spaces (tabs where the line has tabs) up to the start column, then `^~~~` to the end of
    /// the range or of the line.
    func marker(line: Substring, span: SourceSpan) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(span.start.column - 1, 0), scalars.count)
        var end = span.end.line == span.start.line ? span.end.column - 1 : scalars.count
        end = min(max(end, start + 1), max(scalars.count, start + 1))
        var out = ""
        for i in 0..<start { out += scalars[i] == "\t" ? "\t" : " " }
        out += "^" + String(repeating: "~", count: end - start - 1)
        return out
    }

    enum Style: String {
        case red = "\u{1B}[1;31m"
        case yellow = "\u{1B}[1;33m"
        case cyan = "\u{1B}[1;36m"
        case green = "\u{1B}[32m"
        case bold = "\u{1B}[1m"
    }

    func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }
}

extension TextReporter {
    public static let id = "text"
    public static let summary = "Compiler-style diagnostics with the source line, a marker and help, then a summary."

    /// Creates the reporter from the shared options.
    public init(options: ReporterOptions) {
        self.init(color: options.color)
    }
}
