import TrackplanCore

/// Why an analysis document cannot be used.
public struct MeasuredSignalError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// What `trackplan analyze` measured for one micro-conversion, as read back from its JSON
/// (`trackplan.analysis/1`), so `trackplan build --analysis` can show it next to the declared
/// signal.
public struct MeasuredSignal: Sendable, Hashable {
    /// The micro-conversion.
    public var micro: String
    /// The macro it was measured against.
    public var macro: String
    /// The phi coefficient, when defined.
    public var phi: Double?
    /// The lift (infinity when nobody without the micro converted), when defined.
    public var lift: Double?
    /// The lift's 95% confidence interval, when defined.
    public var interval: ClosedRange<Double>?
    /// Units with the micro.
    public var units: Int
    /// What a unit was (`session`, `user`).
    public var unit: String
    /// Whether there was too little data to judge it.
    public var insufficient: Bool

    /// The measured signals of an analysis document, by micro name.
    public static func parse(_ text: String) throws -> [String: MeasuredSignal] {
        let document = try JSONParser.parse(text)
        guard document["schema"] == .string("trackplan.analysis/1") else {
            throw MeasuredSignalError(description: "not a `trackplan analyze --format json` document (schema trackplan.analysis/1)")
        }
        guard case .array(let rows) = document["lift"] ?? .null else { return [:] }
        var unit = "session"
        if case .string(let u) = document["unit"] ?? .null { unit = u }
        func number(_ v: JSONValue?) -> Double? {
            switch v ?? .null {
            case .int(let i): Double(i)
            case .double(let d): d
            case .string("Infinity"): .infinity
            default: nil
            }
        }
        var result: [String: MeasuredSignal] = [:]
        for row in rows {
            guard case .string(let micro) = row["micro"] ?? .null, case .string(let macro) = row["macro"] ?? .null else { continue }
            var interval: ClosedRange<Double>?
            if case .array(let ci) = row["lift_ci95"] ?? .null, ci.count == 2, let low = number(ci[0]), let high = number(ci[1]), low <= high {
                interval = low...high
            }
            var units = 0
            if case .int(let n) = row["with_micro"] ?? .null { units = n }
            result[micro] = MeasuredSignal(micro: micro, macro: macro, phi: number(row["phi"]), lift: number(row["lift"]), interval: interval,
                                           units: units, unit: unit, insufficient: row["insufficient_data"] == .bool(true))
        }
        return result
    }
}
