import TrackplanCore

/// Reads GA4 hits listed one per line: a `/g/collect` URL, or a JSON object
/// `{"url": …, "body": …}` (a recorder's request log).
enum HitListReader {
    static func line(_ number: Int, _ line: LineReader.Line, summary: inout CaptureSummary,
                     onEvent: (ObservedEvent) throws -> Void) throws {
        let bytes: UnsafeBufferPointer<UInt8>
        switch line {
        case .tooLong(let length, let limit):
            CaptureReader.tooLong(number, bytes: length, limit: limit, &summary)
            return
        case .text(let text):
            bytes = text
        }
        summary.bytes += bytes.count + 1
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = Substring(text).trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        var url = String(trimmed)
        var body: String?
        if trimmed.hasPrefix("{") {
            let value: JSONValue
            do {
                value = try JSONByteParser.parse(bytes)
            } catch let failure as JSONByteParser.Failure {
                summary.problem(line: number, column: failure.offset + 1, "the line is not JSON: \(failure.message); it was skipped")
                return
            }
            guard case .string(let u) = value["url"] ?? .null else {
                summary.problem(line: number, "the request has no `url`; it was skipped")
                return
            }
            url = u
            if case .string(let b) = value["body"] ?? .null { body = b }
        }
        summary.records += 1
        switch GA4Hit.kind(url: url) {
        case .other: summary.skippedOtherRequests += 1; return
        case .universalAnalytics: summary.skippedUniversalAnalytics += 1; return
        case .ga4: break
        }
        summary.ga4Requests += 1
        let hit = GA4Hit(url: url, body: body)
        for (k, pairs) in hit.events.enumerated() {
            let evidence = Evidence(file: summary.path, line: number, eventInRequest: hit.events.count > 1 ? k + 1 : nil)
            guard let event = GA4HitEvents.event(pairs, evidence: evidence, timestamp: nil) else {
                summary.problem(line: number, "the GA4 hit has no event name (`en`); it was skipped")
                continue
            }
            summary.events += 1
            if let tid = event.measurementID { summary.measurementIDs[tid, default: 0] += 1 }
            try onEvent(event)
        }
    }
}
