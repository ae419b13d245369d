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
        // Bytes that can start a control: C0 and DEL themselves, 0xC2 (C1 controls), 0xE2 (the
        // separators); text with none of them is returned without decoding scalars.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
              text.unicodeScalars.contains(where: isControl) else { return text }
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
        if text.utf8.count > maxQuoted + 2, hasQuote(in: text, longerThan: maxQuoted) { text = shortenQuotes(text, limit: maxQuoted) }
        // A text of at most that many bytes has at most that many scalars: only count when longer.
        if text.utf8.count > maxMessageLength, text.unicodeScalars.count > maxMessageLength {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxMessageLength - 1))) + "…"
        }
        return text
    }

    /// Whether a backtick-quoted segment of `text` (or its unclosed tail) is longer than `limit`
    /// scalars: one pass over the bytes, so the common message (short quotes) is not rebuilt.
    static func hasQuote(in text: String, longerThan limit: Int) -> Bool {
        var inQuote = false
        var length = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "`") {
                inQuote.toggle()
                length = 0
            } else if inQuote, byte & 0xC0 != 0x80 {
                length += 1
                if length > limit { return true }
            }
        }
        return false
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
