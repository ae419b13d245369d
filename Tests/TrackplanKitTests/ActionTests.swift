import Foundation
import Testing
@testable import TrackplanCore

/// The GitHub Action: action.yml is well-formed and its script runs lint, diff and verify on a
/// sample repository as GitHub would (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).
@Suite struct ActionTests {
    @Test func actionYAMLDeclaresWhatItsStepsUse() throws {
        let text = try String(contentsOf: TestPaths.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let read = Harness.read(text)
        #expect(read.diagnostics.isEmpty)
        let root = try #require(read.documents.first?.mapping)
        let inputsNode = try #require(root.first { $0.key.scalar?.text == "inputs" }?.value.mapping)
        let inputs = inputsNode.compactMap { $0.key.scalar?.text }
        #expect(inputs == ["plans", "fail-on", "sarif", "diff-base", "captures", "verify-args", "binary-url"])
        // Every `inputs.X` the steps use is declared.
        let used = Set(text.matches(of: /inputs\.([a-z-]+)/).map { String($0.1) })
        #expect(used.isSubset(of: Set(inputs)), "\(used.subtracting(inputs))")
        let script = try String(contentsOf: TestPaths.root.appendingPathComponent("scripts/action/run.sh"), encoding: .utf8)
        for variable in Set(text.matches(of: /(INPUT_[A-Z_]+):/).map { String($0.1) }) {
            #expect(script.contains("#   \(variable) "), "\(variable) is not documented in scripts/action/run.sh")
        }
    }

    @Test func theScriptLintsDiffsAndVerifiesASampleRepository() throws {
        let binary = try #require(CLI.executable, "the trackplan executable was not found")
        let dir = try TempDirectory(["plan.yaml": try String(contentsOf: TestPaths.examples.appendingPathComponent("online-store.yaml"), encoding: .utf8)])
        func git(_ arguments: String...) throws {
            let result = try runTool(["git", "-c", "user.email=ci@example.com", "-c", "user.name=CI"] + arguments, in: dir.url)
            #expect(result.status == 0, "\(result.output)")
        }
        try git("init", "-q")
        try git("add", "plan.yaml")
        try git("commit", "-q", "-m", "base")
        // A breaking change: purchase loses its coupon parameter.
        let plan = try String(contentsOf: dir.url.appendingPathComponent("plan.yaml"), encoding: .utf8)
        try dir.write("plan.yaml", plan.replacingOccurrences(of: "      coupon: {type: string, from: ecommerce.coupon}\n", with: ""))
        try dir.write("hits.txt", "https://region1.google-analytics.com/g/collect?v=2&tid=G-NW4TR7K2Q9&cid=1.2&dl=https%3A%2F%2Fwww.northwind-outfitters.example%2Fcart&en=purchase&ep.transaction_id=1001&epn.value=25&cu=EUR&ep.store_region=eu\n")
        let process = Process()
        process.executableURL = TestPaths.root.appendingPathComponent("scripts/action/run.sh")
        process.currentDirectoryURL = dir.url
        var env = ProcessInfo.processInfo.environment
        env["TRACKPLAN"] = binary.path
        env["INPUT_PLANS"] = "plan.yaml"
        env["INPUT_DIFF_BASE"] = "HEAD"
        env["INPUT_CAPTURES"] = "hits.txt"
        env["INPUT_VERIFY_ARGS"] = "--rule event-not-seen=off"
        env["GITHUB_OUTPUT"] = dir.url.appendingPathComponent("output.txt").path
        env["GITHUB_STEP_SUMMARY"] = dir.url.appendingPathComponent("summary.md").path
        env["RUNNER_TEMP"] = dir.url.path
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The diff is breaking (a removed parameter): the job fails.
        #expect(process.terminationStatus == 1, "\(log)")
        let outputs = try String(contentsOf: dir.url.appendingPathComponent("output.txt"), encoding: .utf8)
        #expect(outputs == "sarif=trackplan.sarif\ndiff=\(dir.url.path)/trackplan-action/diff.md\nverify=\(dir.url.path)/trackplan-action/verify.md\n")
        let sarif = try JSONParser.parse(String(contentsOf: dir.url.appendingPathComponent("trackplan.sarif"), encoding: .utf8))
        #expect(sarif["version"] == .string("2.1.0"))
        let summary = try String(contentsOf: dir.url.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("param-removed"))
        #expect(summary.contains("## trackplan verify: passed"))
    }
}
