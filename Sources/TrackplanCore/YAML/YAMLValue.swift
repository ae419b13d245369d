/// A scalar typed by the YAML 1.2 core schema.
///
/// Plain scalars are typed by their text (`null`, `~` and empty are null; `true`/`false` in three
/// casings are booleans; decimal, `0o` octal and `0x` hex integers; floats, `.inf`, `.nan`);
/// quoted and block scalars are strings. An explicit standard tag (`!!str`, `!!int`, …) wins.
public enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    /// Types `scalar` under the core schema, honouring an explicit tag.
    public static func resolve(_ scalar: YAMLScalar, tag: String?) -> YAMLValue {
        let text = scalar.text
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool":
                if let b = bool(text) { return .bool(b) }
                return .string(text)
            case "tag:yaml.org,2002:int":
                if let i = int(text) { return .int(i) }
                return .string(text)
            case "tag:yaml.org,2002:float":
                if let f = float(text) { return .float(f) }
                if let i = int(text) { return .float(Double(i)) }
                return .string(text)
            default:
                if scalar.style != .plain { return .string(text) }
            }
        }
        guard scalar.style == .plain else { return .string(text) }
        // Fast path: most plain scalars start with a letter that no typed value starts with.
        if let first = text.utf8.first, !Self.typedStart[Int(first)] { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let b = bool(text) { return .bool(b) }
        // Past null and the booleans, a typed value starts with a digit, a sign or a point:
        // `name`, `type`, `trigger`, `from` (keys all over a plan) need no number parsing.
        if let first = text.utf8.first, first >= UInt8(ascii: "A") { return .string(text) }
        if let i = int(text) { return .int(i) }
        if let f = float(text) { return .float(f) }
        return .string(text)
    }

    /// Whether a plain, untagged scalar with this text is a string under the core schema,
    /// decided cheaply; false also when it cannot tell without ``resolve(_:tag:)``.
    static func plainTextIsString(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { plainTextIsString($0) }
    }

    /// ``plainTextIsString(_:)`` on a text's UTF-8 bytes (the reader asks it of key bytes).
    static func plainTextIsString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if !typedStart[Int(first)] { return true }
        // A letter (n, t, f and their capitals) starts a string unless the text is a null or a boolean.
        guard first >= UInt8(ascii: "A"), first != UInt8(ascii: "~") else { return false }
        // The nulls and booleans that start with a letter: 4 or 5 bytes long.
        guard bytes.count == 4 || bytes.count == 5 else { return true }
        for word in Self.letterWords where word.count == bytes.count && word.elementsEqual(bytes) { return false }
        return true
    }

    private static let letterWords: [[UInt8]] = ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].map { Array($0.utf8) }

    /// Bytes that may start a null, boolean, integer or float.
    static let typedStart: [Bool] = (0..<256).map { byte in
        Array("0123456789+-.~nNtTfF".utf8).contains(UInt8(byte))
    }

    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    private static func int(_ text: String) -> Int? {
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    private static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        default: break
        }
        if text == ".nan" || text == ".NaN" || text == ".NAN" { return .nan }
        // [0-9]* ( \. [0-9]* )? ( [eE] [-+]? [0-9]+ )?  with at least one digit in the mantissa
        var i = body.startIndex
        var mantissaDigits = 0
        while i < body.endIndex, body[i].isASCII, body[i].isNumber { i = body.index(after: i); mantissaDigits += 1 }
        if i < body.endIndex, body[i] == "." {
            i = body.index(after: i)
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { i = body.index(after: i); mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < body.endIndex, body[i] == "e" || body[i] == "E" {
            i = body.index(after: i)
            if i < body.endIndex, body[i] == "+" || body[i] == "-" { i = body.index(after: i) }
            var exponentDigits = 0
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { i = body.index(after: i); exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard i == body.endIndex else { return nil }
        guard let value = Double(String(body)) else { return nil }
        return sign * value
    }
}
