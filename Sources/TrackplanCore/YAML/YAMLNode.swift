/// A node of a YAML document: a scalar, a sequence or a mapping, with where it came from.
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

    /// What the node holds.
    public var content: Content
    /// Where the node is, from its first to just past its last character.
    public var span: SourceSpan
    /// The node's resolved tag (`tag:yaml.org,2002:str`) when the source gave one, else nil.
    public var tag: String?
    /// The number of nodes in this subtree, counting itself; bounds alias expansion.
    public var weight: Int

    /// Creates a node; `weight` is computed from the content.
    public init(_ content: Content, span: SourceSpan, tag: String? = nil) {
        self.content = content
        self.span = span
        self.tag = tag
        switch content {
        case .scalar:
            weight = 1
        case .sequence(let items):
            weight = items.reduce(1) { $0.addingSaturated($1.weight) }
        case .mapping(let pairs):
            weight = pairs.reduce(1) { $0.addingSaturated($1.key.weight).addingSaturated($1.value.weight) }
        }
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value typed by the YAML 1.2 core schema (see ``YAMLValue``), for scalars.
    public var value: YAMLValue? {
        guard let scalar else { return nil }
        return YAMLValue.resolve(scalar, tag: tag)
    }

    /// A word for the node's kind as a user would say it: "a mapping", "a list", "a string"…
    public var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            switch value {
            case .null, .none: return "nothing (null)"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
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
