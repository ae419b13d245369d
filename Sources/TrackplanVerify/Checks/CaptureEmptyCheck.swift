import TrackplanCapture
import TrackplanCore

/// `capture-empty`: an input held no event at all.
public struct CaptureEmptyCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "capture-empty", severity: .error,
        summary: "Every input holds at least one event (a HAR at least one GA4 hit).",
        rationale: """
        A HAR recorded with an ad blocker on, before consent was given, or without "Preserve log" \
        holds no GA4 hit, and checking it would pass without checking anything. The finding says \
        what the input held instead (other requests, Universal Analytics hits, GTM's own events).
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "gtm.js", "gtm.start": 1700000000000}
        {"event": "gtm.dom"}
        """, format: .dataLayer)

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.inputs.filter { $0.events == 0 }.map { input in
            VerifyFinding("`\(SafeText.escapingControls(input.path))` holds no event to check (\(input.account))",
                          hint: input.format == .har || input.format == .hits
                            ? "record the session with GA4 allowed to send: consent granted, no ad blocker, \"Preserve log\" on in DevTools"
                            : "capture after the pages have pushed their events",
                          location: (input.path, 1, 1))
        }
    }
}
