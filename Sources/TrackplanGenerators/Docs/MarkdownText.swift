import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Escaping user text for GitHub-flavoured Markdown, and GitHub's heading anchors.
public enum MarkdownText {
    /// `text` as inline Markdown that renders literally: markup characters are backslash-escaped,
    /// `<` and `&` become entities (so HTML shows as text), and line breaks become spaces (so a
    /// table cell stays on its row).
    public static func escape(_ text: String) -> String {
        if isPlainInline(text) { return text }
        return text.utf8.allSatisfy { $0 < 0x80 } ? escapeASCII(text) : escapeScalars(text)
    }

    /// ``escape(_:)`` on the bytes of ASCII text.
    static func escapeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var atStart = true
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 0x7F:
                if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
                continue
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "!"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="):
                if atStart { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            default:
                out.append(byte)
            }
            atStart = false
        }
        // A leading "1." would start an ordered list.
        if let dot = out.firstIndex(of: UInt8(ascii: ".")), dot > 0,
           out[..<dot].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            out.insert(UInt8(ascii: "\\"), at: dot)
        }
        var start = 0, end = out.count
        while start < end, out[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, out[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }

    /// ``escape(_:)`` scalar by scalar, for text that may need it.
    static func escapeScalars(_ text: String) -> String {
        var out = ""
        var atStart = true
        for scalar in text.unicodeScalars {
            switch scalar {
            case _ where SafeText.isControl(scalar):
                // Line breaks would leave a table row or start new Markdown; ESC and friends
                // would reach the terminal of whoever prints the file.
                if !out.hasSuffix(" ") { out += " " }
                continue
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "#", "+", "-", "=":
                if atStart { out += "\\" }
                out.unicodeScalars.append(scalar)
            case "!":
                out += "\\!"
            default:
                out.unicodeScalars.append(scalar)
            }
            atStart = false
        }
        // A leading "1." would start an ordered list.
        if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy(\.isNumber), dot != out.startIndex {
            out.insert("\\", at: dot)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// `text` as a code span that survives tables: backticks fenced with a longer run, pipes
    /// escaped (GFM removes the backslash inside tables), line breaks as spaces.
    public static func code(_ text: String) -> String {
        isPlainCode(text) ? "`" + text + "`" : codeScalars(text)
    }

    /// ``code(_:)`` scalar by scalar, for text that may need it.
    static func codeScalars(_ text: String) -> String {
        var body = ""
        var longest = 0, run = 0
        var previousCR = false
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
            switch scalar {
            case "\r": body += " "
            case "\n": if !previousCR { body += " " }
            case "|": body += "\\|"
            default:
                if SafeText.isControl(scalar) { body += " " } else { body.unicodeScalars.append(scalar) }
            }
            previousCR = scalar == "\r"
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = body.hasPrefix("`") || body.hasSuffix("`") || body.isEmpty ? " " : ""
        return fence + pad + body + pad + fence
    }
}

extension MarkdownText {
    /// Bytes that may start something ``escape(_:)`` or ``code(_:)`` changes: C0 controls, DEL,
    /// 0xC2 (C1 controls, no-break space) and 0xE2 (line separators, Unicode spaces).
    @inline(__always)
    static func mayStartControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// ASCII markup ``escape(_:)`` backslash-escapes or replaces anywhere in the text.
    static let markup: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "<>&\\`*_[]|~$!".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Whether ``escape(_:)`` returns `text` unchanged, decided on its bytes: no markup, no
    /// control, no character that is special at the start (`#`, `+`, `-`, `=`, a digit that may
    /// begin `1.`), and nothing to trim (space, tab or non-ASCII at either end).
    static func isPlainInline(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first >= 0x80 || last >= 0x80 || first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 { return false }
        if "#+-=".utf8.contains(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return false }
        let table = markup
        return !utf8.contains { table[Int($0)] || mayStartControl($0) }
    }

    /// Whether ``code(_:)`` is `text` between single backticks: not empty, no backtick, no pipe,
    /// no control.
    static func isPlainCode(_ text: String) -> Bool {
        !text.isEmpty && !text.utf8.contains { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "|") || mayStartControl($0) }
    }
}

/// GitHub's heading anchors (github-slugger): lower case, punctuation removed, spaces to
/// hyphens, and `-1`, `-2`… for repeats.
public struct Slugger {
    private var seen: [String: Int] = [:]

    /// A slugger with no headings seen.
    public init() {}

    /// The anchor of the next heading whose rendered text is `text`.
    public mutating func slug(_ text: String) -> String {
        let base = text.utf8.allSatisfy { $0 < 0x80 } ? Self.baseASCII(text) : Self.baseScalars(text)
        var slug = base
        if let count = seen[base] {
            var n = count
            repeat {
                n += 1
                slug = "\(base)-\(n)"
            } while seen[slug] != nil
            seen[base] = n
        } else {
            seen[base] = 0
        }
        if slug != base { seen[slug] = 0 }
        return slug
    }

    /// The anchor text before numbering, for ASCII text: lower case, spaces to hyphens, letters,
    /// digits, `-` and `_` kept.
    static func baseASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The anchor text before numbering, scalar by scalar (github-slugger's rules).
    static func baseScalars(_ text: String) -> String {
        var base = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                base += "-"
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                base.unicodeScalars.append(scalar)
            }
        }
        return base
    }
}
