import Foundation
import TrackplanCore

/// Reads data layer pushes: `{event: NAME, …keys}` objects (GTM's data layer), and gtag.js
/// commands as a dump serializes them (`{"0": "event", "1": NAME, "2": {params}}`). GTM's own
/// `gtm.*` events and pushes without an event are counted and skipped.
enum DataLayerReader {
    /// Keys GTM and the site use to steer a push rather than to carry data.
    static let controlKeys: Set<String> = ["event", "eventCallback", "eventTimeout", "gtm.uniqueEventId", "gtm.start", "gtm.element",
                                           "gtm.elementClasses", "gtm.elementId", "gtm.elementTarget", "gtm.elementUrl",
                                           "gtm.triggers", "gtm.historyChangeSource"]
    /// How deep nested objects are flattened into key paths.
    static let maxDepth = 6

    /// Reads a JSON array of pushes, element by element.
    static func readArray(handle: FileHandle, head: [UInt8], summary: inout CaptureSummary,
                          onEvent: (ObservedEvent) throws -> Void) throws {
        _ = try WholeJSONReader.read(handle: handle, head: head, stream: .topLevelArray, what: "the data layer dump",
                                     unit: ("push", "pushes"), summary: &summary) { push, _, line, column, summary in
            try Self.push(push, line: line, column: column, summary: &summary, onEvent: onEvent)
        }
    }

    /// Handles one push.
    static func push(_ push: JSONValue, line: Int, column: Int = 1, summary: inout CaptureSummary, onEvent: (ObservedEvent) throws -> Void) throws {
        summary.records += 1
        guard case .object(let members) = push else {
            summary.pushesWithoutEvent += 1
            return
        }
        // A gtag.js command: arguments serialize as {"0": command, "1": …, "2": …}.
        if case .string(let command) = push["0"] ?? .null {
            guard command == "event", case .string(let name) = push["1"] ?? .null else {
                summary.pushesWithoutEvent += 1
                return
            }
            var params: [ObservedParam] = []
            if case .object(let args) = push["2"] ?? .null {
                for arg in args { flatten(arg.value, path: arg.key, depth: 1, into: &params) }
            }
            try emit(name: name, params: params, line: line, column: column, summary: &summary, onEvent: onEvent)
            return
        }
        guard case .string(let name) = push["event"] ?? .null else {
            summary.pushesWithoutEvent += 1
            return
        }
        if name.hasPrefix("gtm.") {
            summary.skippedGTMEvents += 1
            return
        }
        var params: [ObservedParam] = []
        for member in members where !controlKeys.contains(member.key) {
            flatten(member.value, path: member.key, depth: 1, into: &params)
        }
        try emit(name: name, params: params, line: line, column: column, summary: &summary, onEvent: onEvent)
    }

    static func emit(name: String, params: [ObservedParam], line: Int, column: Int, summary: inout CaptureSummary,
                     onEvent: (ObservedEvent) throws -> Void) throws {
        var event = ObservedEvent(name: name, params: params, layer: .dataLayer,
                                  evidence: Evidence(file: summary.path, line: line, column: column))
        if case .string(let url) = params.first(where: { $0.name == "page_location" })?.value {
            event.pageURL = url
            event.evidence.page = url
        }
        summary.events += 1
        try onEvent(event)
    }

    /// Adds `value` under `path`, objects flattened into `path.key` entries.
    static func flatten(_ value: JSONValue, path: String, depth: Int, into params: inout [ObservedParam]) {
        switch value {
        case .object(let members) where depth < maxDepth:
            if members.isEmpty { params.append(ObservedParam(path, .object)) }
            for member in members { flatten(member.value, path: path + "." + member.key, depth: depth + 1, into: &params) }
        case .array(let elements) where depth < maxDepth:
            params.append(ObservedParam(path, observed(value, key: path)))
            // The first element's fields too, as plans read them (`ecommerce.items.0.item_id`).
            if case .object(let members)? = elements.first {
                for member in members { flatten(member.value, path: path + ".0." + member.key, depth: depth + 2, into: &params) }
            }
        default:
            params.append(ObservedParam(path, observed(value, key: path)))
        }
    }

    /// A JSON value as an observed value; an array under a key named `items` is read as GA4 items.
    static func observed(_ value: JSONValue, key: String) -> ObservedValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .boolean(b)
        case .int(let i): return .integer(i)
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .object: return .object
        case .array(let elements):
            guard key == "items" || key.hasSuffix(".items") else { return .array(count: elements.count) }
            let without = elements.filter { item in
                func present(_ k: String) -> Bool {
                    switch item[k] {
                    case .none, .null: false
                    case .string(let s): !s.isEmpty
                    default: true
                    }
                }
                return !present("item_id") && !present("item_name")
            }.count
            return .items(count: elements.count, withoutIDOrName: without)
        }
    }
}
