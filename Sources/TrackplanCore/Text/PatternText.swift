import Foundation

/// Text helpers shared by the GTM compiler and the GTM importer, so that what one writes the
/// other reads back exactly.
public enum PatternText {
    /// RE2 metacharacters escaped by ``escapeRegex(_:)``.
    static let regexMetacharacters = Set("\\^$.|?*+()[]{}".unicodeScalars)

    /// Escapes RE2 metacharacters so `text` matches literally.
    public static func escapeRegex(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if regexMetacharacters.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// The literal text a regex written by ``escapeRegex(_:)`` matches, or nil when `regex`
    /// uses a metacharacter unescaped (it is a real pattern).
    public static func unescapeRegex(_ regex: String) -> String? {
        var out = ""
        var escaped = false
        for c in regex.unicodeScalars {
            if escaped {
                guard regexMetacharacters.contains(c) else { return nil }
                out.unicodeScalars.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if regexMetacharacters.contains(c) {
                return nil
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return escaped ? nil : out
    }

    /// The alternatives of a regex of the form `(?:A)|(?:B)|…`, or nil when it is not one.
    public static func groupedAlternatives(_ regex: String) -> [String]? {
        guard regex.hasPrefix("(?:") else { return nil }
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        var inClass = false
        var atTopLevelAfterGroup = false
        for c in regex {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if inClass { current.append(c); if c == "]" { inClass = false }; continue }
            if depth == 0 {
                if c == "|", atTopLevelAfterGroup { parts.append(current); current = ""; atTopLevelAfterGroup = false; continue }
                // Only `(` may open an alternative, and only one group per alternative.
                if c != "(" || atTopLevelAfterGroup { return nil }
            }
            switch c {
            case "[": inClass = true
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { atTopLevelAfterGroup = true }
            default: break
            }
            current.append(c)
        }
        guard depth == 0, !escaped, atTopLevelAfterGroup else { return nil }
        parts.append(current)
        var inner: [String] = []
        for part in parts {
            guard part.hasPrefix("(?:"), part.hasSuffix(")") else { return nil }
            inner.append(String(part.dropFirst(3).dropLast()))
        }
        return inner.count > 1 ? inner : nil
    }

    /// The selectors of a comma-separated CSS selector list, split at commas outside brackets,
    /// parentheses and quotes, trimmed.
    public static func splitSelectorList(_ list: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for c in list {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if let q = quote { if c == q { quote = nil }; current.append(c); continue }
            switch c {
            case "\"", "'": quote = c
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                parts.append(trimmed(current)); current = ""; continue
            default: break
            }
            current.append(c)
        }
        parts.append(trimmed(current))
        return parts.filter { !$0.isEmpty }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
