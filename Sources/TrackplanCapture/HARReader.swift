import Foundation
import TrackplanCore

/// Reads the GA4 hits of a HAR file (`log.entries[].request`): the URL's query string and the
/// POST body (`postData.text`). Entries are parsed and handled one at a time.
enum HARReader {
    static func read(handle: FileHandle, head: [UInt8], summary: inout CaptureSummary,
                     onEvent: (ObservedEvent) throws -> Void) throws {
        var sawEntries = false
        let root = try WholeJSONReader.read(handle: handle, head: head, stream: .memberArray("entries"), what: "the HAR",
                                            unit: ("entry", "entries"), summary: &summary) { entry, index, line, column, summary in
            sawEntries = true
            try Self.entry(entry, index: index, line: (line, column), summary: &summary, onEvent: onEvent)
        }
        if let root, root["log"] == nil || !sawEntries && root["log"]?["entries"] == nil {
            summary.problem(line: 1, "this JSON file has no `log.entries`, so it is not a HAR; nothing was read from it")
        }
    }

    static func entry(_ entry: JSONValue, index: Int, line position: (line: Int, column: Int), summary: inout CaptureSummary,
                      onEvent: (ObservedEvent) throws -> Void) throws {
        summary.records += 1
        let line = position.line
        guard case .string(let url) = entry["request"]?["url"] ?? .null else {
            summary.problem(line: line, "HAR entry \(index) has no `request.url`; it was skipped")
            return
        }
        switch GA4Hit.kind(url: url) {
        case .other: summary.skippedOtherRequests += 1; return
        case .universalAnalytics: summary.skippedUniversalAnalytics += 1; return
        case .ga4: break
        }
        summary.ga4Requests += 1
        var body: String?
        if case .string(let text) = entry["request"]?["postData"]?["text"] ?? .null { body = text }
        var timestamp: Double?
        if case .string(let started) = entry["startedDateTime"] ?? .null { timestamp = Timestamps.milliseconds(iso8601: started) }
        let hit = GA4Hit(url: url, body: body)
        for (k, pairs) in hit.events.enumerated() {
            let evidence = Evidence(file: summary.path, line: line, column: position.column, entry: index, eventInRequest: hit.events.count > 1 ? k + 1 : nil)
            guard let event = GA4HitEvents.event(pairs, evidence: evidence, timestamp: timestamp) else {
                summary.problem(line: line, "HAR entry \(index)\(hit.events.count > 1 ? ", event \(k + 1)," : "") is a GA4 hit without an event name (`en`); it was skipped")
                continue
            }
            summary.events += 1
            if let tid = event.measurementID { summary.measurementIDs[tid, default: 0] += 1 }
            try onEvent(event)
        }
    }
}

/// Times as captures write them.
enum Timestamps {
    /// Milliseconds since 1970 of an ISO 8601 date-time (`2023-06-07T19:33:48.123Z`,
    /// `…+02:00`), or nil.
    static func milliseconds(iso8601 text: String) -> Double? {
        // Format styles are values: made once, not per entry or per row.
        let date = (try? Date(text, strategy: withFraction)) ?? (try? Date(text, strategy: withoutFraction))
        return date.map { $0.timeIntervalSince1970 * 1000 }
    }

    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let withoutFraction = Date.ISO8601FormatStyle()
}

/// Turns increasing byte offsets into lines and columns without rescanning the file.
struct LineTracker {
    private var offset = 0, line = 1, lineStart = 0

    /// The 1-based line and column (in bytes) of `target`, which must not be before the last one asked.
    mutating func position(of target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        for k in offset..<max(offset, min(target, buffer.count)) where buffer[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        offset = max(offset, target)
        return (line, target - lineStart + 1)
    }
}
