import Foundation
import TrackplanCore
import TrackplanFormat

/// `stage-coverage`: every funnel stage has at least one micro-conversion.
public struct StageCoverageRule: Rule {
    public static let description = RuleDescription(
        id: "stage-coverage", severity: .warning,
        summary: "Each funnel stage has at least one micro-conversion.",
        rationale: "A stage with no micro-conversion is a blind spot: you cannot see visitors move through it, or where they drop out.",
        triggering: [
            .plan("events:\n  size_guide_open:\n    stage: consideration\n  wishlist_add:\n    stage: decision\n").replacingFirstStage(),
        ],
        nonTriggering: [
            .plan("events:\n  blog_read:\n    stage: awareness\n  size_guide_open:\n    stage: consideration\n  wishlist_add:\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var covered: Set<String> = []
        for event in plan.activeEvents where event.isMicro {
            if let stage = event.stage?.value { covered.insert(stage) }
        }
        return plan.stages.filter { !covered.contains($0.id) }.map { stage in
            finding("funnel stage `\(stage.id)` has no micro-conversion", at: stage.span, path: stage.path,
                    hint: "add an event with `stage: \(stage.id)` that shows a visitor at this stage")
        }
    }
}

extension RuleExample {
    /// Marks the first stage of the standard header (for `stage-coverage`).
    func replacingFirstStage() -> RuleExample {
        RuleExample(yaml.replacingOccurrences(of: "  - id: awareness", with: "  - id: ↓awareness"))
    }
}
