import TrackplanCapture
import TrackplanCore

/// `event-not-seen`: a planned event the captures exercised but never showed.
public struct EventNotSeenCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "event-not-seen", severity: .warning,
        summary: "Every planned event in scope was seen: those on page types the captures visited (or on every page). Info for events still `status: planned`; an error for events given with `--require`.",
        rationale: """
        An event that should have fired on the pages captured, but did not, is a broken trigger or \
        a tag that never made it to production. Events on page types no capture visited are \
        listed as "not exercised" in the coverage instead of being reported missing.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan.replacingOccurrences(of: "  add_to_cart:\n", with: "  add_to_cart:\n    status: implemented\n"),
        capture: [VerifyExample.hit("/products/tee", "en=page_view"),
                  VerifyExample.hit("/cart", "en=purchase&ep.transaction_id=T-1&epn.value=25")].joined(separator: "\n"),
        format: .hits)

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        let required = Set(run.options.required)
        return run.coverage.events.filter { $0.seen == 0 && ($0.inScope || required.contains($0.name)) }.map { line in
            let spec = run.spec.event(line.name)
            var message = "`\(line.name)` was not seen"
            if let pages = spec?.pages, run.coverage.pageInfoKnown {
                let visited = run.coverage.byPageType.filter { $0.visited && pages.contains($0.id) }.map(\.id)
                message += visited.isEmpty ? " (none of its page types was visited)" : ", although the captures visited its page type\(visited.count == 1 ? "" : "s") " + visited.joined(separator: ", ")
            } else {
                message += " in any input"
            }
            var severity: Severity?
            if required.contains(line.name) {
                severity = .error
                message += "; it is required (--require)"
            } else if line.status == .planned {
                severity = .info
                message += " (its status is `planned`)"
            }
            return VerifyFinding(message, event: line.name,
                                 hint: "exercise it in the captured session, or check its trigger (`trackplan docs` says when it should fire)",
                                 severity: severity)
        }
    }
}
