import Foundation
import TrackplanCore
import TrackplanFormat

/// Which of the files given to `lint` are plans: a fragment (a file with only `page_types`,
/// `events` and `include`, which some plan includes) is linted as part of the plan that includes
/// it, found in the fragment's folder or the ones above it up to the repository root.
public struct PlanSelection: Sendable {
    /// The plans to lint, in order, without repeats.
    public var plans: [String] = []
    /// Fragments no plan includes: reported as such instead of being linted as broken plans.
    public var orphans: [String] = []
    /// Files skipped because they are not trackplan files (with `plansOnly`).
    public var skipped: [String] = []
    /// What was decided, for the report.
    public var notes: [String] = []

    /// What a file is.
    enum Kind { case plan, fragment, other }

    /// The most candidate files read while looking for the plan that includes a fragment.
    static let maxCandidates = 500

    /// Sorts `paths` out. With `plansOnly`, YAML files that are neither plans nor fragments are
    /// skipped (a pre-commit hook passes every changed YAML file).
    public static func resolve(_ paths: [String], plansOnly: Bool = false, sources: DiskSourceProvider = DiskSourceProvider(),
                               workingDirectory: String = FileManager.default.currentDirectoryPath) -> PlanSelection {
        var selection = PlanSelection()
        var added: Set<String> = []
        func add(_ plan: String) {
            let identity = sources.identity(of: plan)
            if added.insert(identity).inserted { selection.plans.append(plan) }
        }
        for path in paths {
            switch kind(of: path, sources: sources) {
            case .plan:
                add(path)
            case .other:
                if plansOnly { selection.skipped.append(path) } else { add(path) }
            case .fragment:
                if let plan = includingPlan(of: path, sources: sources, workingDirectory: workingDirectory) {
                    selection.notes.append("`\(path)` is a fragment included by `\(plan)`; it is linted as part of that plan")
                    add(plan)
                } else {
                    selection.orphans.append(path)
                }
            }
        }
        if !selection.skipped.isEmpty {
            selection.notes.append("skipped \(selection.skipped.count) YAML file\(selection.skipped.count == 1 ? "" : "s") that \(selection.skipped.count == 1 ? "is" : "are") not a trackplan file: " + selection.skipped.map { "`\($0)`" }.joined(separator: ", "))
        }
        return selection
    }

    /// A plan has `trackplan:`; a fragment has only the keys of an included file.
    static func kind(of path: String, sources: DiskSourceProvider) -> Kind {
        guard sources.kind(of: path) == .regular, let bytes = try? sources.contents(of: path) else { return .plan }
        // The usual root file says `trackplan: 1` at the start of a line: a top-level key (a line
        // inside any value is indented), found without reading the whole file as YAML.
        if hasTopLevelFormatKey(bytes) { return .plan }
        let result = YAMLReader().read(bytes, path: path)
        // A file that does not read as YAML may be a broken plan: lint reports why.
        if result.diagnostics.contains(where: { $0.severity == .error }) { return .plan }
        guard let pairs = result.documents.first?.mapping else { return .other }
        let keys = pairs.compactMap { $0.key.scalar?.text }
        if keys.contains("trackplan") { return .plan }
        if !keys.isEmpty, keys.allSatisfy(PlanKeys.includedFile.contains) { return .fragment }
        return keys.contains(where: PlanKeys.root.contains) ? .plan : .other
    }

    /// Whether a line of `bytes` starts with `trackplan:`.
    static func hasTopLevelFormatKey(_ bytes: [UInt8]) -> Bool {
        let key = Array("trackplan:".utf8)
        var lineStart = true
        var i = 0
        while i < bytes.count {
            if lineStart, bytes[i] == key[0], i + key.count <= bytes.count, Array(bytes[i..<i + key.count]) == key { return true }
            lineStart = bytes[i] == 0x0A
            i += 1
        }
        return false
    }

    /// The first plan, in the fragment's folder or one above it (up to the repository root),
    /// whose files include it, directly or through other fragments.
    static func includingPlan(of fragment: String, sources: DiskSourceProvider, workingDirectory: String) -> String? {
        guard let target = sources.canonicalPath(of: fragment) else { return nil }
        let root = repositoryRoot(of: workingDirectory)
        var directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        var read = 0
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                read += 1
                guard read <= maxCandidates else { return nil }
                let candidate = directory.appendingPathComponent(name).path
                guard candidate != target, let bytes = try? sources.contents(of: candidate),
                      bytes.count < 1 << 22, String(decoding: bytes, as: UTF8.self).contains("trackplan:"),
                      let loaded = try? PlanLoader(sources: sources).load(candidate) else { continue }
                if loaded.files.contains(where: { sources.canonicalPath(of: $0.path) == target }) {
                    return PathUtil.relative(candidate, to: ".", workingDirectory: workingDirectory)
                }
            }
            let parent = directory.deletingLastPathComponent()
            if directory.path == root || parent.path == directory.path || !directory.path.hasPrefix(root) { return nil }
            directory = parent
        }
    }

    /// The orphaned fragments as findings: one `include` error at the start of each.
    public func orphanFindings(reading sources: DiskSourceProvider = DiskSourceProvider()) -> [FindingReport.Subject] {
        orphans.map { path in
            let file = SourceFile(path: path, text: (try? sources.contents(of: path)).map { String(decoding: $0, as: UTF8.self) } ?? "")
            let diagnostic = Diagnostic(
                rule: RuleID.include,
                message: "`\(path)` holds only `page_types`, `events` or `include`, and no plan in its folder or above includes it",
                span: .startOf(file),
                hint: "lint the plan that includes it, or make it a plan with `trackplan: 1`, `name` and `stages`")
            return FindingReport.Subject(path: path, files: [file], diagnostics: [diagnostic])
        }
    }
}
