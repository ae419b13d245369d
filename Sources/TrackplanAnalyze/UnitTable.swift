import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// Units (sessions or users) and what each did, accumulated from observed events as they stream
/// by: which planned events it had, and when the funnel's steps happened. Memory grows with the
/// number of units, not of events.
public struct UnitTable: Sendable {
    /// One unit's record.
    public struct Unit: Sendable {
        /// Bit i set: planned event i was seen.
        var seen: [UInt64]
        /// When each funnel step happened (step index, time), in input order.
        var steps: [(step: UInt8, time: Double)] = []
        /// Page types it visited (bit per page type).
        var pages: [UInt64]

        mutating func update(_ body: (inout Unit) -> Void) { body(&self) }

        func has(_ bit: Int, in bits: [UInt64]) -> Bool { bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        func saw(_ event: Int) -> Bool { has(event, in: seen) }
        func visited(_ pageType: Int) -> Bool { has(pageType, in: pages) }
    }

    /// The planned events counted, in plan order (active events).
    public let events: [String]
    /// The funnel steps: each a set of event indices.
    public let stepEvents: [Set<Int>]
    /// The page types, in plan order.
    public let pageTypes: [String]
    let unit: AnalysisOptions.Unit
    let eventIndex: [String: Int]
    let stepOfEvent: [Int: [UInt8]]
    private(set) var units: [String: Unit] = [:]
    /// Events read, counted, and set aside (with why), for the data-quality header.
    public private(set) var quality = DataQuality()
    private var sequence = 0.0
    private var resolver: PageTypeMatcher
    let from: Double?, to: Double?
    let fromDay: String?, toDay: String?

    init(spec: MeasurementSpec, steps: [Set<Int>], options: AnalysisOptions) {
        events = spec.events.map(\.name)
        var index: [String: Int] = [:]
        for (i, name) in events.enumerated() where index[name] == nil { index[name] = i }
        eventIndex = index
        stepEvents = steps
        var stepOf: [Int: [UInt8]] = [:]
        for (s, members) in steps.enumerated() { for e in members { stepOf[e, default: []].append(UInt8(s)) } }
        stepOfEvent = stepOf
        pageTypes = spec.pageTypes.map(\.id)
        resolver = PageTypeMatcher(spec.pageTypes)
        unit = options.unit
        from = options.from.map { $0.timeIntervalSince1970 * 1000 }
        to = options.to.map { $0.timeIntervalSince1970 * 1000 + 86_400_000 }
        fromDay = options.from.map(BigQuerySQL.day)
        toDay = options.to.map(BigQuerySQL.day)
    }

    /// Counts one observed event.
    mutating func add(_ event: ObservedEvent) {
        quality.events += 1
        sequence += 1
        // The export's own day (the daily table's suffix) when it has one, else the UTC day of the timestamp.
        if let day = event.date, day.count == 8 {
            if let fromDay, day < fromDay { quality.outsideDates += 1; return }
            if let toDay, day > toDay { quality.outsideDates += 1; return }
        } else {
            if let from, let t = event.timestamp, t < from { quality.outsideDates += 1; return }
            if let to, let t = event.timestamp, t >= to { quality.outsideDates += 1; return }
            if (from != nil || to != nil), event.timestamp == nil { quality.note(.noTimestamp, event.evidence); return }
        }
        guard let client = event.clientID, !client.isEmpty else { quality.note(.noUser, event.evidence); return }
        let key: String
        switch unit {
        case .user: key = client
        case .session:
            guard let session = event.sessionID, !session.isEmpty else { quality.note(.noSession, event.evidence); return }
            key = client + "\u{1F}" + session
        }
        quality.counted += 1
        let words = max((events.count + 63) / 64, 1), pageWords = max((pageTypes.count + 63) / 64, 1)
        let eventBit = eventIndex[event.name]
        if eventBit == nil { quality.unplanned[event.name, default: 0] += 1 }
        let pages = event.pageURL.map { resolver.indices(of: $0) } ?? []
        let time = event.timestamp ?? sequence
        let steps = eventBit.map { stepOfEvent[$0] ?? [] } ?? []
        units[key, default: Unit(seen: Array(repeating: 0, count: words), pages: Array(repeating: 0, count: pageWords))].update { record in
            if let i = eventBit { record.seen[i >> 6] |= 1 << UInt64(i & 63) }
            for step in steps { record.steps.append((step, time)) }
            for p in pages { record.pages[p >> 6] |= 1 << UInt64(p & 63) }
        }
    }

    /// How many units there are.
    public var count: Int { units.count }

    /// The 2×2 table of `micro` against `macro` (event indices).
    func table(micro: Int, macro: Int) -> TwoByTwo {
        var a = 0, b = 0, c = 0, d = 0
        for record in units.values {
            switch (record.saw(micro), record.saw(macro)) {
            case (true, true): a += 1
            case (true, false): b += 1
            case (false, true): c += 1
            case (false, false): d += 1
            }
        }
        return TwoByTwo(a: a, b: b, c: c, d: d)
    }

    /// Units that had `event` at all.
    func units(with event: Int) -> Int { units.values.filter { $0.saw(event) }.count }
}

/// What was read and what was set aside, so no bad row is silently mixed into the numbers.
public struct DataQuality: Sendable {
    /// Why a row was set aside.
    public enum Reason: String, Sendable, CaseIterable {
        case noUser = "without a user id (user_pseudo_id)"
        case noSession = "without a session id (ga_session_id)"
        case noTimestamp = "without a timestamp while dates are filtered"
    }

    /// Events read.
    public var events = 0
    /// Events counted into units.
    public var counted = 0
    /// Events outside `--from`/`--to`.
    public var outsideDates = 0
    /// Events set aside, per reason, with the first few places.
    public var setAside: [Reason: (count: Int, first: [Evidence])] = [:]
    /// Events the plan does not have, by name.
    public var unplanned: [String: Int] = [:]

    mutating func note(_ reason: Reason, _ evidence: Evidence) {
        var entry = setAside[reason] ?? (0, [])
        entry.count += 1
        if entry.first.count < 3 { entry.first.append(evidence) }
        setAside[reason] = entry
    }
}
