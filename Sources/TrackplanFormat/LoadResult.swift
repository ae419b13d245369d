import TrackplanCore

/// What loading a plan produced.
public struct LoadResult: Sendable {
    /// The plan, when the files could be read and had the shape of a plan. A plan is returned
    /// even when some entities were dropped for errors; check ``hasErrors``.
    public var plan: Plan?
    /// Every problem found, by file (in ``files`` order) and in source order.
    public var diagnostics: [Diagnostic]
    /// Every file read, the root first.
    public var files: [SourceFile]

    /// Creates a result.
    public init(plan: Plan?, diagnostics: [Diagnostic], files: [SourceFile]) {
        self.plan = plan
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The root plan file could not be read at all (exit status 2 for the CLI).
public struct PlanUnreadableError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why it could not be read.
    public var reason: String
    public var description: String { "cannot read plan `\(path)`: \(reason)" }
    /// The error as a report lists it.
    public var unreadable: FindingReport.Unreadable { .init(path: path, reason: reason, noun: "plan") }
}
