import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Checks that a GTM container export has an importable shape.
///
/// It checks what GTM's import relies on: `exportFormatVersion` 2; numeric string ids unique
/// per entity type; names unique per type; every `firingTriggerId`/`blockingTriggerId` resolving
/// to a trigger of the file or a built-in trigger; every `parentFolderId` resolving to a folder;
/// every `{{…}}` reference in a parameter or condition naming a variable of the file, a listed
/// built-in variable, or a GTM internal variable (`_event`…); every parameter value a string.
/// The compiler runs it on everything it writes; it also accepts real exports.
public struct GTMShapeChecker {
    /// The problems found, empty when the container is importable.
    public static func problems(in container: JSONValue) -> [String] {
        guard container["exportFormatVersion"] == .int(2) else {
            return ["`exportFormatVersion` is not 2"]
        }
        guard let version = container["containerVersion"], case .object = version else {
            return ["`containerVersion` is missing"]
        }
        func entities(_ key: String) -> [JSONValue] {
            if case .array(let items)? = version[key] { return items }
            return []
        }
        var checker = GTMShapeChecker()
        for kind in Kind.allCases {
            for item in entities(kind.rawValue) { checker.declare(kind, item) }
        }
        checker.triggerIDs = checker.declaredIDs[.trigger] ?? []
        checker.folderIDs = checker.declaredIDs[.folder] ?? []
        checker.variableNames = Set(entities("variable").compactMap { string($0["name"]) })
        for builtin in entities("builtInVariable") {
            if let name = string(builtin["name"]) { checker.variableNames.insert(name) }
        }
        for kind in [Kind.tag, .trigger, .variable] {
            for item in entities(kind.rawValue) { checker.checkReferences(kind, item) }
        }
        return checker.problems
    }

    /// The kinds of entity with an id, in the order of a container export.
    public enum Kind: String, CaseIterable, Sendable {
        case tag, trigger, variable, folder

        var idKey: String {
            switch self {
            case .tag: "tagId"
            case .trigger: "triggerId"
            case .variable: "variableId"
            case .folder: "folderId"
            }
        }
    }

    /// What was found so far.
    public private(set) var problems: [String] = []
    /// The trigger ids a firing trigger may name (besides GTM's built-in ones).
    public var triggerIDs: Set<String> = []
    /// The folder ids a `parentFolderId` may name.
    public var folderIDs: Set<String> = []
    /// The variable names a `{{…}}` reference may name (variables and built-in variables).
    public var variableNames: Set<String> = []
    /// The ids declared, by kind.
    public private(set) var declaredIDs: [Kind: Set<String>] = [:]
    private var declaredNames: [Kind: Set<String>] = [:]

    /// A checker with nothing declared; set what references may name before checking them.
    public init() {}

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    /// Records one entity: its id is a unique numeric string, its name unique, its type present.
    public mutating func declare(_ kind: Kind, _ item: JSONValue) {
        guard let id = Self.string(item[kind.idKey]), !id.isEmpty, id.allSatisfy(\.isNumber) else {
            problems.append("a \(kind.rawValue) has no numeric string `\(kind.idKey)`")
            return
        }
        if !declaredIDs[kind, default: []].insert(id).inserted { problems.append("\(kind.rawValue) id \(id) is used twice") }
        guard let name = Self.string(item["name"]), !name.isEmpty else {
            problems.append("\(kind.rawValue) \(id) has no name")
            return
        }
        if !declaredNames[kind, default: []].insert(name).inserted { problems.append("\(kind.rawValue) name `\(name)` is used twice") }
        if kind != .folder, Self.string(item["type"]) == nil { problems.append("\(kind.rawValue) `\(name)` has no type") }
    }

    /// Checks one entity's references: its folder, its firing and blocking triggers, and every
    /// parameter (values are strings, `{{…}}` references resolve).
    public mutating func checkReferences(_ kind: Kind, _ item: JSONValue) {
        let name = Self.string(item["name"]) ?? "?"
        if let folder = Self.string(item["parentFolderId"]), !folderIDs.contains(folder) {
            problems.append("\(kind.rawValue) `\(name)` is in folder \(folder), which does not exist")
        }
        if kind == .tag {
            for key in ["firingTriggerId", "blockingTriggerId"] {
                guard case .array(let refs)? = item[key] else { continue }
                for ref in refs {
                    guard let id = Self.string(ref) else {
                        problems.append("tag `\(name)` has a non-string `\(key)`")
                        continue
                    }
                    if !triggerIDs.contains(id) && !GTMCompiler.builtInTriggerIDs.contains(id) {
                        problems.append("tag `\(name)` fires on trigger \(id), which does not exist")
                    }
                }
            }
        }
        guard case .object(let members) = item else { return }
        for member in members where !Self.isNonParameterKey(member.key) {
            // The owner's description is made only for a problem (asked for every entity written).
            Self.checkParameters(member.value, in: "\(kind.rawValue) `\(name)`", variables: variableNames, problems: &problems)
        }
    }

    /// Records a problem found outside the entities (the compiler's own cross-checks).
    public mutating func report(_ problem: String) {
        problems.append(problem)
    }

    /// Walks parameter objects: each `value` must be a string, and `{{…}}` in it must resolve.
    static func checkParameters(_ value: JSONValue, in owner: @autoclosure () -> String, variables: Set<String>, problems: inout [String]) {
        switch value {
        case .array(let items):
            for item in items { checkParameters(item, in: owner(), variables: variables, problems: &problems) }
        case .object(let members):
            for member in members {
                if member.key == "value" {
                    switch member.value {
                    case .string(let text):
                        for reference in references(in: text) where !variables.contains(reference) && !reference.hasPrefix("_") {
                            problems.append("\(owner()) references `{{\(reference)}}`, which is neither a variable of the container nor a listed built-in variable")
                        }
                    case .array, .object:
                        checkParameters(member.value, in: owner(), variables: variables, problems: &problems)
                    default:
                        problems.append("\(owner()) has a parameter value that is not a string")
                    }
                } else {
                    checkParameters(member.value, in: owner(), variables: variables, problems: &problems)
                }
            }
        default:
            break
        }
    }

    /// The names inside `{{…}}` in `text`.
    static func references(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var result: [String] = []
            var i = 0
            while i + 1 < bytes.count {
                guard bytes[i] == brace, bytes[i + 1] == brace else { i += 1; continue }
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == close && bytes[j + 1] == close) { j += 1 }
                guard j + 1 < bytes.count else { break }
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<j]), as: UTF8.self))
                i = j + 2
            }
            return result
        }
    }

    /// Whether `key` is an entity field that is not a parameter (ids, names, bookkeeping);
    /// compared directly, which is cheaper than hashing for keys this short, and asked for every
    /// member of every entity.
    static func isNonParameterKey(_ key: String) -> Bool {
        switch key {
        case "name", "notes", "accountId", "containerId", "fingerprint", "parentFolderId", "firingTriggerId",
             "blockingTriggerId", "tagId", "triggerId", "variableId", "type", "path", "tagManagerUrl": true
        default: false
        }
    }
}
