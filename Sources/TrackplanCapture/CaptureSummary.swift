import TrackplanCore

/// A located problem in an input that was otherwise read: a broken line, a cut-off HAR, text
/// that is not UTF-8, a hit without an event name. The rest of the input is still checked.
public struct CaptureProblem: Sendable, Hashable {
    /// The input's path, as given.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column (in bytes), when known.
    public var column: Int?
    /// What is wrong and what was done about it.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// What reading one input found besides its events: how much was read and skipped, and the
/// problems met.
public struct CaptureSummary: Sendable {
    /// The input's path, as given.
    public var path: String
    /// Its format.
    public var format: CaptureFormat
    /// The events handed over.
    public var events = 0
    /// HAR entries, hit lines or rows read.
    public var records = 0
    /// GA4 requests (HAR and hit lists).
    public var ga4Requests = 0
    /// Universal Analytics hits skipped.
    public var skippedUniversalAnalytics = 0
    /// Other requests skipped (pixels, scripts, pages).
    public var skippedOtherRequests = 0
    /// GTM's own `gtm.*` events skipped.
    public var skippedGTMEvents = 0
    /// Data layer pushes without an event (state updates, gtag commands other than `event`).
    public var pushesWithoutEvent = 0
    /// The problems met, at most ``CaptureReader/maxProblemsPerInput`` of them.
    public var problems: [CaptureProblem] = []
    /// How many problems there were in all.
    public var problemCount = 0
    /// How many events each GA4 measurement id (`tid`) received.
    public var measurementIDs: [String: Int] = [:]
    /// The bytes read.
    public var bytes = 0

    /// Creates an empty summary.
    public init(path: String, format: CaptureFormat) {
        self.path = path
        self.format = format
    }

    mutating func problem(line: Int, column: Int? = nil, _ message: String) {
        problemCount += 1
        if problems.count < CaptureReader.maxProblemsPerInput {
            problems.append(CaptureProblem(file: path, line: line, column: column, message: message))
        }
    }

    /// One line saying what was read and skipped: "3 GA4 requests, 4 events; 88 other
    /// requests and 6 Universal Analytics hits skipped".
    public var account: String {
        func n(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
        }
        var read: [String] = []
        switch format {
        case .har, .hits: read.append(n(ga4Requests, "GA4 request"))
        case .dataLayer: read.append(n(records, "push", "pushes"))
        case .ga4Export, .eventLog: read.append(n(records, "row"))
        }
        read.append(n(events, "event"))
        var skipped: [String] = []
        if skippedOtherRequests > 0 { skipped.append(n(skippedOtherRequests, "other request")) }
        if skippedUniversalAnalytics > 0 { skipped.append(n(skippedUniversalAnalytics, "Universal Analytics hit")) }
        if skippedGTMEvents > 0 { skipped.append(n(skippedGTMEvents, "GTM event") + " (gtm.*)") }
        if pushesWithoutEvent > 0 { skipped.append(n(pushesWithoutEvent, "push", "pushes") + " without an event") }
        var text = read.joined(separator: ", ")
        if !skipped.isEmpty { text += "; skipped " + skipped.joined(separator: ", ") }
        if problemCount > 0 { text += "; " + n(problemCount, "problem") }
        return text
    }
}
