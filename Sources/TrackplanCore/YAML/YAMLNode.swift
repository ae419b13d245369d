/// A node of a YAML document: a scalar, a sequence or a mapping, with where it came from.
///
/// A node is a number in its file's flat tree (see `YAMLTree`): copying it copies a reference,
/// and its content, text and children are read from the tree when asked for. A node keeps its
/// whole file's tree alive: decode what you need and let the nodes go.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        /// A scalar: its text and how it was written.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping: key/value pairs in source order (keys are unique).
        case mapping([YAMLPair])
    }

    let tree: YAMLTree
    let index: UInt32

    init(tree: YAMLTree, index: UInt32) {
        self.tree = tree
        self.index = index
    }

    /// Creates a node holding `content` (its nodes copied into the new node's tree, where they
    /// keep their positions but take `span`'s file).
    public init(_ content: Content, span: SourceSpan, tag: String? = nil) {
        var storage = YAMLStorage()
        func add(_ content: Content, tag: String?, span: SourceSpan) -> UInt32 {
            let tag = storage.tagIndex(tag)
            switch content {
            case .scalar(let scalar):
                var text = scalar.text
                return text.withUTF8 { storage.addScalar($0, style: scalar.style, tag: tag, start: span.start, end: span.end) }
            case .sequence(let items):
                let children = items.map(copy)
                return storage.addCollection(.sequence, items: children, tag: tag, start: span.start, end: span.end)
            case .mapping(let pairs):
                let children = pairs.flatMap { [copy($0.key), copy($0.value)] }
                return storage.addCollection(.mapping, items: children, tag: tag, start: span.start, end: span.end)
            }
        }
        func copy(_ node: YAMLNode) -> UInt32 { add(node.content, tag: node.tag, span: node.span) }
        let index = add(content, tag: tag, span: span)
        self.init(tree: YAMLTree(file: span.file, storage: storage), index: index)
    }

    /// What the node holds.
    public var content: Content {
        let storage = tree.storage
        switch storage.records[Int(index)].kind {
        case .scalar:
            return .scalar(storage.scalar(index) ?? YAMLScalar(""))
        case .sequence:
            return .sequence(storage.children(of: index).map { YAMLNode(tree: tree, index: $0) })
        case .mapping:
            return .mapping(pairs)
        }
    }

    private var pairs: [YAMLPair] {
        let children = tree.storage.children(of: index)
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(children.count / 2)
        var i = children.startIndex
        while i + 1 < children.endIndex {
            pairs.append(YAMLPair(key: YAMLNode(tree: tree, index: children[i]), value: YAMLNode(tree: tree, index: children[i + 1])))
            i += 2
        }
        return pairs
    }

    /// Where the node is, from its first to just past its last character.
    public var span: SourceSpan {
        let record = tree.storage.records[Int(index)]
        return SourceSpan(file: tree.file, start: record.start, end: record.end)
    }

    /// The node's resolved tag (`tag:yaml.org,2002:str`) when the source gave one, else nil.
    public var tag: String? { tree.storage.tag(index) }

    /// The number of nodes in this subtree, counting itself; bounds alias expansion.
    public var weight: Int { tree.storage.records[Int(index)].weight }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? { tree.storage.scalar(index) }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        guard tree.storage.records[Int(index)].kind == .sequence else { return nil }
        return tree.storage.children(of: index).map { YAMLNode(tree: tree, index: $0) }
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        guard tree.storage.records[Int(index)].kind == .mapping else { return nil }
        return pairs
    }

    /// Whether the node is a scalar (not a sequence or mapping).
    public var isScalar: Bool { tree.storage.records[Int(index)].kind == .scalar }

    /// Whether the node is a scalar the core schema types as null (`value == .null`, decided
    /// without making the scalar's text).
    public var isNull: Bool { tree.storage.isNull(index) }

    /// The scalar's text, if this node is a scalar (``scalar`` without the style).
    public var text: String? {
        guard isScalar else { return nil }
        return tree.storage.withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: A mapping read in place (no array of pairs made)

    /// Whether the node is a mapping.
    public var isMapping: Bool { tree.storage.records[Int(index)].kind == .mapping }

    /// The number of key/value pairs, if this node is a mapping; 0 otherwise.
    public var pairCount: Int {
        let record = tree.storage.records[Int(index)]
        return record.kind == .mapping ? Int(record.count) : 0
    }

    /// The key of pair `i` (0 ..< ``pairCount``) of this mapping.
    public func key(at i: Int) -> YAMLNode {
        YAMLNode(tree: tree, index: tree.storage.children[Int(tree.storage.records[Int(index)].first) + 2 * i])
    }

    /// The value of pair `i` (0 ..< ``pairCount``) of this mapping.
    public func value(at i: Int) -> YAMLNode {
        YAMLNode(tree: tree, index: tree.storage.children[Int(tree.storage.records[Int(index)].first) + 2 * i + 1])
    }

    /// The text of the key of each pair of this mapping (nil for a key that is not a scalar).
    public var keyTexts: [String?] {
        let storage = tree.storage
        let record = storage.records[Int(index)]
        guard record.kind == .mapping else { return [] }
        let first = Int(record.first)
        return (0..<Int(record.count)).map { i in
            let key = storage.children[first + 2 * i]
            return storage.records[Int(key)].kind == .scalar ? storage.withBytes(key) { String(decoding: $0, as: UTF8.self) } : nil
        }
    }

    /// The value typed by the YAML 1.2 core schema (see ``YAMLValue``), for scalars.
    public var value: YAMLValue? { tree.storage.value(index) }

    /// A word for the node's kind as a user would say it: "a mapping", "a list", "a string"…
    public var kindDescription: String { tree.storage.kindDescription(index) }
}

/// A key/value pair of a mapping.
public struct YAMLPair: Sendable {
    /// The key node (a scalar in every plan).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text and style.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's content, after YAML's escaping and folding.
    public var text: String
    /// How it was written; only plain scalars are typed as null, booleans or numbers.
    public var style: Style

    /// Creates a scalar.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Int {
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
