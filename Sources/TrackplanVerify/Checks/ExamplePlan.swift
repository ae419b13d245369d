import TrackplanCapture

extension VerifyExample {
    /// The plan of most examples: a small shop.
    static let shopPlan = """
    trackplan: 1
    name: Example shop
    ga4: {measurement_id: G-EXAMPLE1}
    stages:
      - id: consideration
      - id: decision
    page_types:
      product: {match: {path_prefix: /products/}}
      cart: {match: {path: /cart}}
    events:
      add_to_cart:
        stage: consideration
        leads_to: purchase
        pages: [product]
        params:
          currency: {type: string, required: true, values: [EUR, USD], from: ecommerce.currency}
          value: {type: number, required: true, from: ecommerce.value}
      purchase:
        kind: macro
        stage: decision
        pages: [cart]
        params:
          transaction_id: {type: string, required: true, from: ecommerce.transaction_id}
          value: {type: number, required: true, from: ecommerce.value}

    """

    /// A GA4 hit to the example shop: `page` is the path, `params` the rest of the query.
    static func hit(_ page: String, _ params: String) -> String {
        "https://region1.google-analytics.com/g/collect?v=2&tid=G-EXAMPLE1&cid=111.222&sid=1700000000"
            + "&dl=https%3A%2F%2Fshop.example\(page.replacingOccurrences(of: "/", with: "%2F"))&\(params)"
    }
}
