import TrackplanCapture

/// What the checks record while the inputs stream by: for each check, occurrences grouped by
/// event, parameter and a detail (a layer, a type, a page type), each with its count, the first
/// few places it was seen and the values met. Its size grows with the number of distinct
/// problems, not with the size of the inputs.
public struct Tally: Sendable {
    /// What an occurrence is grouped under.
    public struct Key: Sendable, Hashable {
        /// The event name (planned or observed).
        public var event: String
        /// The parameter, or "".
        public var param: String
        /// A detail the check groups by, or "".
        public var detail: String
    }

    /// The occurrences under one key.
    public struct Entry: Sendable {
        /// How many times it occurred.
        public var count = 0
        /// The first places (at most ``Tally/maxSamples``).
        public var samples: [Evidence] = []
        /// Values met, with counts (at most ``Tally/maxValues`` distinct ones).
        public var values: [String: Int] = [:]
        /// The order values were first met.
        public var valueOrder: [String] = []
        /// The layer of the first occurrence.
        public var layer: CaptureLayer
    }

    /// Evidence kept per entry.
    public static let maxSamples = 3
    /// Distinct values kept per entry.
    public static let maxValues = 10

    private var entries: [String: [Key: Entry]] = [:]
    private var order: [String: [Key]] = [:]

    /// Creates an empty tally.
    public init() {}

    /// Records one occurrence for check `check`.
    public mutating func record(_ check: String, event: String, param: String = "", detail: String = "", value: String? = nil,
                                layer: CaptureLayer, evidence: Evidence) {
        let key = Key(event: event, param: param, detail: detail)
        var entry = entries[check]?[key] ?? {
            order[check, default: []].append(key)
            return Entry(layer: layer)
        }()
        entry.count += 1
        if entry.samples.count < Self.maxSamples, entry.samples.last != evidence { entry.samples.append(evidence) }
        if let value {
            if let n = entry.values[value] {
                entry.values[value] = n + 1
            } else if entry.values.count < Self.maxValues {
                entry.values[value] = 1
                entry.valueOrder.append(value)
            }
        }
        entries[check, default: [:]][key] = entry
    }

    /// The entries of `check`, in the order first recorded.
    public func entries(of check: String) -> [(key: Key, entry: Entry)] {
        guard let keys = order[check], let byKey = entries[check] else { return [] }
        return keys.compactMap { key in byKey[key].map { (key, $0) } }
    }
}
