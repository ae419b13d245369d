import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

/// Paths the tests use.
enum TestPaths {
    /// The repository root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the repository (CI clones the repository next to it).
    static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["TRACKPLAN_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let examples = root.appendingPathComponent("examples")
}

extension JSONValue {
    /// A form for comparison: objects sorted by key, every number a Double.
    var normalized: JSONValue {
        switch self {
        case .int(let i): return .double(Double(i))
        case .array(let items): return .array(items.map(\.normalized))
        case .object(let members):
            return .object(members.map { JSONMember($0.key, $0.value.normalized) }.sorted { $0.key < $1.key })
        default: return self
        }
    }
}

/// Runs the Python cross-check scripts in `Tests/` (see `.ci/run` for what they need).
enum PythonScript {
    /// Runs `Tests/<name>` with `arguments`; returns its exit status and standard output.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.root.appendingPathComponent("Tests/\(name)").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Loading and linting in memory.
enum Harness {
    /// Loads `files` (path → YAML), the root being `root`.
    /// An unreadable root is a test failure, never an empty result.
    static func load(_ files: [String: String], root: String = "plan.yaml",
                     sourceLocation: SourceLocation = #_sourceLocation) -> LoadResult {
        let loader = PlanLoader(sources: MemorySourceProvider(files), knownRuleIDs: RuleCatalog.ids)
        do {
            return try loader.load(root)
        } catch {
            Issue.record("the plan could not be read: \(error)", sourceLocation: sourceLocation)
            return LoadResult(plan: nil, diagnostics: [], files: [])
        }
    }

    /// Loads then lints, the way `trackplan lint` does. An unreadable root is a test failure.
    static func lint(_ files: [String: String], root: String = "plan.yaml", linter: Linter = Linter(),
                     sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        lintResult(files, root: root, linter: linter, sourceLocation: sourceLocation).diagnostics
    }

    /// Loads then lints; the whole result.
    static func lintResult(_ files: [String: String], root: String = "plan.yaml", linter: Linter = Linter(),
                           sourceLocation: SourceLocation = #_sourceLocation) -> LoadResult {
        let loader = PlanLoader(sources: MemorySourceProvider(files))
        do {
            return try linter.lint(root, loader: loader)
        } catch {
            Issue.record("the plan could not be read: \(error)", sourceLocation: sourceLocation)
            return LoadResult(plan: nil, diagnostics: [], files: [])
        }
    }

    /// Reads one YAML text.
    static func read(_ text: String, options: YAMLReader.Options = YAMLReader.Options()) -> YAMLReader.Result {
        YAMLReader(options: options).read(Array(text.utf8), path: "t.yaml")
    }

    /// `file:line:col: severity: message [rule]` for each diagnostic.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.span.map { "\($0.file.path):\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } ?? "-"): \(d.severity.rawValue): \(d.message) [\(d.ruleID)]"
        }
    }

    /// A valid minimal plan header; tests append page types and events.
    static let header = """
    trackplan: 1
    name: Test
    stages:
      - id: awareness
      - id: decision

    """
}

/// What some tests need beyond the repository: the corpora in `../shared` and Python modules
/// for cross-checks. Without them such a test is skipped and says why; with
/// `TRACKPLAN_REQUIRE_ALL=1` (set by `.ci/run`) it always runs, and fails if they are missing.
enum Requirement {
    /// Whether every test must run (CI).
    static let requireAll = ProcessInfo.processInfo.environment["TRACKPLAN_REQUIRE_ALL"] == "1"

    /// Whether `../shared/relative` exists (always true when every test must run).
    static func shared(_ relative: String) -> Bool {
        requireAll || FileManager.default.fileExists(atPath: TestPaths.shared.appendingPathComponent(relative).path)
    }

    /// Why a test that needs `../shared/relative` was skipped.
    static func sharedReason(_ relative: String) -> Comment {
        Comment(rawValue: "needs \(TestPaths.shared.appendingPathComponent(relative).path), the shared corpora beside the repository (.ci/run requires them)")
    }

    /// Whether python3 can import every one of `modules` (always true when every test must run).
    static func python(_ modules: [String]) -> Bool {
        if requireAll { return true }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }

    /// Why a test that needs `modules` was skipped.
    static func pythonReason(_ modules: [String]) -> Comment {
        Comment(rawValue: "needs python3 with \(modules.joined(separator: ", ")) (`scripts/setup` installs them)")
    }

    static let jsonschema = ["jsonschema", "yaml"]
    static let cmarkgfm = ["cmarkgfm"]
    static let hasJSONSchema = python(jsonschema)
    static let hasCmarkGFM = python(cmarkgfm)
    /// Whether TypeScript's compiler and node are on the PATH (always true when every test must run).
    static let hasTypeScript: Bool = requireAll || ["tsc", "node"].allSatisfy(onPath)

    /// Whether `tool` is on the PATH.
    static func onPath(_ tool: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "command -v \(tool)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    static let typeScriptReason = Comment(rawValue: "needs tsc and node (Debian's node-typescript; `scripts/setup` installs it)")
    /// Whether a headless Chromium is on the PATH, with tsc (always true when every test must run).
    static let hasChromium: Bool = requireAll || hasTypeScript && onPath("chromium")
    static let chromiumReason = Comment(rawValue: "needs chromium and tsc (Debian's chromium and node-typescript; `scripts/setup` installs them)")
    static let sqlEngines = ["sqlglot", "duckdb"]
    static let hasSQLEngines = python(sqlEngines)
}
