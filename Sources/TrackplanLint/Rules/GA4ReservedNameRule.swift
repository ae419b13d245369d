import TrackplanCore
import TrackplanFormat

/// `ga4-reserved-name`: event names GA4 keeps for itself.
public struct GA4ReservedNameRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-reserved-name", severity: .error,
        summary: "Event names must not be reserved by GA4 or use a reserved prefix (`ga_`, `google_`, `firebase_`, `_`).",
        rationale: """
        GA4 ignores events sent under reserved names. Enhanced Measurement already collects scrolls, \
        outbound clicks, file downloads, form interactions, video engagement and site search: an event \
        of the same name defined again is counted twice.
        """,
        triggering: [
            .plan("events:\n  ↓file_download:\n    stage: consideration\n"),
            .plan("events:\n  ↓ga_custom_click:\n    stage: consideration\n"),
            .plan("events:\n  ↓session_start:\n    stage: awareness\n"),
        ],
        nonTriggering: [
            .plan("events:\n  guide_download:\n    stage: consideration\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.events.compactMap { event in
            let name = event.name
            if GA4Facts.enhancedMeasurementEvents.contains(name) {
                return finding("`\(name)` is collected by GA4's Enhanced Measurement already; defining it again double-counts",
                               at: event.span, path: event.path,
                               hint: "give your event a specific name (such as `pricing_\(name)`), or rely on Enhanced Measurement")
            }
            if GA4Facts.reservedEventNames.contains(name) {
                return finding("`\(name)` is a name GA4 reserves; events sent under it are ignored",
                               at: event.span, path: event.path, hint: "choose another name")
            }
            if let prefix = GA4Facts.reservedEventPrefixes.first(where: { name.hasPrefix($0) }) {
                let rest = String(name.dropFirst(prefix.count)).trimmingPrefix("_")
                return finding("event `\(name)` starts with `\(prefix)`, a prefix GA4 reserves", at: event.span, path: event.path,
                               hint: rest.isEmpty ? "choose another name" : "rename it to `\(rest)`")
            }
            return nil
        }
    }
}

extension String {
    func trimmingPrefix(_ character: Character) -> String {
        String(drop { $0 == character })
    }
}
