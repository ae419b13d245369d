import CYAML

/// Reads YAML text into ``YAMLNode`` trees with libyaml's event parser.
///
/// Every node knows its file and range. Problems become ``Diagnostic`` values (rule
/// `yaml-syntax`, or `duplicate-key`); the reader never traps on bad input. It enforces the
/// limits in ``Limits`` so that hostile input (alias bombs, deep nesting, huge files) ends
/// quickly with a diagnostic.
public struct YAMLReader: Sendable {
    /// Bounds on what the reader accepts.
    public struct Limits: Sendable {
        /// The largest file read, in bytes (64 MiB by default).
        public var maxFileSize: Int = 64 * 1024 * 1024
        /// The deepest nesting of sequences and mappings (64 by default).
        public var maxDepth: Int = 64
        /// How many nodes aliases may add in total when expanded (1,000,000 by default).
        public var maxAliasExpansion: Int = 1_000_000
        /// How many nodes (scalars, lists, mappings) may be read (8,000,000 by default: a rich
        /// plan of 100,000 events has about 4 million). The loader applies it to the whole plan,
        /// included files together.
        public var maxNodes: Int = 8_000_000

        /// The default limits.
        public init() {}
    }

    /// What the reader accepts beyond plain YAML.
    public struct Options: Sendable {
        /// Bounds on size, depth and alias expansion.
        public var limits = Limits()
        /// Whether `<<` keys merge mappings into the enclosing one (YAML 1.1 merge keys).
        public var mergeKeys = true
        /// Whether a UTF-8 byte-order mark at the start is accepted silently.
        public var allowByteOrderMark = false
        /// Whether tags other than the core schema's, merge and `!` (such as `!!binary` or
        /// `!custom`) are refused with a diagnostic; a plan cannot honour them. Off only to read
        /// YAML in general (the YAML test suite).
        public var refuseUnknownTags = true

        /// The default options: merge keys on, byte-order mark refused.
        public init() {}
    }

    /// What reading produced.
    public struct Result: Sendable {
        /// The file read (nil only when its bytes were refused before decoding).
        public var file: SourceFile?
        /// The documents of the stream, in order.
        public var documents: [YAMLNode]
        /// Problems found; any `.error` means the documents may be incomplete.
        public var diagnostics: [Diagnostic]
        /// How many nodes were read.
        public var nodeCount = 0
        /// Every anchored node that aliases use, with where they use it, in order of definition.
        public var anchorUses: [AnchorUse] = []
    }

    /// An anchored node (`&defaults`) and the aliases that use it (`*defaults`).
    public struct AnchorUse: Sendable {
        /// The anchored node, where it is defined.
        public var span: SourceSpan
        /// Where aliases use it, in order.
        public var uses: [SourceSpan]
    }

    /// The options in force.
    public var options: Options

    /// Creates a reader.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads `bytes` as the content of the file shown as `path`.
    public func read(_ bytes: [UInt8], path: String) -> Result {
        // The flat tree addresses text and nodes in 32 bits: 2 GiB is the most it can hold.
        let sizeLimit = min(options.limits.maxFileSize, YAMLStorage.maxFileSize)
        if bytes.count > sizeLimit {
            let file = SourceFile(path: path, text: "")
            return Result(file: file, documents: [], diagnostics: [
                Diagnostic(
                    rule: RuleID.yamlSyntax,
                    message: "file is \(Self.megabytes(bytes.count)), over the \(Self.megabytes(sizeLimit)) limit for one plan file",
                    span: .startOf(file),
                    hint: "split the plan into several files with `include`"),
            ])
        }
        if let problem = EncodingCheck.problem(in: bytes, allowByteOrderMark: options.allowByteOrderMark) {
            // Decode what we can so the report can still quote the line.
            let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
            let start = SourcePosition(line: problem.line, column: problem.column)
            return Result(file: file, documents: [], diagnostics: [
                Diagnostic(rule: RuleID.yamlSyntax, message: problem.message,
                           span: SourceSpan(file: file, start: start, end: SourcePosition(line: start.line, column: start.column + 1)),
                           hint: problem.hint),
            ])
        }
        let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
        var builder = TreeBuilder(file: file, bytes: bytes, options: options)
        bytes.withUnsafeBufferPointer { buffer in builder.run(buffer) }
        let tree = YAMLTree(file: file, storage: builder.storage)
        return Result(file: file, documents: builder.documents.map { YAMLNode(tree: tree, index: $0) },
                      diagnostics: builder.diagnostics + builder.budget.summaries,
                      nodeCount: builder.nodeCount, anchorUses: builder.anchorOrder.compactMap { builder.anchorUses[$0] })
    }

    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}

/// Turns libyaml events into the flat nodes of a ``YAMLTree``.
private struct TreeBuilder {
    /// An open sequence or mapping; its children so far are `scratch[childrenStart...]` (for a
    /// mapping: key, value, key…).
    struct Frame {
        let isMapping: Bool
        let start: SourcePosition
        let anchor: String?
        let tag: Int32
        let flow: Bool
        let childrenStart: Int
    }

    let file: SourceFile
    let bytes: [UInt8]
    let options: YAMLReader.Options
    var storage = YAMLStorage()
    /// The root node of each document read.
    var documents: [UInt32] = []
    var diagnostics: [Diagnostic] = []
    var stack: [Frame] = []
    /// The children of the open collections, innermost last: one array for all of them, so
    /// opening a collection allocates nothing.
    var scratch: [UInt32] = []
    var root: UInt32?
    var anchors: [String: UInt32] = [:]
    var aliasBudgetUsed = 0
    var nodeCount = 0
    var budget = DiagnosticBudget()
    /// Anchored node spans (by start position) → their uses, and the order they were first used.
    var anchorUses: [SourcePosition: YAMLReader.AnchorUse] = [:]
    var anchorOrder: [SourcePosition] = []

    init(file: SourceFile, bytes: [UInt8], options: YAMLReader.Options) {
        self.file = file
        self.bytes = bytes
        self.options = options
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(rule: RuleID.yamlSyntax, message: "out of memory starting the YAML parser", span: .startOf(file)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return
            }
            let keepGoing = handle(event)
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !keepGoing || done { return }
        }
    }

    func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Handles one event; false stops reading.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
            root = nil
        case YAML_DOCUMENT_END_EVENT:
            if let root { documents.append(root) }
            root = nil
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let style: YAMLScalar.Style
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let close = trimmedEnd(start: start, end: end)
            let tag = Self.string(data.tag)
            if tag != nil, !checkTag(tag, at: SourceSpan(file: file, start: start, end: close)) { return false }
            let text = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : Int(data.length))
            let node = storage.addScalar(text, style: style, tag: storage.tagIndex(tag), start: start, end: close)
            return add(node, anchor: data.anchor == nil ? nil : Self.string(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            let span = SourceSpan(file: file, start: start, end: end)
            guard let target = anchors[name] else {
                diagnostics.append(Diagnostic(
                    rule: RuleID.yamlSyntax,
                    message: "alias `*\(name)` refers to no anchor defined before it",
                    span: span,
                    hint: Suggestion.nearest(to: name, in: anchors.keys).map { "did you mean `*\($0)`?" }
                        ?? "define the anchor with `&\(name)` on an earlier node"))
                return false
            }
            let record = storage.records[Int(target)]
            aliasBudgetUsed = aliasBudgetUsed.addingSaturated(record.weight)
            if aliasBudgetUsed > options.limits.maxAliasExpansion {
                diagnostics.append(Diagnostic(
                    rule: RuleID.yamlSyntax,
                    message: "aliases expand to more than \(options.limits.maxAliasExpansion) nodes; refusing to read further (is this an alias bomb?)",
                    span: span,
                    hint: "use fewer nested aliases; a plan needs only a few shared defaults"))
                return false
            }
            if anchorUses[record.start] == nil {
                anchorUses[record.start] = YAMLReader.AnchorUse(span: SourceSpan(file: file, start: record.start, end: record.end), uses: [])
                anchorOrder.append(record.start)
            }
            anchorUses[record.start]?.uses.append(span)
            return add(target, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard checkDepth(at: SourceSpan(file: file, start: start, end: end)) else { return false }
            let tag = Self.string(data.tag)
            if tag != nil, !checkTag(tag, at: SourceSpan(file: file, start: start, end: end)) { return false }
            stack.append(Frame(isMapping: false, start: start, anchor: Self.string(data.anchor), tag: storage.tagIndex(tag),
                               flow: data.style == YAML_FLOW_SEQUENCE_STYLE, childrenStart: scratch.count))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard checkDepth(at: SourceSpan(file: file, start: start, end: end)) else { return false }
            let tag = Self.string(data.tag)
            if tag != nil, !checkTag(tag, at: SourceSpan(file: file, start: start, end: end)) { return false }
            stack.append(Frame(isMapping: true, start: start, anchor: Self.string(data.anchor), tag: storage.tagIndex(tag),
                               flow: data.style == YAML_FLOW_MAPPING_STYLE, childrenStart: scratch.count))
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast(), !frame.isMapping else { return false }
            let last = scratch.count > frame.childrenStart ? scratch.last : nil
            let close = (!frame.flow ? last.map { storage.records[Int($0)].end } : nil) ?? end
            let node = scratch.withUnsafeBufferPointer { buffer in
                storage.addCollection(.sequence, items: UnsafeBufferPointer(rebasing: buffer[frame.childrenStart...]),
                                      tag: frame.tag, start: frame.start, end: close)
            }
            scratch.removeSubrange(frame.childrenStart...)
            return add(node, anchor: frame.anchor)
        case YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast(), frame.isMapping else { return false }
            // A key left without a value cannot happen at a mapping's end; drop it if it does.
            if (scratch.count - frame.childrenStart) % 2 == 1 { scratch.removeLast() }
            let last = scratch.count > frame.childrenStart ? scratch.last : nil
            let close = (!frame.flow ? last.map { storage.records[Int($0)].end } : nil) ?? end
            let node: UInt32
            if let pairs = finish(from: frame.childrenStart) {
                node = storage.addCollection(.mapping, items: pairs, tag: frame.tag, start: frame.start, end: close)
            } else {
                node = scratch.withUnsafeBufferPointer { buffer in
                    storage.addCollection(.mapping, items: UnsafeBufferPointer(rebasing: buffer[frame.childrenStart...]),
                                          tag: frame.tag, start: frame.start, end: close)
                }
            }
            scratch.removeSubrange(frame.childrenStart...)
            return add(node, anchor: frame.anchor)
        default:
            break
        }
        return true
    }

    /// The tags a plan may carry: the core schema's (`!!str`, `!!int`, …), merge, and `!`.
    static let supportedTags: Set<String> = [
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:merge",
    ]

    /// Refuses a tag trackplan cannot honour (`!!binary`, `!custom`), which would otherwise be
    /// silently ignored; false stops reading.
    mutating func checkTag(_ tag: String?, at span: SourceSpan) -> Bool {
        guard options.refuseUnknownTags, let tag, !Self.supportedTags.contains(tag) else { return true }
        let shown = tag.replacingPrefix("tag:yaml.org,2002:", with: "!!")
        diagnostics.append(Diagnostic(
            rule: RuleID.yamlSyntax,
            message: "tag `\(shown)` is not supported; a plan holds plain strings, numbers, booleans, lists and mappings",
            span: SourceSpan(file: span.file, start: span.start, end: span.start),
            hint: "remove the tag (quote the value if `!` is part of the text)"))
        return false
    }

    /// libyaml ends some block scalars at the start of the next line; end them on their own line.
    func trimmedEnd(start: SourcePosition, end: SourcePosition) -> SourcePosition {
        guard end.line > start.line, end.column == 1, let previous = file.line(end.line - 1) else { return end }
        return SourcePosition(line: end.line - 1, column: previous.unicodeScalars.count + 1)
    }

    mutating func checkDepth(at span: SourceSpan) -> Bool {
        guard stack.count >= options.limits.maxDepth else { return true }
        diagnostics.append(Diagnostic(
            rule: RuleID.yamlSyntax,
            message: "nesting is deeper than \(options.limits.maxDepth) levels; refusing to read further",
            span: span,
            hint: "a plan needs only a few levels of nesting; check the indentation and brackets"))
        return false
    }

    /// The span of node `node`.
    func span(_ node: UInt32) -> SourceSpan {
        let record = storage.records[Int(node)]
        return SourceSpan(file: file, start: record.start, end: record.end)
    }

    /// Adds a finished node to its parent (or makes it the document root).
    mutating func add(_ node: UInt32, anchor: String?) -> Bool {
        nodeCount += 1
        if nodeCount > options.limits.maxNodes {
            let start = storage.records[Int(node)].start
            diagnostics.append(Diagnostic(
                rule: RuleID.yamlSyntax,
                message: "the plan has more than \(options.limits.maxNodes) YAML nodes (values, lists and mappings); refusing to read further",
                span: SourceSpan(file: file, start: start, end: start),
                hint: "a rich plan of 100,000 events has about 4 million; is this file really a tracking plan?"))
            return false
        }
        if let anchor { anchors[anchor] = node }
        if stack.isEmpty {
            root = node
        } else {
            scratch.append(node)
        }
        return true
    }

    /// The key/value pairs of the mapping closing at `scratch[start...]` with duplicate keys
    /// removed (and reported) and merge keys applied; nil when they are the pairs as written.
    mutating func finish(from start: Int) -> [UInt32]? {
        let count = (scratch.count - start) / 2
        func key(_ i: Int) -> UInt32 { scratch[start + 2 * i] }
        func value(_ i: Int) -> UInt32 { scratch[start + 2 * i + 1] }
        // Small mappings without merge keys (nearly all of a plan): compare keys pairwise,
        // which is cheaper than hashing them.
        if count <= 12, !(options.mergeKeys && (0..<count).contains { isMergeKey(key($0)) }) {
            // Keys that are certainly strings (no tag; quoted, or plain with a text no null,
            // boolean or number has): compare their bytes.
            switch stringKeysAreDistinct(from: start, count: count) {
            case true?: return nil
            case false?, nil: break
            }
            var identities: [KeyIdentity?] = []
            identities.reserveCapacity(count)
            var duplicate = false
            for i in 0..<count {
                let identity = storage.value(key(i)).map(KeyIdentity.init)
                if let identity, identities.contains(where: { $0 == identity }) { duplicate = true; break }
                identities.append(identity)
            }
            if !duplicate { return nil }
        }
        var seen: [KeyIdentity: UInt32] = [:]
        var result: [UInt32] = []
        result.reserveCapacity(2 * count)
        var merges: [(index: Int, value: UInt32)] = []
        for i in 0..<count {
            let key = key(i)
            if options.mergeKeys, isMergeKey(key) {
                merges.append((result.count, value(i)))
                continue
            }
            if let keyValue = storage.value(key) {
                let identity = KeyIdentity(keyValue)
                if let first = seen[identity] {
                    let keySpan = span(key)
                    guard budget.admit(RuleID.duplicateKey, at: keySpan) else { continue }
                    let firstSpan = span(first)
                    diagnostics.append(Diagnostic(
                        rule: RuleID.duplicateKey,
                        message: "duplicate key `\(storage.scalar(key)?.text ?? "")`; first defined at \(firstSpan)",
                        span: keySpan,
                        hint: "remove one of them or give this one another name",
                        related: [.init("first defined here", at: firstSpan)]))
                    continue
                }
                seen[identity] = key
            }
            result.append(key)
            result.append(value(i))
        }
        guard !merges.isEmpty else { return result }
        // Explicit keys win over merged ones; among merged mappings, the earlier one wins.
        var inserted: [(index: Int, pairs: [UInt32])] = []
        for (index, merge) in merges {
            let sources: [UInt32]
            switch storage.records[Int(merge)].kind {
            case .mapping:
                sources = [merge]
            case .sequence where storage.children(of: merge).allSatisfy({ storage.records[Int($0)].kind == .mapping }):
                sources = Array(storage.children(of: merge))
            default:
                diagnostics.append(Diagnostic(
                    rule: RuleID.yamlSyntax,
                    message: "merge key `<<` takes a mapping or a list of mappings, found \(storage.kindDescription(merge))",
                    span: span(merge),
                    hint: "write `<<: *defaults` where `&defaults` anchors a mapping"))
                continue
            }
            var added: [UInt32] = []
            for source in sources {
                let children = storage.children(of: source)
                var i = children.startIndex
                while i + 1 < children.endIndex {
                    defer { i += 2 }
                    guard let keyValue = storage.value(children[i]) else { continue }
                    let identity = KeyIdentity(keyValue)
                    if seen[identity] != nil { continue }
                    seen[identity] = children[i]
                    added.append(children[i])
                    added.append(children[i + 1])
                }
            }
            inserted.append((index, added))
        }
        for (index, added) in inserted.reversed() {
            result.insert(contentsOf: added, at: index)
        }
        return result
    }

    /// Whether the `count` keys of the mapping at `scratch[start...]` are distinct, when each is
    /// certainly a string (untagged, and quoted, or plain with a text no null, boolean or number
    /// has); nil when one is not.
    func stringKeysAreDistinct(from start: Int, count: Int) -> Bool? {
        for i in 0..<count {
            let key = scratch[start + 2 * i]
            guard storage.isCertainlyString(key) else { return nil }
            for j in 0..<i where storage.sameText(scratch[start + 2 * j], key) { return false }
        }
        return true
    }

    /// Whether `key` is the merge key `<<` (plain, or tagged `!!merge`).
    func isMergeKey(_ key: UInt32) -> Bool {
        let record = storage.records[Int(key)]
        guard record.kind == .scalar, record.count == 2,
              storage.withBytes(key, { $0[0] == UInt8(ascii: "<") && $0[1] == UInt8(ascii: "<") }) else { return false }
        if let tag = storage.tag(key) { return tag == "tag:yaml.org,2002:merge" }
        return record.style == .plain
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = Self.stringC(parser.problem) ?? "invalid YAML"
        var start: SourcePosition
        if parser.error == YAML_READER_ERROR {
            start = EncodingCheck.position(ofByte: Int(parser.problem_offset), in: bytes)
        } else {
            start = position(parser.problem_mark)
        }
        var message = problem
        var hint: String?
        var related: [Diagnostic.Related] = []
        if let context = Self.stringC(parser.context) {
            let contextStart = position(parser.context_mark)
            let contextSpan = SourceSpan(file: file, start: contextStart, end: contextStart)
            message += " \(context) that starts at \(contextSpan)"
            related.append(.init(context.replacingPrefix("while ", with: ""), at: contextSpan))
        }
        if let tab = tabInIndentation(near: start) {
            start = tab
            message = "tab character used for indentation; YAML indents with spaces only"
            hint = "replace the tab with spaces"
        } else {
            hint = Self.hint(for: problem)
        }
        let span = SourceSpan(file: file, start: start, end: SourcePosition(line: start.line, column: start.column + 1))
        diagnostics.append(Diagnostic(rule: RuleID.yamlSyntax, message: message, span: span, hint: hint, related: related))
    }

    static func stringC(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    static func hint(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "quote the value if it contains `: `, or fix the indentation of this key"
        case "found character that cannot start any token":
            return "quote the value: `@`, `` ` `` and some other characters cannot start a plain scalar"
        case "did not find expected key":
            return "check that this line is indented like the keys above it"
        case "found undefined tag handle":
            return "quote the value if `!` is part of the text"
        case "did not find expected ',' or '}'":
            return "a value that starts with `{` is read as a mapping: close it with `}`, or quote the whole value (`'{…}'`) if it is text"
        case "did not find expected ',' or ']'":
            return "a value that starts with `[` is read as a list: close it with `]`, or quote the whole value (`'[…]'`) if it is text"
        default:
            return nil
        }
    }

    /// The position of a tab in the leading whitespace of `position`'s line or the line above.
    func tabInIndentation(near position: SourcePosition) -> SourcePosition? {
        for lineNumber in [position.line, position.line - 1] where lineNumber >= 1 {
            guard let line = file.line(lineNumber) else { continue }
            var column = 1
            for scalar in line.unicodeScalars {
                if scalar == "\t" { return SourcePosition(line: lineNumber, column: column) }
                if scalar != " " { break }
                column += 1
            }
        }
        return nil
    }
}

/// A mapping key's identity for the duplicate check: its core-schema value, except that every
/// NaN is one key (NaN is unequal to itself, so `.nan` keys would all be distinct, hash alike and
/// make the check quadratic) and `-0.0` is `0.0`.
enum KeyIdentity: Hashable {
    case value(YAMLValue)
    case nan

    init(_ value: YAMLValue) {
        if case .float(let d) = value {
            if d.isNaN { self = .nan; return }
            if d == 0 { self = .value(.float(0)); return }
        }
        self = .value(value)
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
