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
public enum GTMShapeChecker {
    /// The problems found, empty when the container is importable.
    public static func problems(in container: JSONValue) -> [String] {
        var problems: [String] = []
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
        func string(_ value: JSONValue?) -> String? {
            if case .string(let s)? = value { return s }
            return nil
        }
        var ids: [String: Set<String>] = [:]
        for (kind, idKey) in [("tag", "tagId"), ("trigger", "triggerId"), ("variable", "variableId"), ("folder", "folderId")] {
            var seenIDs: Set<String> = []
            var seenNames: Set<String> = []
            for item in entities(kind) {
                guard let id = string(item[idKey]), !id.isEmpty, id.allSatisfy(\.isNumber) else {
                    problems.append("a \(kind) has no numeric string `\(idKey)`")
                    continue
                }
                if !seenIDs.insert(id).inserted { problems.append("\(kind) id \(id) is used twice") }
                guard let name = string(item["name"]), !name.isEmpty else {
                    problems.append("\(kind) \(id) has no name")
                    continue
                }
                if !seenNames.insert(name).inserted { problems.append("\(kind) name `\(name)` is used twice") }
                if kind != "folder", string(item["type"]) == nil { problems.append("\(kind) `\(name)` has no type") }
            }
            ids[kind] = seenIDs
        }
        let triggerIDs = ids["trigger"] ?? []
        let folderIDs = ids["folder"] ?? []
        var variableNames = Set(entities("variable").compactMap { string($0["name"]) })
        for builtin in entities("builtInVariable") {
            if let name = string(builtin["name"]) { variableNames.insert(name) }
        }
        for kind in ["tag", "trigger", "variable"] {
            for item in entities(kind) {
                let name = string(item["name"]) ?? "?"
                if let folder = string(item["parentFolderId"]), !folderIDs.contains(folder) {
                    problems.append("\(kind) `\(name)` is in folder \(folder), which does not exist")
                }
                if kind == "tag" {
                    for key in ["firingTriggerId", "blockingTriggerId"] {
                        guard case .array(let refs)? = item[key] else { continue }
                        for ref in refs {
                            guard let id = string(ref) else {
                                problems.append("tag `\(name)` has a non-string `\(key)`")
                                continue
                            }
                            if !triggerIDs.contains(id) && !GTMCompiler.builtInTriggerIDs.contains(id) {
                                problems.append("tag `\(name)` fires on trigger \(id), which does not exist")
                            }
                        }
                    }
                }
                // Every parameter-like object: values are strings, references resolve.
                guard case .object(let members) = item else { continue }
                for member in members where !nonParameterKeys.contains(member.key) {
                    checkParameters(member.value, in: "\(kind) `\(name)`", variables: variableNames, problems: &problems)
                }
            }
        }
        return problems
    }

    /// Walks parameter objects: each `value` must be a string, and `{{…}}` in it must resolve.
    static func checkParameters(_ value: JSONValue, in owner: String, variables: Set<String>, problems: inout [String]) {
        switch value {
        case .array(let items):
            for item in items { checkParameters(item, in: owner, variables: variables, problems: &problems) }
        case .object(let members):
            for member in members {
                if member.key == "value" {
                    switch member.value {
                    case .string(let text):
                        for reference in references(in: text) where !variables.contains(reference) && !reference.hasPrefix("_") {
                            problems.append("\(owner) references `{{\(reference)}}`, which is neither a variable of the container nor a listed built-in variable")
                        }
                    case .array, .object:
                        checkParameters(member.value, in: owner, variables: variables, problems: &problems)
                    default:
                        problems.append("\(owner) has a parameter value that is not a string")
                    }
                } else {
                    checkParameters(member.value, in: owner, variables: variables, problems: &problems)
                }
            }
        default:
            break
        }
    }

    /// The names inside `{{…}}` in `text`.
    static func references(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var result: [String] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == brace, bytes[i + 1] == brace else { i += 1; continue }
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == close && bytes[j + 1] == close) { j += 1 }
            guard j + 1 < bytes.count else { break }
            result.append(String(decoding: bytes[(i + 2)..<j], as: UTF8.self))
            i = j + 2
        }
        return result
    }

    /// Entity fields that are not parameters (ids, names, bookkeeping).
    static let nonParameterKeys: Set<String> = ["name", "notes", "accountId", "containerId", "fingerprint", "parentFolderId",
                                                 "firingTriggerId", "blockingTriggerId", "tagId", "triggerId", "variableId",
                                                 "type", "path", "tagManagerUrl"]
}
