/// The kinds of input `verify` (and `analyze`) read, detected from content.
public enum CaptureFormat: String, Sendable, CaseIterable {
    /// A HAR file (Chrome DevTools "Save all as HAR", Playwright `recordHar`): its GA4
    /// `/g/collect` requests.
    case har
    /// A data layer dump: a JSON array of pushes (`window.dataLayer`), or NDJSON of pushes.
    case dataLayer = "datalayer"
    /// GA4 BigQuery export rows as NDJSON (`event_name`, `event_params`, …).
    case ga4Export = "ga4-export"
    /// GA4 hits without a HAR around them: one `/g/collect` URL per line, or NDJSON of
    /// `{"url": …, "body": …}` request objects.
    case hits
    /// A plain event log (not GA4's): NDJSON or CSV, with configurable field names (`analyze`).
    case eventLog = "event-log"

    /// What the format is, for messages and help.
    public var title: String {
        switch self {
        case .har: "HAR capture"
        case .dataLayer: "data layer dump"
        case .ga4Export: "GA4 BigQuery export"
        case .hits: "list of GA4 hits"
        case .eventLog: "event log"
        }
    }

    /// The format of a file that starts with `head` (its first bytes), or nil when it is none of
    /// them; `firstLine` is the head's first non-empty line, parsed when it is a JSON object.
    static func detect(head: [UInt8], firstLineObject: JSONValueLookup?) -> CaptureFormat? {
        let k = CaptureReader.contentStart(head)
        guard k < head.count else { return nil }
        switch head[k] {
        case UInt8(ascii: "["):
            return .dataLayer
        case UInt8(ascii: "{"):
            var j = k + 1
            while j < head.count, CaptureReader.isSpace(head[j]) { j += 1 }
            if head[j...].starts(with: Array("\"log\"".utf8)) { return .har }
            guard let object = firstLineObject else { return nil }
            if object.has("event_name") { return .ga4Export }
            if let url = object.string("url"), GA4Hit.kind(url: url) != .other { return .hits }
            if object.has("log") { return .har }
            return .dataLayer
        default:
            let text = String(decoding: head[k...].prefix(4096), as: UTF8.self)
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if firstLine.contains("/collect") { return .hits }
            return nil
        }
    }
}

/// The little a format check needs of a parsed first line.
struct JSONValueLookup {
    var keys: Set<String>
    var strings: [String: String]

    func has(_ key: String) -> Bool { keys.contains(key) }
    func string(_ key: String) -> String? { strings[key] }
}
