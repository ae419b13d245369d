import TrackplanCore
import TrackplanFormat

/// Runs the lint rules over a loaded plan, then applies the plan's and the command line's
/// severity settings and the entities' suppressions.
public struct Linter: Sendable {
    /// Severity overrides from the command line (`--rule ID=SEVERITY`): nil severity is `off`.
    public var overrides: [String: Severity?]
    /// The rules to run.
    public var rules: [any Rule.Type]

    /// Creates a linter with every built-in rule.
    public init(overrides: [String: Severity?] = [:], rules: [any Rule.Type] = RuleCatalog.rules) {
        self.overrides = overrides
        self.rules = rules
    }

    /// Loads `path` and lints it: the loader's diagnostics plus the rules' findings. The rules
    /// run only on a plan that loaded without errors, so a typo does not cascade into warnings.
    public func lint(_ path: String, loader: PlanLoader = PlanLoader()) throws(PlanUnreadableError) -> LoadResult {
        var loader = loader
        if loader.knownRuleIDs == nil { loader.knownRuleIDs = rules.map { $0.description.id } }
        var result = try loader.load(path)
        if let plan = result.plan, !result.hasErrors {
            result.diagnostics += check(plan)
        }
        result.diagnostics = Diagnostic.sorted(result.diagnostics, files: result.files)
        return result
    }

    /// The rules' findings on `plan`, with configuration and suppressions applied.
    public func check(_ plan: Plan) -> [Diagnostic] {
        var configured: [String: Severity?] = [:]
        for setting in plan.ruleSettings { configured[setting.ruleID.value] = setting.severity }
        for (id, severity) in overrides { configured[id] = severity }

        var suppressions: [EntityPath: [String]] = [:]
        for event in plan.events where !event.suppressions.isEmpty {
            suppressions[event.path] = event.suppressions.map(\.ruleID.value)
        }
        for pageType in plan.pageTypes where !pageType.suppressions.isEmpty {
            suppressions[pageType.path] = pageType.suppressions.map(\.ruleID.value)
        }

        var used: Set<SuppressionUse> = []
        var results: [Diagnostic] = []
        for rule in rules {
            let id = rule.description.id
            let severity: Severity?
            if let setting = configured[id] { severity = setting } else { severity = rule.description.severity }
            guard let severity else { continue }
            for var diagnostic in rule.init().check(plan) {
                if !suppressions.isEmpty, let entity = diagnostic.path?.entity, suppressions[entity]?.contains(id) == true {
                    used.insert(SuppressionUse(entity: entity, rule: id))
                    continue
                }
                diagnostic.severity = severity
                results.append(diagnostic)
            }
        }
        let unusedID = UnusedSuppressionRule.description.id
        if let severity = configured[unusedID] ?? UnusedSuppressionRule.description.severity {
            // `unused-suppression` can itself be suppressed on an entity, like any other rule.
            results += UnusedSuppressionRule.findings(plan, used: used, ranRules: Set(rules.map { $0.description.id }))
                .filter { d in
                    guard let entity = d.path?.entity else { return true }
                    return suppressions[entity]?.contains(unusedID) != true
                }
                .map { var d = $0; d.severity = severity; return d }
        }
        return results
    }
}
