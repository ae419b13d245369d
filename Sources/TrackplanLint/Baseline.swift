import TrackplanCore
import TrackplanFormat

/// Known findings recorded so that only new ones are reported: how a team adopts the linter on
/// a plan that already has many problems.
///
/// Entries are keyed by plan, rule id and entity path (not line numbers), with a count, so
/// edits elsewhere in the plan do not invalidate them. The file is JSON:
/// `{"version": 1, "findings": [{"plan": "shop.yaml", "rule": "name-case", "path": "events.AddToCart", "count": 1}]}`.
public struct Baseline: Sendable, Equatable {
    /// One recorded finding group.
    public typealias Entry = BaselineEntry

    /// The entries, sorted.
    public var entries: [Entry]

    /// Creates a baseline.
    public init(entries: [Entry]) {
        self.entries = entries.sorted()
    }

    static func key(_ d: Diagnostic) -> String {
        d.path?.description ?? d.span?.file.path ?? ""
    }

    /// A baseline holding every finding of `report`.
    ///
    /// `planKey` gives the path recorded for each plan; the CLI records paths relative to the
    /// baseline file's directory, so the baseline matches however the plan path is spelled.
    public init(recording report: FindingReport, planKey: (String) -> String = { $0 }) {
        var counts: [Entry: Int] = [:]
        for plan in report.subjects {
            for d in plan.diagnostics {
                counts[Entry(plan: planKey(plan.path), rule: d.ruleID, path: Self.key(d), count: 0), default: 0] += 1
            }
        }
        self.init(entries: counts.map { entry, count in
            var e = entry
            e.count = count
            return e
        })
    }

    /// The baseline file's text.
    public func serialized() -> String {
        JSONValue.object([JSONMember("version", .int(1)), JSONMember("findings", .array(entries.map(\.json)))]).serialized() + "\n"
    }

    /// Reads a baseline file's text.
    public static func parse(_ text: String) throws -> Baseline {
        let value = try JSONParser.parse(text)
        guard case .int(1)? = value["version"], case .array(let items)? = value["findings"] else {
            throw BaselineError("not a trackplan baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        var entries: [Entry] = []
        for item in items {
            guard case .string(let plan)? = item["plan"], case .string(let rule)? = item["rule"],
                  case .string(let path)? = item["path"], case .int(let count)? = item["count"] else {
                throw BaselineError("a finding needs `plan`, `rule`, `path` and `count`")
            }
            entries.append(Entry(plan: plan, rule: rule, path: path, count: count))
        }
        return Baseline(entries: entries)
    }

    /// `report` without the findings this baseline knows; the stale entries are recorded in it.
    ///
    /// `planKey` maps each linted plan's path to the form the baseline records (see
    /// ``init(recording:planKey:)``). When the baseline has entries but none for the linted
    /// plans, the report says so in a note.
    public func apply(to report: FindingReport, planKey: (String) -> String = { $0 }) -> FindingReport {
        var remaining: [String: Int] = [:]
        func id(_ plan: String, _ rule: String, _ path: String) -> String { plan + "\u{0}" + rule + "\u{0}" + path }
        for entry in entries { remaining[id(entry.plan, entry.rule, entry.path), default: 0] += entry.count }
        var result = report
        var hidden = 0
        for i in result.subjects.indices {
            let plan = planKey(result.subjects[i].path)
            result.subjects[i].diagnostics = result.subjects[i].diagnostics.filter { d in
                let key = id(plan, d.ruleID, Self.key(d))
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                hidden += 1
                return false
            }
        }
        result.baselineSuppressed = hidden
        let linted = Set(report.subjects.map { planKey($0.path) })
        if !entries.isEmpty, !entries.contains(where: { linted.contains($0.plan) }) {
            let recorded = Array(Set(entries.map(\.plan))).sorted().prefix(5).map { "`\($0)`" }.joined(separator: ", ")
            result.notes.append("the baseline has no entry for the plans linted (\(linted.sorted().map { "`\($0)`" }.joined(separator: ", "))); it records \(recorded). Plan paths in a baseline are relative to its directory: record it again with --write-baseline")
        }
        result.staleBaselineEntries = entries.compactMap { entry in
            guard linted.contains(entry.plan), let left = remaining[id(entry.plan, entry.rule, entry.path)], left > 0 else { return nil }
            return Entry(plan: entry.plan, rule: entry.rule, path: entry.path, count: min(left, entry.count))
        }
        return result
    }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
