#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nodes of one file's YAML documents, held flat: one record per node, the children of
/// every sequence and mapping as runs of node numbers in one array, every scalar's text in one
/// byte buffer. ``YAMLNode`` is a node number in a tree.
///
/// Reading a plan builds no object per node and frees none: a 100,000-event plan has about
/// 4 million nodes, and a tree of separate nodes spent more time allocating, counting
/// references and freeing than libyaml spends parsing.
final class YAMLTree: Sendable {
    /// The file the nodes were read from.
    let file: SourceFile
    /// The nodes.
    let storage: YAMLStorage

    init(file: SourceFile, storage: YAMLStorage) {
        self.file = file
        self.storage = storage
    }
}

/// The flat arrays of a ``YAMLTree``, filled by the reader.
struct YAMLStorage: Sendable {
    /// What kind of node a record is.
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// One node.
    struct Record: Sendable {
        var kind: Kind
        var style: YAMLScalar.Style
        /// Whether a scalar's text is all ASCII (texts are then equal exactly when their bytes are).
        var ascii: Bool
        /// An index into `tags`, or -1 when the node has no tag.
        var tag: Int32
        var start: SourcePosition
        var end: SourcePosition
        /// A scalar's first byte in `text`; a collection's first child in `children`.
        var first: UInt32
        /// A scalar's length in bytes; a sequence's item count; a mapping's pair count (its
        /// children are key, value, key, value…).
        var count: UInt32
        /// The number of nodes in the subtree, counting itself (saturating).
        var weight: Int
    }

    /// The largest file a tree holds: scalar text and node numbers are 32-bit (a scalar's text
    /// is never longer than its source, and a file has fewer nodes than bytes).
    static let maxFileSize = Int(Int32.max)

    var records: [Record] = []
    var children: [UInt32] = []
    var text: [UInt8] = []
    var tags: [String] = []

    /// Adds a scalar and returns its number.
    mutating func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: Int32,
                            start: SourcePosition, end: SourcePosition) -> UInt32 {
        let first = UInt32(truncatingIfNeeded: text.count)
        text.append(contentsOf: bytes)
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        records.append(Record(kind: .scalar, style: style, ascii: high < 0x80, tag: tag, start: start, end: end,
                              first: first, count: UInt32(truncatingIfNeeded: bytes.count), weight: 1))
        return UInt32(truncatingIfNeeded: records.count - 1)
    }

    /// Adds a sequence (`items`) or mapping (`items` are key, value, key, value…) and returns its number.
    mutating func addCollection<C: Collection>(_ kind: Kind, items: C, tag: Int32, start: SourcePosition,
                                               end: SourcePosition) -> UInt32 where C.Element == UInt32 {
        let first = UInt32(truncatingIfNeeded: children.count)
        var weight = 1
        for item in items { weight = weight.addingSaturated(records[Int(item)].weight) }
        children.append(contentsOf: items)
        let count = UInt32(truncatingIfNeeded: kind == .mapping ? items.count / 2 : items.count)
        records.append(Record(kind: kind, style: .plain, ascii: true, tag: tag, start: start, end: end, first: first, count: count, weight: weight))
        return UInt32(truncatingIfNeeded: records.count - 1)
    }

    /// Adds `tag` to the table of tags and returns its index (tags are rare: a linear search).
    mutating func tagIndex(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let index = tags.firstIndex(of: tag) { return Int32(index) }
        tags.append(tag)
        return Int32(tags.count - 1)
    }

    func tag(_ node: UInt32) -> String? {
        let index = records[Int(node)].tag
        return index < 0 ? nil : tags[Int(index)]
    }

    /// The bytes of scalar `node`'s text.
    func withBytes<R>(_ node: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let record = records[Int(node)]
        return text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(record.first) ..< Int(record.first) + Int(record.count)]))
        }
    }

    /// Scalar `node`'s text and style, or nil for a collection.
    func scalar(_ node: UInt32) -> YAMLScalar? {
        let record = records[Int(node)]
        guard record.kind == .scalar else { return nil }
        return YAMLScalar(withBytes(node) { String(decoding: $0, as: UTF8.self) }, style: record.style)
    }

    /// Collection `node`'s children (for a mapping: key, value, key, value…).
    func children(of node: UInt32) -> ArraySlice<UInt32> {
        let record = records[Int(node)]
        let count = record.kind == .mapping ? Int(record.count) * 2 : record.kind == .sequence ? Int(record.count) : 0
        return children[Int(record.first) ..< Int(record.first) + count]
    }

    /// Scalar `node` typed by the core schema; nil for a collection.
    func value(_ node: UInt32) -> YAMLValue? {
        guard let scalar = scalar(node) else { return nil }
        return YAMLValue.resolve(scalar, tag: tag(node))
    }

    /// Whether `node` is a scalar that the core schema types as null (what
    /// `value(node) == .null` says, decided on its bytes without making a string).
    func isNull(_ node: UInt32) -> Bool {
        let record = records[Int(node)]
        guard record.kind == .scalar else { return false }
        if record.tag >= 0 {
            switch tags[Int(record.tag)] {
            case "tag:yaml.org,2002:null": return true
            case "tag:yaml.org,2002:str", "!", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": return false
            default: break
            }
        }
        guard record.style == .plain else { return false }
        switch record.count {
        case 0: return true
        case 1: return text[Int(record.first)] == UInt8(ascii: "~")
        case 4: return withBytes(node) { bytes in Self.nullWords.contains { $0.elementsEqual(bytes) } }
        default: return false
        }
    }

    private static let nullWords: [[UInt8]] = ["null", "Null", "NULL"].map { Array($0.utf8) }

    /// Whether scalar `node` is certainly a string: untagged, and quoted or plain with a text no
    /// null, boolean or number has (decided on its bytes); false also when it cannot tell.
    func isCertainlyString(_ node: UInt32) -> Bool {
        let record = records[Int(node)]
        guard record.kind == .scalar, record.tag < 0 else { return false }
        if record.style != .plain { return true }
        return withBytes(node) { YAMLValue.plainTextIsString($0) }
    }

    /// Whether scalars `a` and `b` have the same text, as `String`'s `==` says: their bytes
    /// when both are ASCII; otherwise canonical equivalence (the Kelvin sign is a `K`).
    func sameText(_ a: UInt32, _ b: UInt32) -> Bool {
        let ra = records[Int(a)], rb = records[Int(b)]
        guard ra.ascii, rb.ascii else { return scalar(a)?.text == scalar(b)?.text }
        guard ra.count == rb.count else { return false }
        return text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            return memcmp(base + Int(ra.first), base + Int(rb.first), Int(ra.count)) == 0
        }
    }

    /// A word for `node`'s kind as a user would say it (see ``YAMLNode/kindDescription``).
    func kindDescription(_ node: UInt32) -> String {
        switch records[Int(node)].kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            switch value(node) {
            case .null, .none: return "nothing (null)"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}
