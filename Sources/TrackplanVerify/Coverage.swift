import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// Which planned events the inputs showed: per event (seen or not, how often, on which page
/// types, with which parameters and types), and as figures overall, per stage, per kind and per
/// page type.
///
/// By default coverage is scoped to what the captures exercised: an event whose page types
/// no captured page belongs to is "not exercised", not missing. Without any page URL in the
/// inputs (a data layer dump), every event is in scope.
public struct Coverage: Sendable {
    /// One planned event's line.
    public struct EventLine: Sendable {
        /// The event's name.
        public var name: String
        /// Micro or macro.
        public var kind: EventKind
        /// Its stage, when given.
        public var stage: String?
        /// Planned or implemented.
        public var status: EventStatus
        /// Whether it counts in the coverage figures.
        public var inScope: Bool
        /// Observations per layer.
        public var counts: [CaptureLayer: Int]
        /// Page types it was seen on, with counts, most first.
        public var pagesSeen: [(id: String, count: Int)]
        /// Its parameters: how often present (of the observations that could carry them) and
        /// with which types.
        public var params: [ParamLine]

        /// Observations on every layer.
        public var seen: Int { counts.values.reduce(0, +) }
    }

    /// One parameter of an event line.
    public struct ParamLine: Sendable {
        /// The parameter's name.
        public var name: String
        /// Whether the plan requires it.
        public var required: Bool
        /// Observations that carried it.
        public var present: Int
        /// Observations that could have carried it.
        public var expected: Int
        /// Types seen, most first.
        public var types: [(name: String, count: Int)]
    }

    /// A coverage figure: events seen of events in scope.
    public struct Figure: Sendable, Equatable {
        /// Events in scope that were seen.
        public var seen: Int
        /// Events in scope.
        public var total: Int
        /// seen / total, or nil when nothing is in scope.
        public var ratio: Double? { total == 0 ? nil : Double(seen) / Double(total) }
    }

    /// Every active planned event, in plan order.
    public var events: [EventLine]
    /// All events in scope.
    public var overall: Figure
    /// Per stage, in stage order (events without a stage under "").
    public var byStage: [(id: String, figure: Figure)]
    /// Micro and macro.
    public var byKind: [(kind: EventKind, figure: Figure)]
    /// Per page type, in plan order: the events that list it, when it was visited.
    public var byPageType: [(id: String, visited: Bool, figure: Figure)]
    /// Whether any input gave page URLs (otherwise nothing could be scoped).
    public var pageInfoKnown: Bool
    /// Page URLs that matched no page type, with counts (the most frequent first, at most 20).
    public var unmatchedPages: [(path: String, count: Int)]

    /// Builds the coverage of `spec` from the stats.
    init(spec: MeasurementSpec, stats: [String: EventStats], visited: Set<String>, pageInfoKnown: Bool, scopeAll: Bool,
         unmatchedPages: [String: Int]) {
        self.pageInfoKnown = pageInfoKnown
        let scoped = pageInfoKnown && !scopeAll
        events = spec.events.map { event in
            let s = stats[event.name] ?? EventStats()
            let inScope = !scoped || event.firesEverywhere || (event.pages ?? []).contains(where: visited.contains)
            let params = event.params.map { param -> ParamLine in
                let p = s.params[param.name] ?? ParamStats()
                return ParamLine(name: param.name, required: param.required, present: p.present.values.reduce(0, +),
                                 expected: p.expected.values.reduce(0, +),
                                 types: p.types.values.reduce(into: [String: Int]()) { $0.merge($1, uniquingKeysWith: +) }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) })
            }
            return EventLine(name: event.name, kind: event.kind, stage: event.stage, status: event.status, inScope: inScope,
                             counts: s.counts, pagesSeen: s.pageTypes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) },
                             params: params)
        }
        func figure(_ lines: [EventLine]) -> Figure {
            let inScope = lines.filter(\.inScope)
            return Figure(seen: inScope.filter { $0.seen > 0 }.count, total: inScope.count)
        }
        overall = figure(events)
        let lines = events
        byStage = (spec.stages.map(\.id) + (lines.contains { $0.stage == nil } ? [""] : [])).map { id in
            (id, figure(lines.filter { ($0.stage ?? "") == id }))
        }
        byKind = [EventKind.micro, .macro].map { kind in (kind, figure(lines.filter { $0.kind == kind })) }
        byPageType = spec.pageTypes.map { pageType in
            let listing = zip(spec.events, lines).filter { $0.0.pages?.contains(pageType.id) == true }.map(\.1)
            let isVisited = !scoped || visited.contains(pageType.id)
            return (pageType.id, visited.contains(pageType.id),
                    isVisited ? Figure(seen: listing.filter { $0.seen > 0 }.count, total: listing.count) : Figure(seen: 0, total: 0))
        }
        self.unmatchedPages = unmatchedPages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(20).map { ($0.key, $0.value) }
    }
}
