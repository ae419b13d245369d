import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// What an analysis measured: the lift table of every micro-conversion against its macro, the
/// funnel, conversion per page type, and the data-quality account. Correlation, not causation.
public struct Analysis: Sendable {
    /// One micro-conversion against one macro.
    public struct LiftRow: Sendable {
        /// The micro-conversion.
        public var micro: String
        /// The macro it is measured against.
        public var macro: String
        /// The 2×2 table.
        public var table: TwoByTwo
        /// The Benjamini–Hochberg q-value across the table's rows.
        public var qValue: Double?
        /// Whether there are too few units to judge it (fewer than the minimum with the micro,
        /// or converted).
        public var insufficient: Bool
        /// The plan's declared signal (1–5), if any.
        public var declaredSignal: Int?
        /// Whether the plan declares it a negative signal.
        public var declaredNegative: Bool
    }

    /// One funnel step.
    public struct FunnelStep: Sendable {
        /// The step's name: a stage id, an event name, or the macro.
        public var name: String
        /// The events that count for it.
        public var events: [String]
        /// Units that reached it in order (each step at or after the previous one).
        public var closed: Int
        /// Units that had it at all (GA4's open funnel).
        public var open: Int
    }

    /// Conversion by page type: units that visited a page of the type, and of those converted.
    public struct PageTypeRow: Sendable {
        /// The page type's id.
        public var pageType: String
        /// Units with an event on a page of this type.
        public var units: Int
        /// Of those, units that converted.
        public var converted: Int
    }

    /// Sessions or users.
    public var unit: AnalysisOptions.Unit
    /// Units counted.
    public var units: Int
    /// The lift rows, sorted by the lower bound of the lift's interval (highest first; rows with
    /// insufficient data last).
    public var lift: [LiftRow]
    /// Micros never seen in the data: a tracking gap, not "no effect".
    public var unseenMicros: [String]
    /// The macro of the funnel.
    public var funnelMacro: String?
    /// The funnel, first step to the macro.
    public var funnel: [FunnelStep]
    /// Conversion to the funnel's macro per page type (page types no unit visited left out).
    public var byPageType: [PageTypeRow]
    /// What was read and set aside.
    public var quality: DataQuality
    /// The minimum count for judging a row.
    public var minUnits: Int
}

extension Analysis {
    /// Analyzes `table` for `spec` with `options`.
    init(spec: MeasurementSpec, table: UnitTable, funnelSteps: [(name: String, events: [String])], funnelMacro: String?,
         options: AnalysisOptions) {
        unit = options.unit
        units = table.count
        minUnits = options.minUnits
        quality = table.quality
        let index = table.eventIndex
        var rows: [LiftRow] = []
        var unseen: [String] = []
        for event in spec.events where event.isMicro {
            guard let macro = options.macro ?? event.leadsTo, let m = index[macro], let i = index[event.name] else { continue }
            let t = table.table(micro: i, macro: m)
            if t.withMicro == 0 { unseen.append(event.name); continue }
            rows.append(LiftRow(micro: event.name, macro: macro, table: t, qValue: nil,
                                insufficient: t.withMicro < options.minUnits || t.converted < min(options.minUnits, 10),
                                declaredSignal: event.signal, declaredNegative: event.negative))
        }
        let q = benjaminiHochberg(rows.map(\.table.pValue))
        for k in rows.indices { rows[k].qValue = q[k] }
        rows.sort { l, r in
            if l.insufficient != r.insufficient { return !l.insufficient }
            let ll = l.table.liftInterval?.lowerBound ?? -1, rl = r.table.liftInterval?.lowerBound ?? -1
            return ll != rl ? ll > rl : l.micro < r.micro
        }
        lift = rows
        unseenMicros = unseen
        self.funnelMacro = funnelMacro
        // The funnel: closed (in time order) and open.
        var closed = [Int](repeating: 0, count: table.stepEvents.count)
        var open = [Int](repeating: 0, count: table.stepEvents.count)
        var pageUnits = [Int](repeating: 0, count: table.pageTypes.count)
        var pageConverted = [Int](repeating: 0, count: table.pageTypes.count)
        let macroIndex = funnelMacro.flatMap { index[$0] }
        for record in table.units.values {
            var reached = Set<UInt8>()
            for (step, _) in record.steps { reached.insert(step) }
            for s in reached { open[Int(s)] += 1 }
            var previous = -Double.infinity
            for s in 0..<table.stepEvents.count {
                guard let time = record.steps.filter({ Int($0.step) == s && $0.time >= previous }).map(\.time).min() else { break }
                closed[s] += 1
                previous = time
            }
            let converted = macroIndex.map(record.saw) ?? false
            for p in table.pageTypes.indices where record.visited(p) {
                pageUnits[p] += 1
                if converted { pageConverted[p] += 1 }
            }
        }
        funnel = funnelSteps.enumerated().map { k, step in FunnelStep(name: step.name, events: step.events, closed: closed[k], open: open[k]) }
        byPageType = table.pageTypes.indices.filter { pageUnits[$0] > 0 }.map {
            PageTypeRow(pageType: table.pageTypes[$0], units: pageUnits[$0], converted: pageConverted[$0])
        }
    }
}
