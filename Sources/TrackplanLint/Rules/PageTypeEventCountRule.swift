import TrackplanCore
import TrackplanFormat

/// `page-type-event-count`: 5 to 10 micro-conversions per page type.
public struct PageTypeEventCountRule: Rule {
    public static let description = RuleDescription(
        id: "page-type-event-count", severity: .warning,
        summary: "Each page type has between `conventions.events_per_page_type.min` and `max` micro-conversions (5 to 10 by default).",
        rationale: """
        Too few micro-conversions on a page type hide where visitors hesitate before converting; too many \
        turn the signal into noise nobody reads. Events without `pages` fire everywhere and count on every page type.
        """,
        triggering: [
            .plan("""
            page_types:
              ↓product:
                match: {path_prefix: /products/}
            events:
              size_guide_open:
                stage: consideration
                pages: [product]

            """),
        ],
        nonTriggering: [
            .plan("conventions:\n  events_per_page_type: {min: 1, max: 3}\npage_types:\n  product:\n    match: {path_prefix: /products/}\nevents:\n  size_guide_open:\n    stage: consideration\n    pages: [product]\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        let range = plan.conventions.eventsPerPageType
        let byPageType = plan.microConversionsByPageType()
        return plan.pageTypes.compactMap { pageType in
            let count = byPageType[pageType.id]?.count ?? 0
            if count < range.lowerBound {
                return finding("page type `\(pageType.id)` has \(count) micro-conversion\(count == 1 ? "" : "s"); aim for \(range.lowerBound) to \(range.upperBound)",
                               at: pageType.span, path: pageType.path,
                               hint: "add the small intent signals of this page (clicks on key buttons, scroll depth, video progress, downloads) with `pages: [\(pageType.id)]`")
            }
            if count > range.upperBound {
                return finding("page type `\(pageType.id)` has \(count) micro-conversions; aim for \(range.lowerBound) to \(range.upperBound)",
                               at: pageType.span, path: pageType.path,
                               hint: "keep the strongest signals; drop or merge the rest, or narrow the `pages` of site-wide events")
            }
            return nil
        }
    }
}
