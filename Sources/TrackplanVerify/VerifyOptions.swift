import TrackplanCore

/// How a verification is configured: severities, gates and scope.
public struct VerifyOptions: Sendable {
    /// Check id → severity, or nil to turn the check off.
    public var severities: [String: Severity?] = [:]
    /// Events that must be seen at least once (`--require`).
    public var required: [String] = []
    /// The lowest coverage that passes (`--min-coverage`), 0…1.
    public var minCoverage: Double?
    /// The lowest severity that fails the run.
    public var failOn: Severity = .error
    /// Count every planned event in coverage, not only those on page types the captures visited.
    public var scopeAll = false
    /// Two identical events closer than this (milliseconds) are one action fired twice.
    public var duplicateWindow: Double = 1000

    /// Default options.
    public init() {}
}
