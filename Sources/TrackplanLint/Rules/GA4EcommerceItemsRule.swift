import TrackplanCore
import TrackplanFormat

/// `ga4-ecommerce-items`: GA4 e-commerce events send their products, and purchases their value.
public struct GA4EcommerceItemsRule: Rule {
    public static let description = RuleDescription(
        id: "ga4-ecommerce-items", severity: .warning,
        summary: "GA4 e-commerce events (`view_item`, `add_to_cart`, `begin_checkout`, `purchase`, …) send `items` (`type: items`); `purchase` and `refund` also send `value` and `currency`.",
        rationale: """
        GA4's monetization reports, item reports and funnel explorations are built from the `items` \
        array of e-commerce events: without it an `add_to_cart` counts, but nothing says which product. \
        A purchase without `value` and `currency` is not revenue. (`transaction_id` on purchases is \
        checked by `ga4-recommended-event`.)
        """,
        triggering: [
            .plan("events:\n  ↓add_to_cart:\n    stage: decision\n    params:\n      currency: {type: string}\n      value: {type: number}\n"),
            .plan("events:\n  ↓purchase:\n    kind: macro\n    stage: decision\n    params:\n      transaction_id: {type: string, required: true}\n      items: {type: items}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  add_to_cart:\n    stage: decision\n    params:\n      currency: {type: string}\n      value: {type: number}\n      items: {type: items}\n"),
        ])

    public init() {}

    /// GA4's e-commerce events: those whose recommended parameters include `items`.
    static let ecommerceEvents: Set<String> = Set(GA4Facts.recommendedEvents.filter { $0.value.params.contains("items") }.map(\.key))

    public func check(_ plan: Plan) -> [Diagnostic] {
        var results: [Diagnostic] = []
        for event in plan.activeEvents where Self.ecommerceEvents.contains(event.name) {
            let items = event.params.first { $0.name == "items" }
            if items?.type != .items {
                results.append(finding(
                    items == nil ? "e-commerce event `\(event.name)` sends no `items`: GA4's item reports will not know which products"
                        : "`items` of `\(event.name)` has type \(items?.type.rawValue ?? ""); GA4 needs the array of products (`type: items`)",
                    at: items?.span ?? event.span, path: event.path,
                    hint: "add `items: {type: items}` under `params` (it reads `ecommerce.items` from the data layer)"))
            }
            if event.name == "purchase" || event.name == "refund" {
                let missing = ["value", "currency"].filter { name in !event.params.contains { $0.name == name } }
                if !missing.isEmpty {
                    results.append(finding(
                        "`\(event.name)` has no " + missing.map { "`\($0)`" }.joined(separator: " and ") + ": GA4 does not count it as revenue",
                        at: event.span, path: event.path,
                        hint: "add " + missing.map { $0 == "value" ? "`value: {type: number, required: true}`" : "`currency: {type: string, required: true}`" }.joined(separator: " and ")))
                }
            }
        }
        return results
    }
}
