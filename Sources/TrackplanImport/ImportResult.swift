import TrackplanCore
import TrackplanFormat

/// What an import produced: the plan, the comments that go into its YAML, and the report.
public struct ImportResult: Sendable {
    /// The plan built from the source.
    public var plan: Plan
    /// Comments for the written YAML: proposals and what could not be mapped, at their place.
    public var comments: PlanComments
    /// Every entity of the source and what became of it.
    public var report: ImportReport

    /// Creates a result.
    public init(plan: Plan, comments: PlanComments, report: ImportReport) {
        self.plan = plan
        self.comments = comments
        self.report = report
    }
}

/// The source could not be imported at all (unreadable, not JSON, not a known format).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, located when it can be (`file:line:column`).
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
