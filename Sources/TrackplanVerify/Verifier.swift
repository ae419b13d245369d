import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// Checks observed events against a plan as they stream by, then concludes: findings,
/// coverage and gates. Memory grows with the plan and the number of distinct problems, not
/// with the inputs.
///
///     var verifier = Verifier(plan: plan)
///     let summary = try CaptureReader.read(path) { verifier.observe($0) }
///     verifier.add(summary)
///     let result = verifier.finish()
public struct Verifier: Sendable {
    /// The plan.
    public let plan: Plan
    /// What it promises.
    public let spec: MeasurementSpec
    /// The options.
    public let options: VerifyOptions
    private let checks: [any VerifyCheck]
    private let index: ExpectationIndex
    private let deprecatedNames: Set<String>
    private var resolver: PageTypeMatcher
    private var tally = Tally()
    private var stats: [String: EventStats] = [:]
    private var unplanned: [String: Int] = [:]
    private var automatic: [String: Int] = [:]
    private var inputs: [CaptureSummary] = []
    private var layers: Set<CaptureLayer> = []
    private var visited: Set<String> = []
    private var pageInfoKnown = false
    private var unmatchedPages: [String: Int] = [:]
    private var recent: [String: [(signature: Int, time: Double?, evidence: Evidence)]] = [:]

    /// The most distinct unplanned names and unmatched paths counted (more are summed up).
    static let maxDistinct = 10_000
    /// Recent events kept per input to find the same event fired twice.
    static let recentWindow = 32

    /// Creates a verifier of `plan` (which should have loaded without errors).
    public init(plan: Plan, options: VerifyOptions = VerifyOptions(), checks: [any VerifyCheck.Type] = VerifyChecks.all) {
        self.plan = plan
        self.spec = MeasurementSpec(plan: plan)
        self.options = options
        self.checks = checks.map { $0.init() }
        index = ExpectationIndex(spec: spec)
        var deprecated: Set<String> = []
        for event in plan.events where event.status == .deprecated {
            deprecated.insert(event.name)
            if case .custom(let pushed) = event.trigger.value { deprecated.insert(pushed) }
        }
        deprecatedNames = deprecated
        resolver = PageTypeMatcher(spec.pageTypes)
    }

    /// Checks one observed event.
    public mutating func observe(_ event: ObservedEvent) {
        layers.insert(event.layer)
        var pageTypes: [String] = []
        if let url = event.pageURL {
            pageInfoKnown = true
            pageTypes = resolver.ids(of: url)
            visited.formUnion(pageTypes)
            if pageTypes.isEmpty, !spec.pageTypes.isEmpty {
                let path = URLText.path(of: url)
                if unmatchedPages[path] != nil || unmatchedPages.count < Self.maxDistinct { unmatchedPages[path, default: 0] += 1 }
            }
        }
        let repeats = repeatedEvidence(event)
        let expectations = index.expectations(for: event)
        if expectations.isEmpty {
            let isAutomatic = event.layer != .dataLayer && GA4Facts.automaticEvents.contains(event.name)
            let isDeprecated = deprecatedNames.contains(event.name)
            if isAutomatic {
                automatic[event.name, default: 0] += 1
            } else if !isDeprecated, unplanned[event.name] != nil || unplanned.count < Self.maxDistinct {
                unplanned[event.name, default: 0] += 1
            }
            let observation = Observation(event: event, expectation: nil, isDeprecated: isDeprecated, isAutomatic: isAutomatic,
                                          pageTypes: pageTypes, repeats: repeats)
            for check in checks { check.inspect(observation, &tally) }
            return
        }
        for expectation in expectations {
            count(event, expectation, pageTypes: pageTypes)
            let observation = Observation(event: event, expectation: expectation, isDeprecated: false, isAutomatic: false,
                                          pageTypes: pageTypes, repeats: repeats)
            for check in checks { check.inspect(observation, &tally) }
        }
    }

    /// Records what an input held (after reading it).
    public mutating func add(_ summary: CaptureSummary) {
        inputs.append(summary)
    }

    private mutating func count(_ event: ObservedEvent, _ expectation: Expectation, pageTypes: [String]) {
        var s = stats[expectation.spec.name] ?? EventStats()
        s.counts[event.layer, default: 0] += 1
        for id in pageTypes { s.pageTypes[id, default: 0] += 1 }
        if s.first[event.layer] == nil { s.first[event.layer] = event.evidence }
        for param in expectation.params {
            var p = s.params[param.spec.name] ?? ParamStats()
            p.expected[event.layer, default: 0] += 1
            if let value = event.value(of: param.key), value != .null {
                p.present[event.layer, default: 0] += 1
                p.types[event.layer, default: [:]][value.typeName, default: 0] += 1
            }
            s.params[param.spec.name] = p
        }
        stats[expectation.spec.name] = s
    }

    /// The evidence of an identical event seen just before (same client, session, page, name and
    /// parameters, within the window; without timestamps, the event right before it).
    private mutating func repeatedEvidence(_ event: ObservedEvent) -> Evidence? {
        var hasher = Hasher()
        hasher.combine(event.layer)
        hasher.combine(event.name)
        hasher.combine(event.clientID)
        hasher.combine(event.sessionID)
        hasher.combine(event.pageURL)
        for param in event.params where !GA4Facts.volatileParams.contains(param.name) {
            hasher.combine(param)
        }
        let signature = hasher.finalize()
        var ring = recent[event.evidence.file] ?? []
        defer {
            ring.append((signature, event.timestamp, event.evidence))
            if ring.count > Self.recentWindow { ring.removeFirst(ring.count - Self.recentWindow) }
            recent[event.evidence.file] = ring
        }
        guard let time = event.timestamp else {
            if let last = ring.last, last.signature == signature, last.time == nil { return last.evidence }
            return nil
        }
        return ring.last { $0.signature == signature && $0.time.map { abs(time - $0) <= options.duplicateWindow } == true }?.evidence
    }

    /// Concludes: every check's findings, the coverage and the gates.
    public func finish() -> VerifyResult {
        let coverage = Coverage(spec: spec, stats: stats, visited: visited, pageInfoKnown: pageInfoKnown,
                                scopeAll: options.scopeAll, unmatchedPages: unmatchedPages)
        let run = VerifyRun(plan: plan, spec: spec, tally: tally, stats: stats, unplanned: unplanned, automatic: automatic,
                            inputs: inputs, layers: layers, coverage: coverage, options: options)
        var findings: [(String, VerifyFinding)] = []
        for check in checks {
            let id = type(of: check).id
            findings += check.conclude(run).map { (id, $0) }
        }
        return VerifyResult(run: run, findings: findings)
    }
}
