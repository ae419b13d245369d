import Foundation
import TrackplanCore

/// Where a plain event log (for data that is not GA4's) keeps each field.
public struct EventLogFields: Sendable, Hashable {
    /// The event name's field.
    public var event = "event"
    /// The user's field (when absent from the log, the session stands for the user).
    public var user = "user_id"
    /// The session's field.
    public var session = "session_id"
    /// The time's field: epoch milliseconds or seconds, or an ISO 8601 date-time.
    public var time = "timestamp"
    /// The field of a record that holds an array of events (each with the event, time and
    /// page fields), when a line is a session or user with its events; the record's own user and
    /// session fields apply to them.
    public var events: String?
    /// The page URL's field, when the log has one.
    public var page = "page_location"

    /// The defaults.
    public init() {}
}

/// Reads a plain event log: NDJSON (one event, or one record with an array of events, per
/// line) or CSV with a header row. Field names come from ``EventLogFields``.
enum EventLogReader {
    /// Reads NDJSON lines.
    static func json(_ value: JSONValue, line: Int, fields: EventLogFields, summary: inout CaptureSummary,
                     onEvent: (ObservedEvent) throws -> Void) throws {
        summary.records += 1
        try events(of: value, line: line, fields: fields, summary: &summary, onEvent: onEvent)
    }

    /// The events of one record (one event, or a record with an array of events).
    static func events(of value: JSONValue, line: Int, fields: EventLogFields, summary: inout CaptureSummary,
                       onEvent: (ObservedEvent) throws -> Void) throws {
        guard case .object = value else {
            summary.problem(line: line, "the line is not a JSON object; it was skipped")
            return
        }
        let user = text(value[fields.user]), session = text(value[fields.session])
        var records: [JSONValue] = [value]
        if let key = fields.events {
            guard case .array(let events) = value[key] ?? .null else {
                summary.problem(line: line, "the record has no `\(key)` array of events; it was skipped")
                return
            }
            records = events
        }
        for record in records {
            guard let name = text(record[fields.event]), !name.isEmpty else {
                summary.problem(line: line, "an event without `\(fields.event)`; it was skipped")
                continue
            }
            var event = ObservedEvent(name: name, layer: .warehouse, evidence: Evidence(file: summary.path, line: line))
            let eventSession = text(record[fields.session]) ?? session
            event.sessionID = eventSession
            event.clientID = text(record[fields.user]) ?? user ?? eventSession
            event.timestamp = time(record[fields.time])
            if record[fields.time] != nil, record[fields.time] != .null, event.timestamp == nil {
                summary.problem(line: line, "`\(fields.time)` is neither epoch milliseconds or seconds nor an ISO 8601 date-time; the event was read without a time")
            }
            event.pageURL = text(record[fields.page])
            event.evidence.page = event.pageURL
            summary.events += 1
            try onEvent(event)
        }
    }

    /// Reads CSV lines: the first is the header.
    static func csv(_ line: String, number: Int, header: inout [String]?, fields: EventLogFields, summary: inout CaptureSummary,
                    onEvent: (ObservedEvent) throws -> Void) throws {
        guard let cells = cells(line) else {
            summary.problem(line: number, "an unterminated quoted field (fields cannot span lines); the line was skipped")
            return
        }
        guard let names = header else {
            header = cells
            for required in [fields.event] where !cells.contains(required) {
                summary.problem(line: number, "the header has no `\(required)` column (give the right one with --event-field)")
            }
            return
        }
        summary.records += 1
        var record: [JSONMember] = []
        for (k, name) in names.enumerated() where k < cells.count { record.append(JSONMember(name, .string(cells[k]))) }
        try events(of: .object(record), line: number, fields: fields, summary: &summary, onEvent: onEvent)
    }

    /// The fields of a CSV line (RFC 4180 quoting, on one line), or nil for an unterminated quote.
    static func cells(_ line: String) -> [String]? {
        var cells: [String] = [], cell = "", quoted = false, wasQuote = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; wasQuote = true } else { cell.append(c) }
            } else if c == "\"" {
                if wasQuote { cell.append("\"") }
                quoted = true
                wasQuote = false
            } else if c == "," {
                cells.append(cell); cell = ""; wasQuote = false
            } else {
                cell.append(c); wasQuote = false
            }
        }
        guard !quoted else { return nil }
        cells.append(cell)
        return cells
    }

    static func text(_ value: JSONValue?) -> String? {
        switch value ?? .null {
        case .string(let s): s.isEmpty ? nil : s
        case .int(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        default: nil
        }
    }

    /// Epoch milliseconds (or seconds, below 10^11), as a number or digits, or ISO 8601.
    static func time(_ value: JSONValue?) -> Double? {
        var number: Double?
        switch value ?? .null {
        case .int(let i): number = Double(i)
        case .double(let d): number = d
        case .string(let s):
            if let d = Double(s) { number = d } else { return Timestamps.milliseconds(iso8601: s) }
        default: return nil
        }
        guard let n = number, n.isFinite else { return nil }
        return n < 1e11 ? n * 1000 : n
    }
}
