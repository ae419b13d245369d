import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanGenerators

/// The whole loop in a real browser: a page uses the generated helpers, headless Chromium runs
/// it and dumps `window.dataLayer`, and `trackplan verify` checks the dump against the plan.
@Suite struct BrowserLoopTests {
    /// The page's data layer after its script ran, as Chromium leaves it in the page's body.
    func dataLayer(of script: String, in dir: TempDirectory) throws -> String {
        try dir.write("page.html", """
        <!doctype html>
        <html><head><script src="tracking.js"></script></head>
        <body><script>
        \(script)
        document.body.textContent = JSON.stringify(window.dataLayer);
        </script></body></html>
        """)
        let result = try runTool(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                  dir.url.appendingPathComponent("page.html").absoluteString], in: dir.url)
        let html = result.output
        let start = try #require(html.range(of: "<body>")), end = try #require(html.range(of: "</body>"))
        return String(html[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: Requirement.hasChromium, Requirement.chromiumReason))
    func aPageUsingTheHelpersPassesVerifyAndAWrongPushFails() throws {
        let dir = try TempDirectory(["tracking.ts": try TypeScriptTests.helpers("online-store.yaml", style: .script)])
        let compiled = try runTool(["tsc", "--strict", "--target", "es2017", "--outFile", "tracking.js", "tracking.ts"], in: dir.url)
        #expect(compiled.status == 0, "\(compiled.output)")
        let plan = TestPaths.examples.appendingPathComponent("online-store.yaml").path

        let clean = try dataLayer(of: """
        Trackplan.trackPurchase({ transaction_id: "1001", value: 25, currency: "USD" });
        Trackplan.trackAddToCart({ item_id: "SKU1", currency: "EUR", value: 12 });
        """, in: dir)
        #expect(clean == #"[{"ecommerce":null},{"event":"purchase","ecommerce":{"transaction_id":"1001","value":25,"currency":"USD"}},{"ecommerce":null},{"event":"add_to_cart","ecommerce":{"items":[{"item_id":"SKU1"}],"currency":"EUR","value":12}}]"#)
        try dir.write("clean.json", clean)
        let passed = try CLI.run(["verify", plan, "clean.json"], in: dir.url)
        #expect(passed.status == 0, "\(passed.stdout)")

        // Untyped code can still push a wrong type: verify catches it in the dump.
        let wrong = try dataLayer(of: """
        Trackplan.trackPurchase({ transaction_id: "1002", value: "25.00", currency: "USD" });
        """, in: dir)
        try dir.write("wrong.json", wrong)
        let failed = try CLI.run(["verify", plan, "wrong.json"], in: dir.url)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("error: `ecommerce.value` (parameter `value`) of `purchase` should be a number but was a string in 1 of 1 push (100%); types seen: string 100% [param-type-mismatch]"))
    }
}
