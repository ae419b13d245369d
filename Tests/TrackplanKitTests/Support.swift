import Foundation
@testable import TrackplanKit

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
    static let fixtures = root.appendingPathComponent("Tests/TrackplanKitTests/Fixtures")
}

/// A tiny JSON parser for test oracles (the YAML test suite's `in.json`, our own output).
struct JSONTestParser {
    private let scalars: [Unicode.Scalar]
    private var i = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses every JSON value in the text, one after another (a stream).
    static func parseStream(_ text: String) throws -> [JSONValue] {
        var parser = JSONTestParser(text)
        var values: [JSONValue] = []
        parser.skipSpace()
        while parser.i < parser.scalars.count {
            values.append(try parser.value())
            parser.skipSpace()
        }
        return values
    }

    static func parse(_ text: String) throws -> JSONValue {
        let values = try parseStream(text)
        guard values.count == 1 else { throw ParseError(message: "expected one value, found \(values.count)") }
        return values[0]
    }

    struct ParseError: Error { var message: String }

    mutating func skipSpace() {
        while i < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[i]) { i += 1 }
    }

    mutating func value() throws -> JSONValue {
        skipSpace()
        guard i < scalars.count else { throw ParseError(message: "unexpected end") }
        switch scalars[i] {
        case "{":
            i += 1
            var members: [JSONMember] = []
            skipSpace()
            if scalars[i] == "}" { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw ParseError(message: "key") }
                skipSpace()
                guard scalars[i] == ":" else { throw ParseError(message: "expected : at \(i)") }
                i += 1
                members.append(JSONMember(key, try value()))
                skipSpace()
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "}" { i += 1; return .object(members) }
                throw ParseError(message: "expected , or } at \(i)")
            }
        case "[":
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if scalars[i] == "]" { i += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "]" { i += 1; return .array(items) }
                throw ParseError(message: "expected , or ] at \(i)")
            }
        case "\"":
            i += 1
            var s = String.UnicodeScalarView()
            while scalars[i] != "\"" {
                if scalars[i] == "\\" {
                    i += 1
                    switch scalars[i] {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "r": s.append("\r")
                    case "b": s.append("\u{8}")
                    case "f": s.append("\u{C}")
                    case "u":
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code), scalars[i + 1] == "\\", scalars[i + 2] == "u" {
                            i += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        s.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: s.append(scalars[i])
                    }
                } else {
                    s.append(scalars[i])
                }
                i += 1
            }
            i += 1
            return .string(String(s))
        case "t": i += 4; return .bool(true)
        case "f": i += 5; return .bool(false)
        case "n": i += 4; return .null
        default:
            let start = i
            while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<i]))
            if let int = Int(text) { return .int(int) }
            guard let d = Double(text) else { throw ParseError(message: "bad number \(text)") }
            return .double(d)
        }
    }

    mutating func hex4() throws -> UInt32 {
        let text = String(String.UnicodeScalarView(scalars[(i + 1)...(i + 4)]))
        i += 4
        guard let v = UInt32(text, radix: 16) else { throw ParseError(message: "bad \\u") }
        return v
    }
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

/// Loading and linting in memory.
enum Harness {
    /// Loads `files` (path → YAML), the root being `root`.
    static func load(_ files: [String: String], root: String = "plan.yaml") -> LoadResult {
        let loader = PlanLoader(sources: MemorySourceProvider(files))
        do {
            return try loader.load(root)
        } catch {
            return LoadResult(plan: nil, diagnostics: [], files: [])
        }
    }

    /// Loads then lints, the way `trackplan lint` does.
    static func lint(_ files: [String: String], root: String = "plan.yaml") -> [Diagnostic] {
        let loader = PlanLoader(sources: MemorySourceProvider(files))
        return (try? Linter().lint(root, loader: loader).diagnostics) ?? []
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
