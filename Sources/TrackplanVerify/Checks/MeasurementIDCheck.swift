import TrackplanCapture
import TrackplanCore

/// `measurement-id-mismatch`: hits sent to another GA4 property than the plan's.
public struct MeasurementIDCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "measurement-id-mismatch", severity: .warning,
        summary: "Hits go to the plan's GA4 measurement id (`ga4.measurement_id`), when the plan gives one.",
        rationale: """
        A capture of the wrong site, a staging container sending to production, or a second \
        property installed by a plugin: the hits are checked anyway, but the data lands where the \
        plan's reports do not look.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-1&epn.value=25").replacingOccurrences(of: "G-EXAMPLE1", with: "G-OTHER999"),
        format: .hits)

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        guard let planned = run.spec.measurementID, planned != GA4Facts.placeholderMeasurementID else { return [] }
        return run.inputs.flatMap { input in
            input.measurementIDs.filter { $0.key != planned }.sorted { $0.key < $1.key }.map { tid, count in
                VerifyFinding("\(count) event\(count == 1 ? "" : "s") in `\(SafeText.escapingControls(input.path))` went to `\(tid)`, not to the plan's measurement id `\(planned)`; \(count == 1 ? "it was" : "they were") checked anyway",
                              hint: "check the Google tag's measurement id, or verify this capture against the plan of `\(tid)`",
                              location: (input.path, 1, 1))
            }
        }
    }
}
