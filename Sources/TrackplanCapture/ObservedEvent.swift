import TrackplanCore

/// One event as a capture or export shows it, whatever the input: the common shape `verify`
/// checks against the plan and `analyze` counts.
public struct ObservedEvent: Sendable, Hashable {
    /// The event name (`en` of a hit, `event` of a data layer push, `event_name` of an export row).
    public var name: String
    /// The parameters in the order seen. For a data layer push the names are key paths
    /// (`ecommerce.value`); for hits and exports they are GA4 parameter names.
    public var params: [ObservedParam]
    /// The user properties sent with it (`up.`/`upn.`, `user_properties`).
    public var userProperties: [ObservedParam]
    /// Where it was seen: the layer it belongs to.
    public var layer: CaptureLayer
    /// The page URL (`dl`, `page_location`), when known.
    public var pageURL: String?
    /// The GA4 measurement id (`tid`), for hits.
    public var measurementID: String?
    /// The client (`cid`, `user_pseudo_id`), when known.
    public var clientID: String?
    /// The session (`sid`, the `ga_session_id` param), when known.
    public var sessionID: String?
    /// When it happened, in milliseconds since 1970, when known.
    public var timestamp: Double?
    /// The day it belongs to as the export dates it (`event_date`, YYYYMMDD, in the property's
    /// time zone: the daily table's suffix), when known.
    public var date: String?
    /// Where in the input it was read.
    public var evidence: Evidence

    /// Creates an observed event.
    public init(name: String, params: [ObservedParam] = [], userProperties: [ObservedParam] = [], layer: CaptureLayer,
                pageURL: String? = nil, measurementID: String? = nil, clientID: String? = nil, sessionID: String? = nil,
                timestamp: Double? = nil, evidence: Evidence) {
        self.name = name
        self.params = params
        self.userProperties = userProperties
        self.layer = layer
        self.pageURL = pageURL
        self.measurementID = measurementID
        self.clientID = clientID
        self.sessionID = sessionID
        self.timestamp = timestamp
        self.evidence = evidence
    }

    /// The value of the parameter named `name`, when sent.
    public func value(of name: String) -> ObservedValue? { params.first { $0.name == name }?.value }

    /// The session key analyses group by: client and session id, when both are known.
    public var sessionKey: String? {
        guard let clientID, let sessionID else { return nil }
        return clientID + "\u{1F}" + sessionID
    }
}

/// A parameter as observed: its name and typed value.
public struct ObservedParam: Sendable, Hashable {
    /// The name (or data layer key path).
    public var name: String
    /// The value, typed as the input typed it.
    public var value: ObservedValue

    /// Creates a parameter.
    public init(_ name: String, _ value: ObservedValue) {
        self.name = name
        self.value = value
    }
}

/// A value with the type the wire or the export gave it.
public enum ObservedValue: Sendable, Hashable {
    /// Text (`ep.`, `string_value`, a JSON string).
    case string(String)
    /// A whole number (`int_value`, a JSON integer).
    case integer(Int)
    /// A number (`epn.`, `float_value`/`double_value`, a JSON number with a fraction).
    case number(Double)
    /// A JSON boolean (data layer pushes only).
    case boolean(Bool)
    /// GA4 e-commerce items: how many, and how many have neither an id nor a name.
    case items(count: Int, withoutIDOrName: Int)
    /// Another array, with its length.
    case array(count: Int)
    /// An object the reader did not flatten.
    case object
    /// An explicit null, or an export row whose value columns are all null.
    case null

    /// The type's name as reports show it.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .items: "items"
        case .array: "array"
        case .object: "object"
        case .null: "null"
        }
    }

    /// The value as reports quote it (items and arrays by their length).
    public var text: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .boolean(let b): b ? "true" : "false"
        case .items(let count, _): "\(count) item\(count == 1 ? "" : "s")"
        case .array(let count): "an array of \(count)"
        case .object: "an object"
        case .null: "null"
        }
    }
}

/// Which layer of the measurement chain an observation comes from.
public enum CaptureLayer: String, Sendable, Hashable, CaseIterable {
    /// What the site pushed to `window.dataLayer` (before GTM).
    case dataLayer = "data-layer"
    /// What the browser sent to GA4 (`/g/collect` hits, after GTM).
    case collect
    /// What GA4 stored (BigQuery export rows).
    case warehouse
}

/// Where in an input an observation was read: file, line, and for hits the HAR entry and the
/// event's place in a batched request.
public struct Evidence: Sendable, Hashable, CustomStringConvertible {
    /// The input's path, as given.
    public var file: String
    /// The 1-based line where the entry, push or row starts.
    public var line: Int
    /// The 1-based column (in bytes) where it starts: 1 for line-based inputs, the entry's own
    /// column in a HAR or dump written on one line.
    public var column: Int
    /// The 0-based HAR entry index (`log.entries[N]`), for HAR captures.
    public var entry: Int?
    /// The 1-based event number within a batched request, when it held more than one.
    public var eventInRequest: Int?
    /// The page the event was sent from, when known.
    public var page: String?

    /// Creates evidence.
    public init(file: String, line: Int, column: Int = 1, entry: Int? = nil, eventInRequest: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.entry = entry
        self.eventInRequest = eventInRequest
    }

    /// `capture.har entry 12 (event 2 of the request)`, `export.ndjson line 40`.
    public var description: String { SafeText.escapingControls(file) + " " + place }

    /// Where in its file: `entry 12 (event 2 of the request)`, `line 40`.
    public var place: String {
        var text = entry.map { "HAR entry \($0)" } ?? "line \(line)"
        if let eventInRequest { text += " (event \(eventInRequest) of the request)" }
        return text
    }

    /// The page, shortened for a report line: at most 100 characters, then `…`.
    public var shortPage: String? {
        page.map { $0.count > 100 ? String($0.prefix(99)) + "…" : $0 }
    }
}
