import TrackplanCore
import TrackplanFormat

/// `page-type-macro`: every page type names its primary macro-conversion.
public struct PageTypeMacroRule: Rule {
    public static let description = RuleDescription(
        id: "page-type-macro", severity: .warning,
        summary: "Each page type names its primary macro-conversion with `macro`.",
        rationale: """
        Knowing which conversion a page works toward is what lets you judge its micro-conversions: a \
        product page serves the purchase, a pricing page the demo request.
        """,
        triggering: [
            .plan("page_types:\n  ↓product:\n    match: {path_prefix: /products/}\n"),
        ],
        nonTriggering: [
            .plan("page_types:\n  product:\n    match: {path_prefix: /products/}\n    macro: purchase\nevents:\n  purchase:\n    kind: macro\n    stage: decision\n"),
        ])

    public init() {}

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.pageTypes.compactMap { pageType in
            guard pageType.macro == nil else { return nil }
            let macros = plan.macroNames
            return finding("page type `\(pageType.id)` has no primary macro-conversion", at: pageType.span, path: pageType.path,
                           hint: macros.isEmpty ? "add `macro:` naming the conversion this page works toward"
                               : "add `macro:` with one of " + macros.map { "`\($0)`" }.joined(separator: ", "))
        }
    }
}
