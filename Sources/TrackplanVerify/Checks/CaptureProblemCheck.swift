import TrackplanCapture
import TrackplanCore

/// `capture-problem`: part of an input could not be read.
public struct CaptureProblemCheck: VerifyCheck {
    public static let description = RuleDescription(
        id: "capture-problem", severity: .error,
        summary: "Every part of every input can be read: no broken JSON line, cut-off HAR, text that is not UTF-8, over-long line or hit without an event name.",
        rationale: """
        A capture that is only partly readable would verify only part of what the site sent, and \
        a silent "all clear" on it would be wrong. Each problem is located (file, line, column); the \
        rest of the input is still checked, and the run exits with status 2.
        """,
        triggering: [], nonTriggering: [])
    public static let example = VerifyExample(
        plan: VerifyExample.shopPlan,
        capture: """
        {"event": "add_to_cart", "ecommerce": {"currency": "EUR", "value": 25}}
        {"event": "purchase", "ecommerce": {"transaction_id": "T-1", "value": 
        """, format: .dataLayer)

    public init() {}

    public func conclude(_ run: VerifyRun) -> [VerifyFinding] {
        run.inputs.flatMap { input in
            var findings = input.problems.map { problem in
                VerifyFinding(problem.message, location: (problem.file, problem.line, problem.column ?? 1))
            }
            if input.problemCount > input.problems.count {
                let more = input.problemCount - input.problems.count
                findings.append(VerifyFinding("\(more) more problem\(more == 1 ? "" : "s") in this input (only the first \(input.problems.count) are listed)",
                                              location: (input.path, input.problems.last?.line ?? 1, 1)))
            }
            return findings
        }
    }
}
