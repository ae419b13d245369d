/// A strict JSON parser (RFC 8259) into ``JSONValue``, for baseline files and tests.
/// Malformed input throws ``JSONParser/Error``; nesting is bounded.
public struct JSONParser {
    /// Why a text is not JSON.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        /// What is wrong and where (a 0-based scalar offset).
        public var description: String
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var depth = 0

    private init(_ text: String) { s = Array(text.unicodeScalars) }

    /// Parses exactly one JSON value.
    public static func parse(_ text: String) throws -> JSONValue {
        let values = try parseStream(text)
        guard values.count == 1 else { throw Error(description: "expected one JSON value, found \(values.count)") }
        return values[0]
    }

    /// Parses a sequence of JSON values separated by whitespace.
    public static func parseStream(_ text: String) throws -> [JSONValue] {
        var parser = JSONParser(text)
        var values: [JSONValue] = []
        parser.skipSpace()
        while parser.i < parser.s.count {
            values.append(try parser.value())
            parser.skipSpace()
        }
        return values
    }

    private func fail(_ message: String) -> Error { Error(description: "\(message) at offset \(i)") }

    private mutating func skipSpace() {
        while i < s.count, s[i] == " " || s[i] == "\n" || s[i] == "\r" || s[i] == "\t" { i += 1 }
    }

    private func peek() -> Unicode.Scalar? { i < s.count ? s[i] : nil }

    private mutating func expect(_ c: Unicode.Scalar) throws {
        guard peek() == c else { throw fail("expected `\(c)`") }
        i += 1
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        for c in word.unicodeScalars { try expect(c) }
        return value
    }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard let c = peek() else { throw fail("unexpected end of input") }
        switch c {
        case "{":
            depth += 1
            defer { depth -= 1 }
            guard depth <= 256 else { throw fail("nesting too deep") }
            i += 1
            var members: [JSONMember] = []
            skipSpace()
            if peek() == "}" { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard peek() == "\"" else { throw fail("expected a member name") }
                let key = try string()
                skipSpace()
                try expect(":")
                members.append(JSONMember(key, try value()))
                skipSpace()
                if peek() == "," { i += 1; continue }
                try expect("}")
                return .object(members)
            }
        case "[":
            depth += 1
            defer { depth -= 1 }
            guard depth <= 256 else { throw fail("nesting too deep") }
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if peek() == "]" { i += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                if peek() == "," { i += 1; continue }
                try expect("]")
                return .array(items)
            }
        case "\"": return .string(try string())
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "n": return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        while let c = peek(), "+-0123456789.eE".unicodeScalars.contains(c) { i += 1 }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        if let int = Int(text) { return .int(int) }
        guard !text.isEmpty, let d = Double(text) else { throw fail("invalid value") }
        return .double(d)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 < s.count + 1, i + 4 <= s.count else { throw fail("truncated \\u escape") }
        let text = String(String.UnicodeScalarView(s[i..<(i + 4)]))
        guard let v = UInt32(text, radix: 16) else { throw fail("invalid \\u escape") }
        i += 4
        return v
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw fail("unterminated string") }
            i += 1
            if c == "\"" { return String(out) }
            guard c == "\\" else { out.append(c); continue }
            guard let e = peek() else { throw fail("unterminated escape") }
            i += 1
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "u":
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), peek() == "\\", i + 1 < s.count, s[i + 1] == "u" {
                    i += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                }
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: throw fail("invalid escape `\\\(e)`")
            }
        }
    }
}
