import Foundation
import TrackplanCore

/// Typed access to YAML nodes that records a `plan-schema` diagnostic for every mismatch.
///
/// Entity paths are taken as autoclosures: they are built only when a diagnostic is recorded,
/// not for every field of every event.
///
/// Every helper returns nil (and records a diagnostic) when the node does not have the expected
/// shape, so the loader goes on and collects every problem in one run.
struct FieldDecoder {
    var diagnostics: [Diagnostic] = []
    /// At most ``DiagnosticBudget/defaultLimit`` errors per rule and file; the rest are counted.
    var budget = DiagnosticBudget()

    /// Records a `plan-schema` error.
    mutating func error(_ message: @autoclosure () -> String, at span: SourceSpan?, path: @autoclosure () -> EntityPath?,
                        hint: @autoclosure () -> String? = nil, related: @autoclosure () -> [Diagnostic.Related] = []) {
        error(RuleID.planSchema, message(), at: span, path: path(), hint: hint(), related: related())
    }

    /// Records an error of `rule`; past the budget it is only counted, and nothing of it
    /// (message, suggestion, path) is built.
    mutating func error(_ rule: String, _ message: @autoclosure () -> String, at span: SourceSpan?,
                        path: @autoclosure () -> EntityPath?, hint: @autoclosure () -> String? = nil,
                        related: @autoclosure () -> [Diagnostic.Related] = []) {
        guard admits(rule, at: span) else { return }
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message(), span: span,
                                      path: path(), hint: hint(), related: related()))
    }

    /// Whether one more error of `rule` at `span` will be reported (counting it when not), so a
    /// caller can skip costly work such as a did-you-mean search.
    mutating func admits(_ rule: String, at span: SourceSpan?) -> Bool {
        budget.admit(rule, at: span)
    }

    /// Every diagnostic recorded, followed by the summaries of those left out.
    var allDiagnostics: [Diagnostic] { diagnostics + budget.summaries }

    /// "`x`" for a scalar, "a list" / "a mapping" otherwise: what was found, for messages.
    static func found(_ node: YAMLNode) -> String {
        if let text = node.text {
            if node.isNull { return "nothing" }
            return "`\(Self.shorten(text))`"
        }
        return node.kindDescription
    }

    static func shorten(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: "⏎")
        return oneLine.count > 40 ? String(oneLine.prefix(37)) + "…" : oneLine
    }

    /// The pairs of a mapping node, or nil with a diagnostic. A null node is an empty mapping
    /// when `nullIsEmpty`.
    mutating func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String, path: EntityPath, nullIsEmpty: Bool = true) -> Fields? {
        if node.isMapping || (nullIsEmpty && node.isNull) { return Fields(node: node, path: path) }
        error("\(what()) must be a mapping of keys to values, found \(Self.found(node))", at: node.span, path: path)
        return nil
    }

    /// Reports keys of `fields` that are not in `allowed`, suggesting the nearest allowed key.
    mutating func checkKeys(_ fields: Fields, allowed: [String], in what: @autoclosure () -> String) {
        for (i, key) in fields.keys.enumerated() where !(key.map(allowed.contains) ?? false) {
            let keyNode = fields.key(i)
            guard let key else {
                error("keys in \(what()) must be plain names, found \(keyNode.kindDescription)", at: keyNode.span, path: fields.path)
                continue
            }
            // Checked before the did-you-mean search, which is skipped past the budget.
            guard admits(RuleID.planSchema, at: keyNode.span) else { continue }
            let near = Suggestion.nearest(to: key, in: allowed)
            diagnostics.append(Diagnostic(
                rule: RuleID.planSchema,
                message: "unknown key `\(key)` in \(what())" + (near.map { "; did you mean `\($0)`?" } ?? ""),
                span: keyNode.span, path: fields.path,
                hint: near.map { "rename it to `\($0)`" } ?? "the keys allowed here are " + allowed.map { "`\($0)`" }.joined(separator: ", ")))
        }
    }

    /// Reports a missing required key at the start of the mapping.
    mutating func missing(_ key: String, in fields: Fields, what: String, hint: String? = nil) {
        let span = fields.headSpan
        error("missing required key `\(key)` in \(what)", at: span, path: fields.path, hint: hint ?? "add `\(key):`")
    }

    /// A scalar's text. Null is absent (nil, no diagnostic); collections are an error.
    mutating func string(_ node: YAMLNode?, _ key: String, path: @autoclosure () -> EntityPath) -> Located<String>? {
        guard let node else { return nil }
        guard node.isScalar else {
            error("`\(key)` must be a string, found \(node.kindDescription)", at: node.span, path: path())
            return nil
        }
        if node.isNull { return nil }
        return Located(node.text ?? "", at: node.span)
    }

    /// A non-empty string (an id or a name).
    mutating func name(_ node: YAMLNode?, _ key: String, path: @autoclosure () -> EntityPath) -> Located<String>? {
        guard let node, let value = string(node, key, path: path()) else { return nil }
        // Bytes: a text is all spaces and tabs exactly when each of its characters is one.
        if value.value.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            error("`\(key)` must not be empty", at: node.span, path: path())
            return nil
        }
        return value
    }

    /// An integer within `range`.
    mutating func integer(_ node: YAMLNode?, _ key: String, in range: ClosedRange<Int>, path: @autoclosure () -> EntityPath) -> Located<Int>? {
        guard let node, !node.isNull else { return nil }
        guard case .int(let value)? = node.value, range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "of at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            error("`\(key)` must be an integer \(bounds), found \(Self.found(node))", at: node.span, path: path())
            return nil
        }
        return Located(value, at: node.span)
    }

    /// `true` or `false`.
    mutating func boolean(_ node: YAMLNode?, _ key: String, path: @autoclosure () -> EntityPath) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard case .bool(let value)? = node.value else {
            var hint: String?
            if let text = node.text, ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased()) {
                hint = "write `\(["yes", "on", "y"].contains(text.lowercased()) ? "true" : "false")`"
            }
            error("`\(key)` must be `true` or `false`, found \(Self.found(node))", at: node.span, path: path(), hint: hint)
            return nil
        }
        return value
    }

    /// One of an enum's raw values.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ key: String, as: E.Type, path: @autoclosure () -> EntityPath) -> E?
    where E.RawValue == String {
        guard let node, !node.isNull else { return nil }
        if let text = node.text, let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        let near = node.scalar.flatMap { Suggestion.nearest(to: $0.text, in: allowed) }
        error("`\(key)` must be one of \(list), found \(Self.found(node))", at: node.span, path: path(),
              hint: near.map { "did you mean `\($0)`?" })
        return nil
    }

    /// A list of nodes.
    mutating func list(_ node: YAMLNode?, _ key: String, of what: String, path: @autoclosure () -> EntityPath) -> [YAMLNode]? {
        guard let node else { return nil }
        if let items = node.sequence { return items }
        if node.isNull { return [] }
        error("`\(key)` must be a list of \(what), found \(Self.found(node))", at: node.span, path: path(),
              hint: node.scalar.map { "write `[\($0.text)]`" })
        return nil
    }

    /// A list of non-empty strings.
    mutating func stringList(_ node: YAMLNode?, _ key: String, of what: String, path: @autoclosure () -> EntityPath) -> [Located<String>]? {
        guard let items = list(node, key, of: what, path: path()) else { return nil }
        var result: [Located<String>] = []
        for item in items {
            if let value = name(item, "\(key)` item `", path: path()) { result.append(value) }
        }
        return result
    }
}

/// The pairs of one mapping, read in place from the node tree, with lookup by key.
struct Fields {
    /// The mapping (or the null node read as an empty mapping).
    let node: YAMLNode
    let path: EntityPath
    /// Each pair's key text (nil for a key that is not a scalar), read once: lookups compare
    /// strings (short ones in two machine words) instead of going through the key nodes.
    let keys: [String?]
    /// The positions in `node` of the pairs these fields hold, in order; nil for all of them.
    private let selection: [Int]?

    init(node: YAMLNode, path: EntityPath) {
        self.node = node
        self.path = path
        keys = node.keyTexts
        selection = nil
    }

    /// The fields of `fields` whose keys `include` accepts.
    init(_ fields: Fields, path: EntityPath, where include: (String?) -> Bool) {
        node = fields.node
        self.path = path
        let chosen = fields.keys.indices.filter { include(fields.keys[$0]) }
        keys = chosen.map { fields.keys[$0] }
        selection = chosen.map { fields.selection?[$0] ?? $0 }
    }

    /// How many pairs there are.
    var count: Int { keys.count }

    /// The key of pair `i` (0 ..< `count`).
    func key(_ i: Int) -> YAMLNode { node.key(at: selection?[i] ?? i) }

    /// The value of pair `i` (0 ..< `count`).
    func value(_ i: Int) -> YAMLNode { node.value(at: selection?[i] ?? i) }

    /// The pairs, in order.
    var pairs: [YAMLPair] { (0..<count).map { YAMLPair(key: key($0), value: value($0)) } }

    func position(of key: String) -> Int? {
        keys.firstIndex { $0 == key }
    }

    /// The value of `key`, when present.
    subscript(key: String) -> YAMLNode? {
        position(of: key).map(value)
    }

    /// Which of `keys` are present, in source order.
    func present(_ keys: [String]) -> [YAMLPair] {
        self.keys.indices.filter { self.keys[$0].map(keys.contains) ?? false }.map { YAMLPair(key: key($0), value: value($0)) }
    }

    /// A zero-width span at the start of the mapping, for "missing key" problems.
    var headSpan: SourceSpan {
        SourceSpan(file: node.span.file, start: node.span.start, end: node.span.start)
    }
}
