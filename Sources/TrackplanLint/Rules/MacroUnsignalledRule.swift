import TrackplanCore
import TrackplanFormat

/// `macro-unsignalled`: every macro-conversion has micro-conversions leading to it.
public struct MacroUnsignalledRule: Rule {
    public static let description = RuleDescription(
        id: "macro-unsignalled", severity: .warning,
        summary: "Each macro-conversion has at least one micro-conversion that leads to it.",
        rationale: """
        A conversion with no leading signal can only be counted after the fact. Micro-conversions that \
        lead to it show who is on the way, early enough to act (retargeting, nurture, UX fixes).
        """,
        triggering: [
            .plan("events:\n  ↓demo_request:\n    kind: macro\n    stage: decision\n"),
        ],
        nonTriggering: [
            .plan("events:\n  pricing_view:\n    stage: consideration\n    leads_to: demo_request\n  demo_request:\n    kind: macro\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        var signalled: Set<String> = []
        for event in plan.activeEvents where event.isMicro {
            if let target = event.leadsTo?.value { signalled.insert(target) }
        }
        return Array(plan.activeEvents.filter { $0.kind == .macro && !signalled.contains($0.name) }.map { (event: Event) -> Diagnostic in
            finding("macro-conversion `\(event.name)` has no micro-conversion leading to it", at: event.span, path: event.path,
                    hint: "add `leads_to: \(event.name)` to the micro-conversions that predict it")
        })
    }
}
