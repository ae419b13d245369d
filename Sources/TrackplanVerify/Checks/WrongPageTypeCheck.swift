import TrackplanCapture
import TrackplanCore

/// `wrong-page-type`: an event fired on a page type the plan does not list for it.
public struct WrongPageTypeCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "wrong-page-type", severity: .warning,
        summary: "Events that list `pages` fire only on pages of those types (the page URL is matched with the page types' `match` rules).",
        rationale: """
        An add-to-cart firing on the home page is a trigger that matches too much (a CSS selector \
        shared by two templates, a missing page filter); its counts mix two intents and funnels \
        per page type stop adding up.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/cart", "en=add_to_cart&ep.currency=EUR&epn.value=25"), format: .hits)

    public init() {}

    public func inspect(_ o: Observation, _ tally: inout Tally) {
        guard let expectation = o.expectation, let pages = expectation.spec.pages, !o.pageTypes.isEmpty,
              !o.pageTypes.contains(where: pages.contains) else { return }
        tally.record(Self.id, event: expectation.spec.name, detail: o.pageTypes.joined(separator: ", "),
                     layer: o.event.layer, evidence: o.event.evidence)
    }

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.tally.entries(of: Self.id).map { key, entry in
            let pages = run.spec.event(key.event)?.pages ?? []
            return VerifyFinding("`\(key.event)` fired \(VerifyRun.times(entry.count)) on \(key.detail) pages, but the plan lists it for "
                                 + pages.joined(separator: ", "),
                                 event: key.event,
                                 hint: "narrow the trigger so it does not fire there, or add the page type to the event's `pages`",
                                 evidence: entry.samples)
        }
    }
}
