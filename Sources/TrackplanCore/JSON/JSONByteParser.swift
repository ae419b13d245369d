/// A JSON parser over UTF-8 bytes, for captures and exports that can be large: it reports where
/// a problem is as a byte offset, rejects text that is not UTF-8, and can hand over the elements
/// of one array as they are parsed instead of keeping them (a HAR's `log.entries`, a data layer
/// dump's pushes), so memory stays bounded by one element.
///
/// Lenient where real exports are not JSON: `NaN`, `Infinity` and `-Infinity` (BigQuery writes
/// them) are read as doubles.
public struct JSONByteParser {
    /// Why the bytes are not JSON, and where.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The 0-based byte offset of the problem.
        public var offset: Int
        /// What is wrong.
        public var message: String

        public var description: String { "\(message) at byte \(offset)" }
    }

    /// Which array's elements are streamed rather than kept.
    public enum Stream: Sendable {
        /// None: the whole value is built.
        case none
        /// The elements of the top-level array.
        case topLevelArray
        /// The elements of an array that is the value of an object member with this key, at any
        /// depth (the array itself is returned empty).
        case memberArray(String)
    }

    /// The deepest nesting accepted.
    public static let maxDepth = 256

    /// What to do with strings that are not UTF-8.
    public enum InvalidUTF8: Sendable {
        /// Fail at the first invalid byte.
        case reject
        /// Replace invalid sequences with U+FFFD and go on; ``Repairs`` says where.
        case repair
    }

    /// Strings repaired while parsing with ``InvalidUTF8/repair``.
    public struct Repairs: Sendable {
        /// How many strings held bytes that are not UTF-8.
        public var count = 0
        /// The byte offset of the first invalid byte met.
        public var firstOffset: Int?

        /// None yet.
        public init() {}
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private let stream: Stream
    private let onElement: ((JSONValue, Int) throws -> Void)?
    private let invalidUTF8: InvalidUTF8
    private var repairs = Repairs()
    /// When set, the members of the top-level object with other keys are skipped (checked for
    /// well-formedness, but not built).
    private var topLevelKeys: Set<String>?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, stream: Stream, onElement: ((JSONValue, Int) throws -> Void)?,
                 invalidUTF8: InvalidUTF8 = .reject) {
        self.bytes = bytes
        self.stream = stream
        self.onElement = onElement
        self.invalidUTF8 = invalidUTF8
    }

    /// Parses exactly one JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONByteParser(bytes, stream: .none, onElement: nil)
        return try parser.document()
    }

    /// Parses one JSON value, building only the members of the top-level object whose keys are
    /// in `keys`: the others are skipped, which is much faster for wide rows of which a few
    /// fields are read. Malformed text is still reported wherever it is.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, keeping keys: Set<String>) throws -> JSONValue {
        var parser = JSONByteParser(bytes, stream: .none, onElement: nil)
        parser.topLevelKeys = keys
        return try parser.document()
    }

    /// Parses exactly one JSON value from `bytes`.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { try parse($0) }
    }

    /// Parses one JSON value, handing each element of the `stream` array to `onElement` with
    /// the byte offset where it starts, in order. Elements handed over before a failure stay
    /// handed over: a truncated file yields what it holds before the cut.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, stream: Stream,
                             onElement: (JSONValue, Int) throws -> Void) throws -> JSONValue {
        var repairs = Repairs()
        return try parse(bytes, stream: stream, invalidUTF8: .reject, repairs: &repairs, onElement: onElement)
    }

    /// ``parse(_:stream:onElement:)``, repairing text that is not UTF-8 when asked; `repairs`
    /// says what was repaired, also when the parse fails later.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, stream: Stream, invalidUTF8: InvalidUTF8, repairs: inout Repairs,
                             onElement: (JSONValue, Int) throws -> Void) throws -> JSONValue {
        try withoutActuallyEscaping(onElement) { onElement in
            var parser = JSONByteParser(bytes, stream: stream, onElement: onElement, invalidUTF8: invalidUTF8)
            defer { repairs = parser.repairs }
            return try parser.document()
        }
    }

    private mutating func document() throws -> JSONValue {
        skipSpace()
        let value: JSONValue
        if case .topLevelArray = stream, peek() == UInt8(ascii: "[") {
            value = try array(streamed: true)
        } else {
            value = try self.value()
        }
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    private func fail(_ message: String) -> Failure { Failure(offset: i, message: message) }

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ c: UInt8) throws {
        guard peek() == c else {
            throw fail(peek() == nil ? "the text ends early: expected `\(Character(Unicode.Scalar(c)))`"
                                     : "expected `\(Character(Unicode.Scalar(c)))`")
        }
        i += 1
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
        let start = i
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { i = bytes.count; throw Failure(offset: start, message: "the text ends early: expected `\(word)`") }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] {
            throw Failure(offset: start, message: "invalid value")
        }
        i += count
        return value
    }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard let c = peek() else { throw fail("the text ends early: expected a value") }
        switch c {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array(streamed: false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
        default: return try number()
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        i += 1
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [JSONMember] = []
        members.reserveCapacity(4)
        skipSpace()
        if peek() == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else {
                throw fail(peek() == nil ? "the text ends early: expected a member name" : "expected a member name in quotes")
            }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            if depth == 1, let keep = topLevelKeys, !keep.contains(key) {
                try skipValue()
            } else if case .memberArray(let streamed) = stream, streamed == key, peek() == UInt8(ascii: "[") {
                members.append(JSONMember(key, try array(streamed: true)))
            } else {
                members.append(JSONMember(key, try value()))
            }
            skipSpace()
            if peek() == UInt8(ascii: ",") { i += 1; continue }
            guard peek() == UInt8(ascii: "}") else {
                throw fail(peek() == nil ? "the text ends early: expected `,` or `}`" : "expected `,` or `}` after an object member")
            }
            i += 1
            return .object(members)
        }
    }

    private mutating func array(streamed: Bool) throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            let start = i
            let item = try value()
            if streamed, let onElement { try onElement(item, start) } else { items.append(item) }
            skipSpace()
            if peek() == UInt8(ascii: ",") { i += 1; continue }
            guard peek() == UInt8(ascii: "]") else {
                throw fail(peek() == nil ? "the text ends early: expected `,` or `]`" : "expected `,` or `]` after an array element")
            }
            i += 1
            return .array(items)
        }
    }

    /// Moves past one value without building it: strings are scanned for their end (escapes
    /// and control characters checked), containers for their matching bracket.
    private mutating func skipValue() throws {
        skipSpace()
        guard let c = peek() else { throw fail("the text ends early: expected a value") }
        switch c {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = i
            var stack: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"): stack.append(UInt8(ascii: "}"))
                case UInt8(ascii: "["): stack.append(UInt8(ascii: "]"))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard stack.last == b else { throw fail("expected `\(Character(Unicode.Scalar(stack.last ?? b)))`") }
                    stack.removeLast()
                    if stack.isEmpty { i += 1; return }
                default:
                    break
                }
                guard stack.count <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
                i += 1
            }
            throw Failure(offset: start, message: "the text ends inside a value that starts here")
        default:
            _ = try value()
        }
    }

    private mutating func skipString() throws {
        let open = i
        i += 1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c < 0x20 { throw fail("a control character inside a string (escape it)") }
            i += 1
        }
        throw Failure(offset: open, message: "the text ends inside a string that starts here")
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        if peek() == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "I") {
            i += 1
            _ = try literal("Infinity", .null)
            return .double(-.infinity)
        }
        var isInteger = true
        while i < bytes.count {
            let c = bytes[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") || c == UInt8(ascii: "-") {
                i += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") {
                isInteger = false
                i += 1
            } else {
                break
            }
        }
        guard i > start else { throw fail("invalid value") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let d = Double(text) else { throw Failure(offset: start, message: "invalid number `\(text)`") }
        return .double(d)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("the text ends early inside a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | UInt32(digit)
            i += 1
        }
        return v
    }

    private mutating func string() throws -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                return try decode(slice, at: start)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("a control character inside a string (escape it)") }
            i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]))
        while true {
            guard i < bytes.count else { throw Failure(offset: open, message: "the text ends inside a string that starts here") }
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") { return try out.withUnsafeBufferPointer { try decode($0, at: start) } }
            if c < 0x20 { i -= 1; throw fail("a control character inside a string (escape it)") }
            guard c == UInt8(ascii: "\\") else { out.append(c); continue }
            guard i < bytes.count else { throw Failure(offset: open, message: "the text ends inside a string that starts here") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    code = (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                out.append(contentsOf: String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
            default:
                i -= 1
                throw fail("invalid escape `\\\(Character(Unicode.Scalar(e)))`")
            }
        }
    }

    private mutating func decode(_ slice: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        do {
            return try Self.decode(slice, at: offset)
        } catch let failure as Failure where invalidUTF8 == .repair {
            repairs.count += 1
            if repairs.firstOffset == nil { repairs.firstOffset = failure.offset }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    private static func decode(_ slice: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        // ASCII, the common case, cannot be invalid.
        var ascii = true
        for byte in slice where byte >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: slice, as: UTF8.self) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        // Find the first invalid byte for the message.
        var k = 0
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        loop: while true {
            let before = k
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): k += String(scalar).utf8.count
            case .emptyInput: break loop
            case .error: throw Failure(offset: offset + before, message: "text that is not UTF-8")
            }
        }
        throw Failure(offset: offset, message: "text that is not UTF-8")
    }
}
