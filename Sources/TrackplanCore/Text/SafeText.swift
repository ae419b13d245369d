/// Text from a plan made safe to print: no control character reaches a terminal, a CI log or a
/// document raw, and a huge value cannot blow up the output.
///
/// A line break inside a message would let a plan start a new log line, such as a GitHub Actions
/// workflow command (`::error file=…`); ESC, BEL and NUL would drive the terminal. Every
/// diagnostic is passed through ``message(_:)`` when it is made, so every reporter is covered.
public enum SafeText {
    /// The longest backtick-quoted value kept whole in a message; longer ones are cut with `…`.
    public static let maxQuotedLength = 100
    /// The same for hints, which quote code trackplan writes (SQL, YAML) as well as plan values.
    public static let maxQuotedHintLength = 300
    /// The longest message kept whole.
    public static let maxMessageLength = 2_000

    /// Whether `scalar` must not be printed raw: C0 and C1 controls, DEL, and the Unicode line
    /// and paragraph separators.
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// `text` with every control character written as a visible escape (`\n`, `\r`, `\t`,
    /// `\u{1B}`); the text itself when it has none.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// A diagnostic's text as it is kept: control characters escaped, backtick-quoted values
    /// longer than ``maxQuotedLength`` cut, and the whole at most ``maxMessageLength``.
    public static func message(_ text: String, maxQuoted: Int = maxQuotedLength) -> String {
        var text = escapingControls(text)
        if text.utf8.count > maxQuoted + 2, text.contains("`") { text = shortenQuotes(text, limit: maxQuoted) }
        if text.unicodeScalars.count > maxMessageLength {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxMessageLength - 1))) + "…"
        }
        return text
    }

    /// Cuts every backtick-quoted segment longer than `limit` scalars.
    static func shortenQuotes(_ text: String, limit: Int) -> String {
        var out = String.UnicodeScalarView()
        var segment = String.UnicodeScalarView()
        var inQuote = false
        for scalar in text.unicodeScalars {
            if scalar == "`" {
                if inQuote {
                    if segment.count > limit {
                        out.append(contentsOf: segment.prefix(limit - 1))
                        out.append("…")
                    } else {
                        out.append(contentsOf: segment)
                    }
                    segment.removeAll()
                }
                inQuote.toggle()
                out.append(scalar)
            } else if inQuote {
                segment.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        out.append(contentsOf: segment)
        return String(out)
    }

    /// A source line for an excerpt: control characters other than tab shown as one visible
    /// character each (so a marker under the line still lines up): C0 as Unicode control
    /// pictures (`␛`, `␀`), the others as `�`.
    public static func excerpt<S: StringProtocol>(_ line: S) -> String {
        guard line.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) else { return String(line) }
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar == "\t" || !isControl(scalar) {
                out.append(scalar)
            } else if scalar.value < 0x20, let picture = Unicode.Scalar(0x2400 + scalar.value) {
                out.append(picture)
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }
}
