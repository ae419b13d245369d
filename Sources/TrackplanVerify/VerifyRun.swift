import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// Everything the checks conclude from, once the inputs are read.
public struct VerifyRun: Sendable {
    /// The plan, for locations of deprecated events and parameters.
    public var plan: Plan
    /// What the plan promises.
    public var spec: MeasurementSpec
    /// What the checks recorded.
    public var tally: Tally
    /// Per planned event name.
    public var stats: [String: EventStats]
    /// Events the plan does not have, by name, with counts (automatic GA4 events excluded).
    public var unplanned: [String: Int]
    /// GA4's automatic events the plan does not list, by name, with counts.
    public var automatic: [String: Int]
    /// What each input held.
    public var inputs: [CaptureSummary]
    /// The layers the inputs covered.
    public var layers: Set<CaptureLayer>
    /// The coverage figures.
    public var coverage: Coverage
    /// The options.
    public var options: VerifyOptions

    /// The stats of a planned event (empty when never seen).
    public func stats(_ event: String) -> EventStats { stats[event] ?? EventStats() }

    /// "pushes", "hits" or "rows": what one observation on `layer` is called.
    public static func noun(_ layer: CaptureLayer, _ count: Int) -> String {
        switch layer {
        case .dataLayer: count == 1 ? "push" : "pushes"
        case .collect: count == 1 ? "hit" : "hits"
        case .warehouse: count == 1 ? "row" : "rows"
        }
    }

    /// "3 of 10 hits (30%)".
    public static func share(_ part: Int, of whole: Int, _ layer: CaptureLayer) -> String {
        "\(part) of \(whole) \(noun(layer, whole))" + (whole > 0 ? " (\(percent(Double(part) / Double(whole))))" : "")
    }

    /// A type name with its article: "a string", "an integer", "items".
    public static func typePhrase(_ name: String) -> String {
        if name == "items" || name == "null" { return name }
        return (["a", "e", "i", "o", "u"].contains(name.prefix(1)) ? "an " : "a ") + name
    }

    /// "3 times", "once", "twice".
    public static func times(_ count: Int) -> String {
        count == 1 ? "once" : count == 2 ? "twice" : "\(count) times"
    }

    /// How the events of `layer` are said to arrive: "pushed to the data layer", "sent to GA4",
    /// "exported".
    public static func verb(_ layer: CaptureLayer) -> String {
        switch layer {
        case .dataLayer: "pushed to the data layer"
        case .collect: "sent to GA4"
        case .warehouse: "in the export"
        }
    }

    /// The types seen for `param` of `event` on `layer`, most first: "number 70%, string 30%".
    public func typeShares(_ event: String, _ param: String, _ layer: CaptureLayer) -> String {
        let types = stats(event).params[param]?.types[layer] ?? [:]
        let total = types.values.reduce(0, +)
        return types.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) \(Self.percent(Double($0.value) / Double(max(total, 1))))" }.joined(separator: ", ")
    }

    /// A ratio as a percentage: `30%`, `2.5%`, `<0.1%`.
    public static func percent(_ ratio: Double) -> String {
        let p = ratio * 100
        if p > 0 && p < 0.1 { return "<0.1%" }
        if p == p.rounded() { return "\(Int(p))%" }
        var tenth = (p * 10).rounded() / 10
        if ratio < 1, tenth >= 100 { tenth = 99.9 }
        if tenth == tenth.rounded() { return "\(Int(tenth))%" }
        return "\(tenth)%"
    }
}
