import TrackplanCapture
import TrackplanCore

/// `param-lost-in-container`: a parameter present in the pushes, absent from the hits.
public struct ParamLostInContainerCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "param-lost-in-container", severity: .error,
        summary: "With a data layer dump and a HAR of the same page loads, a parameter the site pushed (at the key the plan reads it from) also reaches GA4.",
        rationale: """
        When the data layer carries `ecommerce.value` and the hits carry no `value`, the site is \
        right and the GTM tag is wrong: it does not map the parameter, or its variable reads \
        another key. Fixing the site would not help; fixing the tag does.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "purchase", "ecommerce": {"transaction_id": "T-1", "value": 25}}
        """, format: .dataLayer,
        more: [(VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-1"), .hits)])

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        guard run.layers.contains(.dataLayer), run.layers.contains(.collect) else { return [] }
        var findings: [VerifyFinding] = []
        for event in run.spec.events {
            guard case .custom = event.trigger else { continue }
            let stats = run.stats(event.name)
            let hits = stats.counts[.collect] ?? 0, pushes = stats.counts[.dataLayer] ?? 0
            guard hits > 0, pushes > 0 else { continue }
            for param in event.params {
                guard case .dataLayer(let key) = param.source else { continue }
                let pushedWith = stats.params[param.name]?.present[.dataLayer] ?? 0
                let sentWith = stats.params[param.name]?.present[.collect] ?? 0
                guard pushedWith > 0, sentWith == 0 else { continue }
                findings.append(VerifyFinding(
                    "`\(param.name)` of `\(event.name)` was in the data layer (`\(key)`, \(VerifyRun.share(pushedWith, of: pushes, .dataLayer))) but " + (hits == 1 ? "not in the hit" : "in none of the \(hits) hits") + ": the GTM tag does not send it",
                    event: event.name, param: param.name,
                    hint: "map `\(param.name)` in the tag's event parameters to the data layer variable `\(key)` (`trackplan gtm` generates the mapping)",
                    evidence: [stats.first[.collect]].compactMap { $0 }))
            }
        }
        return findings
    }
}
