import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// One thing `verify` checks, in one file: its stable id, default severity and documentation,
/// an example that triggers it, and its logic — what it records while the inputs stream by
/// (``inspect(_:_:)``) and the findings it draws once they are read (``conclude(_:)``).
public protocol VerifyCheck: Sendable {
    /// The check's id, default severity, summary and rationale.
    static var description: RuleDescription { get }
    /// A plan and a capture that trigger it; the documentation shows what it reports.
    static var example: VerifyExample { get }
    /// Creates the check.
    init()
    /// Looks at one observed event and records what it finds in `tally`.
    func inspect(_ observation: Observation, _ tally: inout Tally)
    /// The findings, once every input is read.
    func conclude(_ run: VerifyRun) -> [VerifyFinding]
}

extension VerifyCheck {
    /// The check's id.
    public static var id: String { description.id }
    public func inspect(_ observation: Observation, _ tally: inout Tally) {}
}

/// An example for a check's documentation and tests: a plan and a capture in one of the
/// line-based formats.
public struct VerifyExample: Sendable {
    /// The plan's YAML.
    public var plan: String
    /// The capture's content.
    public var capture: String
    /// The capture's format.
    public var format: CaptureFormat
    /// Extra inputs given alongside (a HAR of the same page loads for the layer checks).
    public var more: [(content: String, format: CaptureFormat)]

    /// Creates an example.
    public init(plan: String, capture: String, format: CaptureFormat, more: [(content: String, format: CaptureFormat)] = []) {
        self.plan = plan
        self.capture = capture
        self.format = format
        self.more = more
    }

    /// The file name the capture gets in the documentation.
    public var captureName: String {
        switch format {
        case .dataLayer: "datalayer.ndjson"
        case .ga4Export: "export.ndjson"
        case .hits: "hits.txt"
        case .har: "capture.har"
        case .eventLog: "events.ndjson"
        }
    }
}

/// What a check found, before the verifier gives it the check's id and configured severity.
public struct VerifyFinding: Sendable {
    /// What is wrong, naming the event, parameter and figures.
    public var message: String
    /// The planned event concerned, when there is one (the finding points at its line).
    public var event: String?
    /// The parameter concerned, when there is one.
    public var param: String?
    /// How to fix it.
    public var hint: String?
    /// Where it was seen (the first few places).
    public var evidence: [Evidence]
    /// A severity other than the check's default, for findings that pick their own.
    public var severity: Severity?
    /// Where it is when no planned event is concerned (a line of the plan, or of a capture).
    public var location: (file: String, line: Int, column: Int)?

    /// Creates a finding.
    public init(_ message: String, event: String? = nil, param: String? = nil, hint: String? = nil, evidence: [Evidence] = [],
                severity: Severity? = nil, location: (file: String, line: Int, column: Int)? = nil) {
        self.message = message
        self.event = event
        self.param = param
        self.hint = hint
        self.evidence = evidence
        self.severity = severity
        self.location = location
    }
}

/// One observed event as the checks see it: matched to its planned event on its layer, with
/// the page types its URL belongs to.
public struct Observation: Sendable {
    /// The event as read.
    public var event: ObservedEvent
    /// What the plan expects of it on its layer; nil when the plan has no such event.
    public var expectation: Expectation?
    /// Whether its name is a deprecated event of the plan.
    public var isDeprecated: Bool
    /// Whether GA4 collects it on its own (page_view, session_start, Enhanced Measurement) and
    /// the plan does not list it.
    public var isAutomatic: Bool
    /// The ids of the page types its page URL matches (empty when unknown or none).
    public var pageTypes: [String]
    /// The earlier identical event it repeats (same name, page and parameters, within the
    /// duplicate window), when it does.
    public var repeats: Evidence?
}
