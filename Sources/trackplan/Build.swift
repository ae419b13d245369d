import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanReports
import TrackplanGenerators

/// `trackplan docs PLAN -o TRACKING.md`
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the plan's documentation as Markdown (funnel diagram, coverage, page types, event catalog).",
        discussion: "Nothing is written when the plan has lint errors."
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Option(name: [.short, .long], help: "Where to write the Markdown (default: standard output).")
    var output: String?

    func run() throws {
        try Generate.single(plan, to: output) { Pipeline.trackingDocument($0.plan, report: $0.report) }
    }
}

/// `trackplan build PLAN --out DIR [--check]`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint a plan, then write every output into a directory.",
        discussion: """
        Writes gtm-container.json, ga4-admin.json and TRACKING.md into DIR (created if needed). \
        Nothing is written when the plan has lint errors; files whose content is unchanged are \
        not rewritten. With --check, nothing is written: the command lists the files that are \
        missing or differ and exits 1, or exits 0 when all are up to date.
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @Option(name: .long, help: "The output directory.")
    var out: String

    @Flag(name: .long, help: "Write nothing; exit 1 when a generated file is missing or differs.")
    var check = false

    func run() throws {
        let checked = try Generate.check(plan)
        let files: [Pipeline.GeneratedFile]
        do {
            files = try Pipeline.allOutputs(checked)
        } catch {
            Terminal.writeError("\(error)\n")
            throw ExitCode(70)
        }
        let directory = URL(fileURLWithPath: out)
        var lines = [Generate.lintLine(checked.report)]
        var stale: [String] = []
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let shown = (out as NSString).appendingPathComponent(file.name)
            let existing = try? Data(contentsOf: url)
            let upToDate = existing == Data(file.content.utf8)
            if check {
                if existing == nil {
                    stale.append("missing: \(shown)")
                } else if !upToDate {
                    stale.append("differs: \(shown)")
                }
                continue
            }
            if upToDate {
                lines.append("unchanged \(shown)")
                continue
            }
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ValidationError("cannot create `\(out)`: \(error.localizedDescription)")
            }
            try OutputFile.write(file.content, to: url.path)
            lines.append("wrote \(shown)")
        }
        if check {
            if stale.isEmpty {
                lines.append("generated files are up to date in \(out)")
                Terminal.write(lines.joined(separator: "\n") + "\n")
                return
            }
            lines += stale
            lines.append("generated files are out of date: run `trackplan build \(plan) --out \(out)`")
            Terminal.write(lines.joined(separator: "\n") + "\n")
            throw ExitCode(1)
        }
        Terminal.write(lines.joined(separator: "\n") + "\n")
    }
}

/// `trackplan init [DIR]`
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, commented starter plan (and the JSON Schema for editor autocomplete).",
        discussion: "Writes DIR/trackplan.yaml and DIR/trackplan.schema.json; refuses to overwrite either."
    )

    @Argument(help: "The directory to write into (default: the current directory).")
    var directory: String = "."

    func run() throws {
        let dir = URL(fileURLWithPath: directory)
        let files = [("trackplan.yaml", StarterPlan.yaml), ("trackplan.schema.json", EmbeddedSchema.json)]
        for (name, _) in files where FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) {
            Terminal.writeError("error: \((directory as NSString).appendingPathComponent(name)) already exists; trackplan init does not overwrite files\n")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create `\(directory)`: \(error.localizedDescription)")
        }
        for (name, content) in files {
            try OutputFile.write(content, to: dir.appendingPathComponent(name).path)
        }
        let plan = (directory as NSString).appendingPathComponent("trackplan.yaml")
        Terminal.write("wrote \(plan) and \((directory as NSString).appendingPathComponent("trackplan.schema.json"))\nnext: edit the plan, then run `trackplan lint \(plan)`\n")
    }
}
