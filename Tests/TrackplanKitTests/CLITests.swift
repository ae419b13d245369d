import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

/// Runs the `trackplan` executable built alongside the tests.
enum CLI {
    static let executable: URL? = {
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        candidates.append(TestPaths.root.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("trackplan") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL = TestPaths.root, environment: [String: String] = [:],
                    stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = try #require(executable, "the trackplan executable was not found next to the tests")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            // Written from another thread: a large input must not block on a full pipe.
            let handle = input.fileHandleForWriting
            DispatchQueue.global().async {
                handle.write(Data(stdin.utf8))
                try? handle.close()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary directory with files, removed at the end of the test.
final class TempDirectory {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trackplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite struct CLITests {
    @Test func lintPrintsCompilerStyleDiagnostics() throws {
        let dir = try TempDirectory(["shop.yaml": Harness.header + """
        events:
          add_to_cart:
            stgae: decision
            description: Adds to cart.

        """])
        let result = try CLI.run(["lint", "shop.yaml"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
        shop.yaml:8:5: error: unknown key `stgae` in event `add_to_cart`; did you mean `stage`? [plan-schema]
         8 |     stgae: decision
           |     ^~~~~
           = help: rename it to `stage`
        1 error in 1 plan

        """)
    }

    @Test func cleanPlanExitsZero() throws {
        let result = try CLI.run(["lint", "examples/online-store.yaml", "examples/publisher.yaml"])
        #expect(result.stdout == "no problems in 2 plans\n")
        #expect(result.status == 0)
    }

    @Test func warningsDoNotFail() throws {
        let dir = try TempDirectory(["p.yaml": Harness.header + "events:\n  add_to_cart:\n    stage: decision\n    params:\n      items: {type: items}\n"])
        let result = try CLI.run(["lint", "p.yaml"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\n3 warnings, 1 info in 1 plan\n"))
        #expect(result.stdout.components(separatedBy: ": warning: ").count - 1 == 3)
    }

    @Test func unreadablePlanExitsTwo() throws {
        let result = try CLI.run(["lint", "does-not-exist.yaml"])
        #expect(result.status == 2)
        #expect(result.stdout == "error: cannot read plan `does-not-exist.yaml`: no such file\n1 plan could not be read\n")
    }

    @Test func badUsageExits64() throws {
        #expect(try CLI.run(["lint"]).status == 64)
        #expect(try CLI.run(["lint", "--no-such-flag", "x.yaml"]).status == 64)
    }

    @Test func rulesListsTheCatalog() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        for id in RuleCatalog.ids { #expect(result.stdout.contains(id)) }
        let one = try CLI.run(["rules", "name-case"])
        #expect(one.stdout.hasPrefix("name-case (default severity: error)\n"))
        #expect(try CLI.run(["rules", "name-cse"]).status == 64)
    }

    @Test func rulesExplainsLoadingRulesWithWhatTheirExamplesReport() throws {
        let result = try CLI.run(["rules", "plan-schema"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
        plan-schema (default severity: error)

        The plan has the shape of the format: known keys, right types, required keys present.

        """))
        #expect(result.stdout.contains("""
          Reports:
            plan.yaml:9:5: error: unknown key `stgae` in event `add_to_cart`; did you mean `stage`? [plan-schema]
                help: rename it to `stage`

        """))
        #expect(try CLI.run(["rules", "include"]).stdout.contains(
            "plan.yaml:7:11: error: cannot read included file `events/checkout.yaml`: no such file [include]\n"))
    }

    @Test func unknownFormatsAreRefusedWithTheList() throws {
        let result = try CLI.run(["lint", "--format", "xml", "examples/online-store.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: unknown format `xml`; the formats are text, json, sarif, github or junit\n"))
    }

    @Test func filesOverTheSizeLimitAreRefusedWithoutReadingThem() throws {
        let dir = try TempDirectory()
        let path = dir.url.appendingPathComponent("huge.yaml").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 65 * 1024 * 1024)  // sparse: nothing is written
        try handle.close()
        let result = try CLI.run(["lint", "huge.yaml"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout == "huge.yaml:1:1: error: file is 65 MiB, over the 64 MiB limit for one plan file [yaml-syntax]\n    = help: split the plan into several files with `include`\n1 error in 1 plan\n")
    }

    @Test func largePlansLoad() throws {
        // A plan of 20,000 events (about 4 MB) loads; the reader's limit is 64 MiB per file.
        var text = Harness.header + "events:\n"
        for i in 0..<20_000 {
            text += "  event_\(i)_view:\n    stage: awareness\n    description: Event number \(i).\n    trigger: {click: {selector: '.e\(i)'}}\n"
        }
        let dir = try TempDirectory(["big.yaml": text])
        let result = try Linter().lint(dir.url.appendingPathComponent("big.yaml").path)
        #expect(result.plan?.events.count == 20_000)
        #expect(!result.hasErrors)
    }
}
