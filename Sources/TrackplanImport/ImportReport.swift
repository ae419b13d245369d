import TrackplanCore

/// What an import did with every entity of its source: imported, imported with something left
/// behind, not imported (with the reason), proposed, renamed, or in conflict with an existing
/// plan. Nothing the source holds is dropped without a line here.
public struct ImportReport: Sendable, Hashable {
    /// What happened to one entity.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Became part of the plan as it is.
        case imported
        /// Became part of the plan, but something about it could not be carried (the note says what).
        case partial
        /// Left out; the note says why.
        case notImported = "not-imported"
        /// A value the importer proposed (a stage, a macro-conversion): to be confirmed.
        case proposed
        /// Renamed to a name GA4 and the plan accept; the note gives the original.
        case renamed
        /// `--merge-into`: the existing plan says otherwise, and its version was kept.
        case conflict
        /// `--merge-into`: added to the existing plan.
        case added
    }

    /// One line of the report.
    public struct Entry: Sendable, Hashable {
        /// What happened.
        public var outcome: Outcome
        /// The kind of entity in the source: `tag`, `trigger`, `variable`, `event`, `property`…
        public var entity: String
        /// Its type in the source, when it has one (`gaawe`, `html`, `CUSTOM_EVENT`).
        public var type: String?
        /// Its name in the source.
        public var name: String
        /// Its id in the source (a GTM tag id, a CSV line), when it has one.
        public var id: String?
        /// What was done, or why not.
        public var note: String

        /// Creates an entry.
        public init(_ outcome: Outcome, _ entity: String, type: String? = nil, name: String, id: String? = nil, note: String) {
            self.outcome = outcome
            self.entity = entity
            self.type = type
            self.name = name
            self.id = id
            self.note = note
        }
    }

    /// The file imported.
    public var source: String
    /// Its format.
    public var format: ImportFormat
    /// Every entry, in source order.
    public var entries: [Entry] = []

    /// An empty report for `source`.
    public init(source: String, format: ImportFormat) {
        self.source = source
        self.format = format
    }

    /// Adds an entry.
    public mutating func add(_ entry: Entry) { entries.append(entry) }

    /// The entries about `entity` (`tag`), counted by type and outcome, types sorted.
    public func counts(of entity: String) -> [(type: String, total: Int, byOutcome: [Outcome: Int])] {
        var byType: [String: [Outcome: Int]] = [:]
        var totals: [String: Int] = [:]
        for entry in entries where entry.entity == entity {
            let type = entry.type ?? "-"
            byType[type, default: [:]][entry.outcome, default: 0] += 1
            totals[type, default: 0] += 1
        }
        return byType.keys.sorted().map { ($0, totals[$0] ?? 0, byType[$0] ?? [:]) }
    }

    /// How many entries have `outcome`.
    public func count(_ outcome: Outcome) -> Int { entries.filter { $0.outcome == outcome }.count }
}
