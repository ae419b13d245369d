import Foundation
import TrackplanCapture

/// What an analysis counts and how.
public struct AnalysisOptions: Sendable {
    /// What a unit of analysis is.
    public enum Unit: String, Sendable, CaseIterable {
        /// A session: `user_pseudo_id` + `ga_session_id`.
        case session
        /// A user: `user_pseudo_id`.
        case user
    }

    /// Sessions or users.
    public var unit: Unit = .session
    /// The macro-conversion every micro is measured against; nil: the one each micro `leads_to`.
    public var macro: String?
    /// The first day counted, inclusive: compared with the export's `event_date` (the daily
    /// table's day), else with the timestamp's UTC day.
    public var from: Date?
    /// The last day counted, inclusive.
    public var to: Date?
    /// Below this many units with a micro (or this many conversions), a row is flagged as
    /// insufficient data and not judged.
    public var minUnits = 30
    /// The funnel's steps as event names, instead of the plan's stages.
    public var funnelSteps: [String]?
    /// The inputs' format: GA4 export rows (the default) or a plain event log.
    public var inputFormat: CaptureFormat = .ga4Export
    /// Where a plain event log keeps each field.
    public var eventLog = EventLogFields()

    /// Default options.
    public init() {}
}
