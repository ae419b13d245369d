import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanFormat
@testable import TrackplanGenerators
@testable import TrackplanSpec

/// Runs a command in `directory`; its status and its standard output and error together.
func runTool(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct TypeScriptTests {
    static func helpers(_ example: String, style: TypeScriptHelpers.Style) throws -> String {
        let result = Harness.load(["plan.yaml": try String(contentsOf: TestPaths.examples.appendingPathComponent(example), encoding: .utf8)])
        let plan = try #require(result.plan)
        return TypeScriptHelpers(spec: MeasurementSpec(plan: plan), source: example, style: style).render()
    }

    @Test(.enabled(if: Requirement.hasTypeScript, Requirement.typeScriptReason), arguments: GoldenTests.examples)
    func everyExampleCompilesStrictlyAsAModuleAndAsAScript(_ name: String) throws {
        let dir = try TempDirectory()
        for style in [TypeScriptHelpers.Style.module, .script] {
            let file = "\(style.rawValue).ts"
            try dir.write(file, try Self.helpers("\(name).yaml", style: style))
            let result = try runTool(["tsc", "--strict", "--noEmit", "--target", "es2017", file], in: dir.url)
            #expect(result.status == 0, "\(name) \(style): \(result.output)")
        }
    }

    @Test(.enabled(if: Requirement.hasTypeScript, Requirement.typeScriptReason))
    func wrongPushesDoNotCompile() throws {
        let dir = try TempDirectory(["tracking.ts": try Self.helpers("online-store.yaml", style: .module), "usage.ts": """
        import { trackPurchase, trackAddToCart, PageTypes } from "./tracking";
        trackPurchase({ transaction_id: "1001", value: 25, currency: "USD" });
        trackPurchase({ transaction_id: "1002", value: "25.00", currency: "USD" });
        trackPurchase({ transaction_id: "1003", value: 25, currency: "JPY" });
        trackAddToCart({ currency: "EUR", value: 12 });
        const page: "product" = PageTypes.product;

        """])
        let result = try runTool(["tsc", "--strict", "--noEmit", "--target", "es2017", "--module", "es2015", "--moduleResolution", "node", "usage.ts"], in: dir.url)
        #expect(result.status != 0)
        let errors = result.output.split(separator: "\n").filter { $0.hasPrefix("usage.ts(") }.map { String($0.prefix { $0 != ":" }) }
        #expect(errors == ["usage.ts(3,41)", "usage.ts(4,52)", "usage.ts(5,16)"], "\(result.output)")
    }

    @Test(.enabled(if: Requirement.hasTypeScript, Requirement.typeScriptReason))
    func pushesNestedObjectsAndChecksAtRuntimeWithVerifysIDs() throws {
        let dir = try TempDirectory(["tracking.ts": try Self.helpers("online-store.yaml", style: .module), "run.js": """
        globalThis.dataLayer = [];
        const t = require("./out/tracking.js");
        const messages = [];
        t.enableChecks((m) => messages.push(m));
        t.trackPurchase({ transaction_id: "1001", value: 25, currency: "USD", items: [{ item_id: "SKU1", price: 25 }] });
        t.trackPurchase({ transaction_id: "A-1", value: -5, currency: "JPY" });
        t.trackPurchase({ value: "25.00", currency: "USD" });
        t.trackAddToCart({ item_id: "SKU2", currency: "EUR", value: 12 });
        console.log(JSON.stringify(globalThis.dataLayer));
        console.log(messages.join("\\n"));

        """])
        let compiled = try runTool(["tsc", "--strict", "--target", "es2017", "--module", "commonjs", "--outDir", "out", "tracking.ts"], in: dir.url)
        #expect(compiled.status == 0, "\(compiled.output)")
        let run = try runTool(["node", "run.js"], in: dir.url)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == #"[{"ecommerce":null},{"event":"purchase","ecommerce":{"items":[{"item_id":"SKU1","price":25}],"transaction_id":"1001","value":25,"currency":"USD"}},{"ecommerce":null},{"event":"purchase","ecommerce":{"transaction_id":"A-1","value":-5,"currency":"JPY"}},{"ecommerce":null},{"event":"purchase","ecommerce":{"value":"25.00","currency":"USD"}},{"ecommerce":null},{"event":"add_to_cart","ecommerce":{"items":[{"item_id":"SKU2"}],"currency":"EUR","value":12}}]"#)
        #expect(Array(lines.dropFirst().filter { !$0.isEmpty }) == [
            "[trackplan value-not-allowed] `ecommerce.transaction_id` of `purchase` is \"A-1\", which does not match ^#?[0-9]{4,}$",
            "[trackplan value-not-allowed] `ecommerce.value` of `purchase` is -5, outside 0…∞",
            "[trackplan value-not-allowed] `ecommerce.currency` of `purchase` is \"JPY\"; allowed: \"USD\", \"EUR\", \"GBP\"",
            "[trackplan required-param-missing] `ecommerce.transaction_id` of `purchase` is required",
            "[trackplan param-type-mismatch] `ecommerce.value` of `purchase` should be number, not string (\"25.00\")",
        ])
    }

    @Test func theCodegenKeyNamesOnlyKnownOutputs() {
        let result = Harness.load(["plan.yaml": Harness.header + "codegen: [typescript, swift]\n"])
        #expect(Harness.lines(result.diagnostics) == ["plan.yaml:6:23-6:28: error: `swift` is not an output `codegen` can name; it names `typescript` [plan-schema]"])
        #expect(result.plan?.codegen.map(\.value) == ["typescript"])
    }

    @Test func buildWritesTrackingTSOnlyWhenThePlanAsksForIt() throws {
        let dir = try TempDirectory()
        let store = try CLI.run(["build", "examples/online-store.yaml", "--out", dir.url.appendingPathComponent("store").path])
        #expect(store.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("store/tracking.ts").path))
        let saas = try CLI.run(["build", "examples/b2b-saas.yaml", "--out", dir.url.appendingPathComponent("saas").path])
        #expect(saas.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("saas/tracking.ts").path))
        let single = try CLI.run(["codegen", "typescript", "examples/b2b-saas.yaml"])
        #expect(single.status == 0)
        #expect(single.stdout.hasPrefix("// Generated by trackplan from b2b-saas.yaml: typed data layer pushes for "))
        let script = try CLI.run(["codegen", "typescript", "examples/b2b-saas.yaml", "--script"])
        #expect(script.stdout.contains("\nnamespace Trackplan {\n"))
    }
}
