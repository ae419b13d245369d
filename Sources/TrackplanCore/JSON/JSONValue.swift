/// A JSON value with ordered object members, serialized deterministically.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order they are written.
    case object([JSONMember])

    /// Serializes with two-space indentation (or compactly), members in their given order,
    /// non-ASCII kept as is, `/` not escaped, and `<`, `>`, `&` escaped so the text is safe
    /// inside HTML.
    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value's text to `out`; `indent` is the nesting level (pretty) or nil (compact).
    public func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .double(let d):
            if d.isNaN || d.isInfinite {
                out += "null".utf8
            } else if d == d.rounded(), abs(d) < 1e15 {
                out += String(Int(d)).utf8
            } else {
                out += "\(d)".utf8
            }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.writeString(member.key, to: &out)
                out += (indent == nil ? ":" : ": ").utf8
                member.value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out += repeatElement(UInt8(ascii: " "), count: indent * 2)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether `byte` needs an escape, or starts one (0xE2 may begin U+2028 or U+2029).
    @inline(__always)
    static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0x7F || byte == 0xE2
    }

    /// ``mayNeedEscape(_:)`` for every byte, looked up instead of compared (strings of a
    /// container are tens of megabytes).
    static let escapeTable: [Bool] = (0...255).map { mayNeedEscape(UInt8($0)) }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        // Most strings need no escape: copy them whole.
        var copied = s
        let plain = copied.withUTF8 { bytes -> Bool in
            let plain = escapeTable.withUnsafeBufferPointer { table in !bytes.contains { table[Int($0)] } }
            guard plain else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if plain { return }
        out.append(UInt8(ascii: "\""))
        var utf8 = s.utf8.makeIterator()
        // U+2028 and U+2029 (E2 80 A8/A9) are escaped: they end lines in JavaScript.
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 3 {
                    if pending == [0xE2, 0x80, 0xA8] { out += "\\u2028".utf8 } else if pending == [0xE2, 0x80, 0xA9] { out += "\\u2029".utf8 } else { out += pending }
                    pending = []
                } else if pending.count == 2, pending[1] != 0x80 {
                    out += pending
                    pending = []
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case UInt8(ascii: "<"): out += "\\u003c".utf8
            case UInt8(ascii: ">"): out += "\\u003e".utf8
            case UInt8(ascii: "&"): out += "\\u0026".utf8
            case 0xE2: pending = [byte]
            case 0..<0x20, 0x7F:
                out += "\\u00".utf8
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out += pending
        out.append(UInt8(ascii: "\""))
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's name.
    public var key: String
    /// Its value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// Converts a YAML node to JSON by the core schema (see ``YAMLValue``); mapping keys become
    /// their scalar text.
    public init(_ node: YAMLNode) {
        switch node.content {
        case .scalar:
            switch node.value ?? .null {
            case .null: self = .null
            case .bool(let b): self = .bool(b)
            case .int(let i): self = .int(i)
            case .float(let d): self = .double(d)
            case .string(let s): self = .string(s)
            }
        case .sequence(let items):
            self = .array(items.map(JSONValue.init))
        case .mapping(let pairs):
            self = .object(pairs.map { pair in
                let key: String
                if let scalar = pair.key.scalar {
                    key = scalar.text
                } else {
                    key = JSONValue(pair.key).serialized(pretty: false)
                }
                return JSONMember(key, JSONValue(pair.value))
            })
        }
    }
}
