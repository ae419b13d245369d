import TrackplanCapture

/// How often a planned event was seen, where, and with which parameters and types.
public struct EventStats: Sendable {
    /// Observations per layer.
    public var counts: [CaptureLayer: Int] = [:]
    /// Observations per page type id (one observation can count for several page types).
    public var pageTypes: [String: Int] = [:]
    /// Per planned parameter name.
    public var params: [String: ParamStats] = [:]
    /// Where it was first seen, per layer.
    public var first: [CaptureLayer: Evidence] = [:]

    /// Observations on every layer.
    public var total: Int { counts.values.reduce(0, +) }
}

/// How often a planned parameter was present, per layer, and with which types.
public struct ParamStats: Sendable {
    /// Observations of its event that carried it (not null), per layer.
    public var present: [CaptureLayer: Int] = [:]
    /// Observations of its event where it is checkable, per layer.
    public var expected: [CaptureLayer: Int] = [:]
    /// The types it was seen with, per layer and type name.
    public var types: [CaptureLayer: [String: Int]] = [:]
}
