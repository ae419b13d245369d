/// Writes a pretty-printed JSON object or array member by member into a ``TextStream``, with the
/// same bytes as ``JSONValue/serialized(pretty:)`` of the whole value, so that a document too
/// large to hold as a tree (a GTM container of 100,000 tags) is written one member at a time.
public struct JSONStreamWriter {
    private let close: UInt8
    private let level: Int
    private var count = 0

    private init(open: UInt8, close: UInt8, level: Int, stream: inout TextStream) {
        self.close = close
        self.level = level
        stream.buffer.append(open)
    }

    /// Starts an object at nesting `level` (0 for the document).
    public static func object(_ stream: inout TextStream, level: Int = 0) -> JSONStreamWriter {
        JSONStreamWriter(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), level: level, stream: &stream)
    }

    /// Starts an array at nesting `level`.
    public static func array(_ stream: inout TextStream, level: Int = 0) -> JSONStreamWriter {
        JSONStreamWriter(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), level: level, stream: &stream)
    }

    private mutating func next(_ stream: inout TextStream) {
        if count > 0 { stream.buffer.append(UInt8(ascii: ",")) }
        count += 1
        JSONValue.newline(&stream.buffer, level + 1)
    }

    private mutating func key(_ key: String, _ stream: inout TextStream) {
        next(&stream)
        JSONValue.writeString(key, to: &stream.buffer)
        stream.buffer += ": ".utf8
    }

    /// Writes the member `key: value` (in an object).
    public mutating func member(_ key: String, _ value: JSONValue, _ stream: inout TextStream) {
        self.key(key, &stream)
        value.write(to: &stream.buffer, indent: level + 1)
        stream.handOverIfFull()
    }

    /// Writes each of `members` (in an object).
    public mutating func members(_ members: [JSONMember], _ stream: inout TextStream) {
        for member in members { self.member(member.key, member.value, &stream) }
    }

    /// Writes `value` as the next element (in an array).
    public mutating func element(_ value: JSONValue, _ stream: inout TextStream) {
        next(&stream)
        value.write(to: &stream.buffer, indent: level + 1)
        stream.handOverIfFull()
    }

    /// Starts the member `key` whose value is an object written member by member.
    public mutating func object(_ key: String, _ stream: inout TextStream) -> JSONStreamWriter {
        self.key(key, &stream)
        return .object(&stream, level: level + 1)
    }

    /// Starts the member `key` whose value is an array written element by element.
    public mutating func array(_ key: String, _ stream: inout TextStream) -> JSONStreamWriter {
        self.key(key, &stream)
        return .array(&stream, level: level + 1)
    }

    /// Closes the object or array (`{}` or `[]` when nothing was written into it).
    public func end(_ stream: inout TextStream) {
        if count > 0 { JSONValue.newline(&stream.buffer, level) }
        stream.buffer.append(close)
        stream.handOverIfFull()
    }
}
