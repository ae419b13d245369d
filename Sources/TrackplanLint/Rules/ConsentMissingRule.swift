import TrackplanCore
import TrackplanFormat

/// `consent-missing`: in a region that requires consent, every event's tag waits for some.
public struct ConsentMissingRule: Rule {
    public static let description = RuleDescription(
        id: "consent-missing", severity: .warning,
        summary: "When the plan serves regions where the law requires consent (`consent.regions`), every event requires a consent type, plan-wide or on the event.",
        rationale: """
        In the EEA, the UK and other regions, analytics and advertising tags may fire only after the \
        visitor consents. A tag with no consent requirement fires regardless, which is a legal risk \
        and makes GA4's consent mode modelling wrong. Listing the consent each tag needs puts it in \
        the GTM container's consent settings.
        """,
        triggering: [
            .plan("consent: {regions: [eea]}\nevents:\n  ↓newsletter_signup:\n    stage: decision\n"),
        ],
        nonTriggering: [
            .plan("consent: {regions: [eea], required: [analytics_storage]}\nevents:\n  newsletter_signup:\n    stage: decision\n"),
            .plan("consent: {regions: [eea]}\nevents:\n  newsletter_signup:\n    stage: decision\n    consent: [analytics_storage]\n"),
            .plan("events:\n  newsletter_signup:\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        guard !plan.consent.regions.isEmpty, plan.consent.required.isEmpty else { return [] }
        let regions = plan.consent.regions.map { "`\($0.value)`" }.joined(separator: ", ")
        return plan.activeEvents.filter { $0.consent.isEmpty }.map { event in
            finding("event `\(event.name)` requires no consent, but the plan serves \(regions), where consent is required",
                    at: event.span, path: event.path,
                    hint: "add `required: [analytics_storage]` under `consent` for every tag, or `consent: [analytics_storage]` to this event")
        }
    }
}
