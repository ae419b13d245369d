import TrackplanCore
import TrackplanFormat

/// `ga4-measurement-id`: the plan names its GA4 web stream.
public struct GA4MeasurementIDRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-measurement-id", severity: .info,
        summary: "The plan gives `ga4.measurement_id`, so the generated GTM container sends to the right GA4 stream.",
        rationale: """
        Without a measurement id, `trackplan gtm` writes the placeholder `G-XXXXXXXXXX` into the \
        container's `GA4 Measurement ID` variable, and nothing reaches GA4 until someone replaces it.
        """,
        triggering: [
            RuleExample("↓trackplan: 1\nname: Example\nstages:\n  - id: decision\n"),
            RuleExample("trackplan: 1\nname: Example\n↓ga4: {}\nstages:\n  - id: decision\n"),
        ],
        nonTriggering: [
            RuleExample("trackplan: 1\nname: Example\nga4: {measurement_id: G-ABC1234567}\nstages:\n  - id: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        guard plan.measurementID == nil else { return [] }
        return [finding("the plan has no `ga4.measurement_id`; the GTM container will use the placeholder `\(GA4Facts.placeholderMeasurementID)`",
                        at: plan.ga4Span ?? plan.rootFile.map(SourceSpan.startOf), path: EntityPath(["ga4", "measurement_id"]),
                        hint: "add `ga4: {measurement_id: G-…}` with your web stream's id (GA4 Admin → Data streams)")]
    }
}
