import Foundation
import TrackplanCore

/// A GTM parameter read from an export: `{type, key, value}`, a `list`, or a `map`. Types are
/// normalized to the export's UPPER_SNAKE (`template` and `TEMPLATE` alike).
struct GTMParam: Sendable {
    var type: String
    var key: String?
    var value: String?
    var list: [GTMParam]
    var map: [GTMParam]

    init(_ json: JSONValue) {
        type = GTMContainer.upperSnake(json["type"]?.text ?? "")
        key = json["key"]?.text
        value = json["value"]?.text
        list = json["list"]?.items.map(GTMParam.init) ?? []
        map = json["map"]?.items.map(GTMParam.init) ?? []
    }

    /// The member of a MAP (or the entry of a parameter list) with key `key`.
    func member(_ key: String) -> GTMParam? { map.first { $0.key == key } }
}

extension [GTMParam] {
    /// The parameter with key `key`.
    func named(_ key: String) -> GTMParam? { first { $0.key == key } }
    /// The value of the parameter with key `key`.
    func value(_ key: String) -> String? { named(key)?.value }
    /// Whether the BOOLEAN parameter `key` is `true`.
    func flag(_ key: String) -> Bool? { value(key).map { $0.lowercased() == "true" } }
}

/// A tag, trigger, variable or folder of a GTM export.
struct GTMEntity: Sendable {
    var id: String
    var name: String
    var type: String
    var parameters: [GTMParam]
    var notes: String?
    var folderID: String?
    var json: JSONValue

    init(_ json: JSONValue, idKey: String, normalizeType: Bool) {
        id = json[idKey]?.text ?? ""
        name = json["name"]?.text ?? ""
        let rawType = json["type"]?.text ?? ""
        type = normalizeType ? GTMContainer.upperSnake(rawType) : rawType
        parameters = json["parameter"]?.items.map(GTMParam.init) ?? []
        notes = json["notes"]?.text
        folderID = json["parentFolderId"]?.text
        self.json = json
    }

    /// `id 12`, for comments and the report.
    var label: String { "`\(name)` (id \(id))" }
}

/// A condition of a trigger filter: `{{Page Path}} starts with /shop`.
struct GTMCondition: Sendable {
    /// EQUALS, CONTAINS, MATCH_REGEX, CSS_SELECTOR, …
    var op: String
    /// The variable compared, without braces (`Page Path`), or the raw arg0.
    var variable: String
    var value: String
    var negate: Bool
    var ignoreCase: Bool

    init(_ json: JSONValue) {
        op = GTMContainer.upperSnake(json["type"]?.text ?? "")
        let parameters = json["parameter"]?.items.map(GTMParam.init) ?? []
        let arg0 = parameters.value("arg0") ?? ""
        variable = GTMContainer.reference(arg0) ?? arg0
        value = parameters.value("arg1") ?? ""
        negate = parameters.flag("negate") ?? false
        ignoreCase = parameters.flag("ignore_case") ?? false
    }

    /// How a person reads it: `{{Click Text}} equals "Buy"`.
    var text: String {
        let words = op.lowercased().replacingOccurrences(of: "_", with: " ")
        return "{{\(variable)}} \(negate ? "does not " : "")\(words)\(ignoreCase ? " (ignoring case)" : "") `\(value)`"
    }
}

/// A container export, read leniently: entities missing fields are kept with empty ones.
struct GTMContainer: Sendable {
    var name: String
    var publicID: String?
    var tags: [GTMEntity]
    var triggers: [GTMEntity]
    var variables: [GTMEntity]
    var folders: [GTMEntity]
    var customTemplates: [String: String]

    init(_ json: JSONValue) {
        let version = json["containerVersion"] ?? json
        let container = version["container"]
        name = container?["name"]?.text ?? version["name"]?.text ?? "Imported container"
        publicID = container?["publicId"]?.text
        tags = version["tag"]?.items.map { GTMEntity($0, idKey: "tagId", normalizeType: false) } ?? []
        triggers = version["trigger"]?.items.map { GTMEntity($0, idKey: "triggerId", normalizeType: true) } ?? []
        variables = version["variable"]?.items.map { GTMEntity($0, idKey: "variableId", normalizeType: false) } ?? []
        folders = version["folder"]?.items.map { GTMEntity($0, idKey: "folderId", normalizeType: false) } ?? []
        var templates: [String: String] = [:]
        for template in version["customTemplate"]?.items ?? [] {
            if let id = template["templateId"]?.text, let name = template["name"]?.text { templates["cvt_\(id)"] = name }
        }
        customTemplates = templates
    }

    /// `customEvent` → `CUSTOM_EVENT`; already upper-case text unchanged.
    static func upperSnake(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.isLowercase }) else { return text }
        var out = ""
        var previous: Unicode.Scalar?
        for c in text.unicodeScalars {
            if c.properties.isUppercase, let p = previous, p.properties.isLowercase || ("0"..."9").contains(p) { out += "_" }
            out += String(c).uppercased()
            previous = c
        }
        return out
    }

    /// `Page Path` for the text `{{Page Path}}` (whole value a single reference), else nil.
    static func reference(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.count > 4 else { return nil }
        let inner = trimmed.dropFirst(2).dropLast(2)
        guard !inner.contains("{{"), !inner.contains("}}") else { return nil }
        return String(inner)
    }
}

extension JSONValue {
    /// A string, or a number or boolean as text (API exports sometimes write ids as numbers).
    var text: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// The elements of an array (none for anything else).
    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
