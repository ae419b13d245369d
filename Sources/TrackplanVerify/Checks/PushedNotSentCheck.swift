import TrackplanCapture
import TrackplanCore

/// `pushed-not-sent`: the site pushed an event, GA4 did not receive it.
public struct PushedNotSentCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "pushed-not-sent", severity: .error,
        summary: "With a data layer dump and a HAR of the same page loads, every event the site pushed reached GA4 as often as it was pushed (an error when never, a warning when fewer times).",
        rationale: """
        trackplan owns both ends, so it can say whose fault a missing event is: when the push is \
        in the data layer but no hit left the browser, the site did its part and the container \
        did not (a trigger that does not match, a tag blocked by consent, a paused tag).
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "add_to_cart", "ecommerce": {"currency": "EUR", "value": 25}}
        {"event": "purchase", "ecommerce": {"transaction_id": "T-1", "value": 25}}
        """, format: .dataLayer,
        more: [(VerifyExample.hit("/products/tee", "en=add_to_cart&ep.currency=EUR&epn.value=25"), .hits)])

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        guard run.layers.contains(.dataLayer), run.layers.contains(.collect) else { return [] }
        return run.spec.events.compactMap { event in
            guard case .custom(let pushed) = event.trigger else { return nil }
            let stats = run.stats(event.name)
            let pushes = stats.counts[.dataLayer] ?? 0, hits = stats.counts[.collect] ?? 0
            guard pushes > hits else { return nil }
            let evidence = [stats.first[.dataLayer]].compactMap { $0 }
            if hits == 0 {
                return VerifyFinding("`\(event.name)` was pushed to the data layer \(VerifyRun.times(pushes)) but never sent to GA4: the container did not fire its tag",
                                     event: event.name,
                                     hint: "open GTM preview: check the trigger (custom event `\(pushed)`), the tag's consent settings and whether the tag is paused; `trackplan gtm` regenerates the tag",
                                     evidence: evidence)
            }
            return VerifyFinding("`\(event.name)` was pushed to the data layer \(VerifyRun.times(pushes)) but sent to GA4 only \(VerifyRun.times(hits))",
                                 event: event.name,
                                 hint: "compare the pushes and hits page by page: a trigger firing once per page, or consent withheld on some pages, drops the rest",
                                 evidence: evidence, severity: .warning)
        }
    }
}
