import ArgumentParser
import Foundation
import TrackplanSpec
import TrackplanCore
import TrackplanGenerators

/// `trackplan build PLAN --out DIR [--check]`
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Lint a plan, then write every output into a directory.",
        discussion: """
        Writes \(GeneratorRegistry.all.map { $0.fileName }.joined(separator: ", ")) into DIR (created if \
        needed). Nothing is written when the plan has lint errors; files whose content is unchanged \
        are not rewritten. With --check, nothing is written: the command lists the files that are \
        missing or differ and exits 1, or exits 0 when all are up to date.
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: "The output directory.")
    var out: String

    @Flag(name: .long, help: "Write nothing; exit 1 when a generated file is missing or differs.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("A `trackplan analyze --format json` result: TRACKING.md shows each micro's measured lift next to its declared signal.", valueName: "file"))
    var analysis: String?

    func run() throws {
        let checked = try PlanGeneration.check(plan, loader: planOptions.loader)
        var measured: [String: MeasuredSignal] = [:]
        if let analysis {
            do {
                measured = try MeasuredSignal.parse(String(contentsOfFile: analysis, encoding: .utf8))
            } catch {
                throw ValidationError("cannot read the analysis `\(analysis)`: \(error)")
            }
        }
        let files = try PlanGeneration.generate(checked, GeneratorRegistry.all, measured: measured)
        let directory = OutputDirectory(out)
        var lines = [PlanGeneration.lintLine(checked.report)]
        if check {
            let stale = try PlanGeneration.reportingInternalErrors { () throws(GenerationError) in try directory.check(files) }
                .filter { $0.status != .unchanged }
            if stale.isEmpty {
                lines.append("generated files are up to date in \(out)")
                Terminal.write(lines.joined(separator: "\n") + "\n")
                return
            }
            lines += stale.map { "\($0.status.rawValue): \($0.shownPath)" }
            lines.append("generated files are out of date: run `trackplan build \(plan) --out \(out)`")
            Terminal.write(lines.joined(separator: "\n") + "\n")
            try ExitStatus.failure.exit()
        }
        let entries: [OutputDirectory.Entry]
        do {
            entries = try directory.sync(files)
        } catch {
            switch error {
            case .output(let failure): throw ValidationError(failure.reason)
            case .generation(let failure): return try PlanGeneration.internalError(failure)
            }
        }
        lines += entries.map { "\($0.status.rawValue) \($0.shownPath)" }
        Terminal.write(lines.joined(separator: "\n") + "\n")
    }
}
