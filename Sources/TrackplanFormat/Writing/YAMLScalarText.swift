import TrackplanCore

/// YAML scalars written as a person writes them: plain when a reader gets the same string back,
/// single-quoted when it would not, double-quoted with escapes when the text holds line breaks,
/// tabs or control characters.
public enum YAMLScalarText {
    /// `text` as a YAML string; `inFlow` for values inside `{…}` or `[…]`, where `,[]{}` end a
    /// plain scalar.
    public static func string(_ text: String, inFlow: Bool = false) -> String {
        if needsDoubleQuotes(text) { return doubleQuoted(text) }
        if canBePlain(text, inFlow: inFlow) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A value a parameter may take: numbers and booleans plain, strings as ``string(_:inFlow:)``.
    public static func value(_ value: ParamValue, inFlow: Bool = false) -> String {
        switch value {
        case .string(let s): string(s, inFlow: inFlow)
        case .integer(let i): String(i)
        // `2.0`, not `2`: a whole number written without a point reads back as an integer.
        case .number(let d): d.isNaN ? ".nan" : d.isInfinite ? (d > 0 ? ".inf" : "-.inf") : String(d)
        case .boolean(let b): b ? "true" : "false"
        case .null: "null"
        }
    }

    /// A number bound (`min`, `max`) as the plan writes it: `0`, `2.5`.
    public static func number(_ d: Double) -> String {
        ParamValue.numberText(d)
    }

    /// Words YAML 1.1 readers (some editors, older tools) take for booleans or null.
    private static let yaml11Words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    static func canBePlain(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-x`, `?x` and `:x` are plain in YAML, but people read them as indicators: quote.
            return false
        }
        if text.contains(": ") || text.contains(" #") || last == ":" { return false }
        if inFlow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if yaml11Words.contains(text.lowercased()) { return false }
        if case .string(let back) = YAMLValue.resolve(YAMLScalar(text), tag: nil), back == text { return true }
        return false
    }

    static func needsDoubleQuotes(_ text: String) -> Bool {
        text.unicodeScalars.contains { c in
            c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) || c.value == 0xFEFF
                || c.value == 0x2028 || c.value == 0x2029
        }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) {
                    out += "\\x" + hex(c.value, width: 2)
                } else if c.value == 0xFEFF || c.value == 0x2028 || c.value == 0x2029 {
                    out += "\\u" + hex(c.value, width: 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `text` folded into lines of at most `width` characters for a `>-` block scalar, or nil
    /// when folding would change it (double spaces, line breaks, leading or trailing spaces).
    public static func folded(_ text: String, width: Int) -> [String]? {
        guard text.count > width, !needsDoubleQuotes(text), !text.contains("  "),
              !text.hasPrefix(" "), !text.hasSuffix(" ") else { return nil }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty { line = String(word); continue }
            if line.count + 1 + word.count > width { lines.append(line); line = String(word) } else { line += " " + word }
        }
        lines.append(line)
        return lines.count > 1 ? lines : nil
    }
}
