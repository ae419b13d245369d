import Foundation
import TrackplanCore
import TrackplanDiff
import TrackplanFormat
import TrackplanGenerators
import TrackplanLint
import TrackplanVerify
import TrackplanAnalyze

/// Every file of the repository that is generated from a single source of truth: the rule
/// catalog (`docs/rules.md`, the README's rule tables, the JSON Schema's rule id lists), the
/// embedded schema, and the example plans' outputs under `examples/build/` (the golden files).
///
/// `swift run trackplan-dev regenerate` writes them; `--check` (run by CI and by a test) lists
/// the stale ones.
public enum Regeneration {
    /// A generated file: its path relative to the repository root and its content.
    public struct File: Sendable, Equatable {
        /// The path relative to the repository root.
        public var path: String
        /// What it must contain.
        public var content: String
    }

    /// A source of truth that could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The markers around the README's change kind table.
    public static let changeKindsBegin = "<!-- BEGIN GENERATED: change kinds (swift run trackplan-dev regenerate) -->"
    public static let changeKindsEnd = "<!-- END GENERATED: change kinds -->"

    /// The markers around the README's verify check table.
    public static let verifyChecksBegin = "<!-- BEGIN GENERATED: verify checks (swift run trackplan-dev regenerate) -->"
    public static let verifyChecksEnd = "<!-- END GENERATED: verify checks -->"

    /// The markers around the README's analyze finding table.
    public static let analyzeBegin = "<!-- BEGIN GENERATED: analyze findings (swift run trackplan-dev regenerate) -->"
    public static let analyzeEnd = "<!-- END GENERATED: analyze findings -->"

    /// The markers around the README's generated rule tables.
    public static let readmeBegin = "<!-- BEGIN GENERATED: rule tables (swift run trackplan-dev regenerate) -->"
    public static let readmeEnd = "<!-- END GENERATED: rule tables -->"

    /// Every generated file, computed from the sources under `root`.
    public static func files(root: URL) throws(Failure) -> [File] {
        var files: [File] = []
        files.append(File(path: "docs/rules.md", content: RuleDocumentation.markdown()))
        files.append(File(path: "docs/verify.md", content: VerifyDocumentation.markdown()))
        let schema = try schemaWithRuleIDs(read(root, "Schemas/trackplan.schema.json"))
        files.append(File(path: "Schemas/trackplan.schema.json", content: schema))
        files.append(File(path: "Sources/TrackplanFormat/EmbeddedSchema.swift", content: embeddedSchema(schema)))
        files.append(File(path: "README.md", content: try readme(read(root, "README.md"))))
        files += try goldenFiles(root: root)
        return files
    }

    /// The paths of the generated files whose content on disk differs (or that are missing).
    public static func stale(root: URL) throws(Failure) -> [String] {
        try files(root: root).filter { file in
            (try? String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8)) != file.content
        }.map(\.path)
    }

    /// Writes the stale files; returns their paths.
    public static func write(root: URL) throws(Failure) -> [String] {
        var written: [String] = []
        for file in try files(root: root) {
            let url = root.appendingPathComponent(file.path)
            if (try? String(contentsOf: url, encoding: .utf8)) == file.content { continue }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputWriter.write(Data(file.content.utf8), to: url.path)
            } catch {
                throw Failure(description: "cannot write \(file.path): \(error.localizedDescription)")
            }
            written.append(file.path)
        }
        return written
    }

    static func read(_ root: URL, _ path: String) throws(Failure) -> String {
        do {
            return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// The schema with every list of lint rule ids (`lint.rules` keys, `suppress` keys) set to
    /// the catalog's ids, in catalog order. A list of rule ids is a JSON array following a
    /// `"propertyNames": {` line whose items all look like rule ids.
    static func schemaWithRuleIDs(_ schema: String) throws(Failure) -> String {
        var lines = schema.components(separatedBy: "\n")
        var i = 0
        var replaced = 0
        while i < lines.count {
            guard lines[i].trimmingCharacters(in: .whitespaces) == "\"propertyNames\": {",
                  i + 1 < lines.count, lines[i + 1].trimmingCharacters(in: .whitespaces) == "\"enum\": [" else { i += 1; continue }
            let indent = String(lines[i + 1].prefix { $0 == " " }) + "  "
            var end = i + 2
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "]" { end += 1 }
            guard end < lines.count else { break }
            let items = lines[(i + 2)..<end].map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\",")) }
            let looksLikeRules = items.contains { RuleCatalog.ids.contains($0) }
            if looksLikeRules {
                let ids = RuleCatalog.ids.enumerated().map { index, id in
                    indent + "\"\(id)\"" + (index == RuleCatalog.ids.count - 1 ? "" : ",")
                }
                lines.replaceSubrange((i + 2)..<end, with: ids)
                replaced += 1
                end = i + 2 + ids.count
            }
            i = end + 1
        }
        guard replaced > 0 else { throw Failure(description: "Schemas/trackplan.schema.json has no list of rule ids to update") }
        return lines.joined(separator: "\n")
    }

    /// `Sources/TrackplanFormat/EmbeddedSchema.swift` for `schema`.
    static func embeddedSchema(_ schema: String) -> String {
        "// Generated by `swift run trackplan-dev regenerate` from Schemas/trackplan.schema.json. Do not edit.\n\n"
            + "/// The plan format's JSON Schema, as `trackplan init` writes it beside a new plan.\n"
            + "public enum EmbeddedSchema {\n"
            + "    /// The content of `Schemas/trackplan.schema.json`.\n"
            + "    public static let json = ###\"\"\"\n" + schema + (schema.hasSuffix("\n") ? "\n" : "") + "\"\"\"###\n}\n"
    }

    /// The README with its generated rule tables replaced.
    static func readme(_ text: String) throws(Failure) -> String {
        guard let begin = text.range(of: readmeBegin), let end = text.range(of: readmeEnd, range: begin.upperBound..<text.endIndex) else {
            throw Failure(description: "README.md lacks the markers `\(readmeBegin)` … `\(readmeEnd)`")
        }
        let withRules = String(text[..<begin.upperBound]) + "\n" + RuleDocumentation.readmeTables() + String(text[end.lowerBound...])
        guard let kindsBegin = withRules.range(of: changeKindsBegin),
              let kindsEnd = withRules.range(of: changeKindsEnd, range: kindsBegin.upperBound..<withRules.endIndex) else {
            throw Failure(description: "README.md lacks the markers `\(changeKindsBegin)` … `\(changeKindsEnd)`")
        }
        let withKinds = String(withRules[..<kindsBegin.upperBound]) + "\n" + changeKindTable() + String(withRules[kindsEnd.lowerBound...])
        guard let checksBegin = withKinds.range(of: verifyChecksBegin),
              let checksEnd = withKinds.range(of: verifyChecksEnd, range: checksBegin.upperBound..<withKinds.endIndex) else {
            throw Failure(description: "README.md lacks the markers `\(verifyChecksBegin)` … `\(verifyChecksEnd)`")
        }
        let withChecks = String(withKinds[..<checksBegin.upperBound]) + "\n" + verifyCheckTable() + String(withKinds[checksEnd.lowerBound...])
        guard let analyzeStart = withChecks.range(of: analyzeBegin),
              let analyzeStop = withChecks.range(of: analyzeEnd, range: analyzeStart.upperBound..<withChecks.endIndex) else {
            throw Failure(description: "README.md lacks the markers `\(analyzeBegin)` … `\(analyzeEnd)`")
        }
        var table = "| Finding | Severity | What it says |\n| --- | --- | --- |\n"
        for d in AnalysisChecks.descriptions {
            table += "| `\(d.id)` | \(d.severity.rawValue) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) \(d.rationale.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return String(withChecks[..<analyzeStart.upperBound]) + "\n" + table + String(withChecks[analyzeStop.lowerBound...])
    }

    /// The checks of `trackplan verify` as a Markdown table.
    static func verifyCheckTable() -> String {
        var out = "| Check | Default | What it checks |\n| --- | --- | --- |\n"
        for d in VerifyChecks.descriptions {
            out += "| [`\(d.id)`](docs/verify.md#\(d.id)) | \(d.severity.rawValue) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }

    /// The change kinds of `trackplan diff` as a Markdown table.
    static func changeKindTable() -> String {
        var out = "| Change | Level | What it means |\n| --- | --- | --- |\n"
        for kind in ChangeKinds.all {
            out += "| `\(kind.id)` | \(kind.level.rawValue) | \(kind.summary) \(kind.rationale) |\n"
        }
        return out
    }

    /// `examples/build/NAME/FILE` for every `examples/NAME.yaml`, generated without
    /// `SOURCE_DATE_EPOCH` so the bytes never depend on the environment.
    static func goldenFiles(root: URL) throws(Failure) -> [File] {
        let examples = root.appendingPathComponent("examples")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw Failure(description: "cannot list examples/: \(error.localizedDescription)")
        }
        var files: [File] = []
        for name in names {
            let plan = examples.appendingPathComponent(name).path
            let base = String(name.dropLast(".yaml".count))
            let checked: Pipeline.Checked
            do {
                checked = try Pipeline().check(plan)
            } catch {
                throw Failure(description: "examples/\(name) does not lint without errors: \(error.report.summary)")
            }
            do {
                for file in try Pipeline.generate(checked, environment: [:]) {
                    files.append(File(path: "examples/build/\(base)/\(file.name)", content: try file.text()))
                }
            } catch {
                throw Failure(description: "\(error)")
            }
        }
        return files
    }
}
