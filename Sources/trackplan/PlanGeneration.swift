import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanGenerators
import TrackplanReports
import TrackplanSpec

/// What the generating commands share: lint first, then run generators.
enum PlanGeneration {
    /// Lints `path`; on failure prints the report and exits 1 (lint errors) or 2 (unreadable).
    static func check(_ path: String, loader: PlanLoader) throws -> Pipeline.Checked {
        do {
            return try Pipeline(loader: loader).check(path)
        } catch {
            Terminal.writeError(TextReporter(color: Terminal.supportsColor(FileHandle.standardError)).format(error.report))
            if case .lintErrors = error { Terminal.writeError("nothing written: fix the errors above first\n") }
            try error.exitStatus.exit()
            fatalError("unreachable: a pipeline failure always has a failing status")
        }
    }

    /// The files of `generators` for `checked`; exits 70 on an internal error.
    static func generate(_ checked: Pipeline.Checked, _ generators: [any Generator.Type], measured: [String: MeasuredSignal] = [:],
                         wantedOnly: Bool = true) throws -> [GeneratedFile] {
        do {
            _ = try GTMCompiler.exportTime(environment: ProcessInfo.processInfo.environment)
        } catch {
            Terminal.writeError("error: \(error)\n")
            try ExitStatus.usage.exit()
        }
        return try reportingInternalErrors { () throws(GenerationError) in
            try Pipeline.generate(checked, generators: generators, environment: ProcessInfo.processInfo.environment, measured: measured,
                                  wantedOnly: wantedOnly)
        }
    }

    /// Reports a generated file that failed its own check (a bug in trackplan) and exits 70.
    static func internalError(_ error: GenerationError) throws {
        Terminal.writeError("\(error)\n")
        try ExitStatus.software.exit()
    }

    /// The result of `body`; exits 70 when a generated file fails its own check.
    static func reportingInternalErrors<T>(_ body: () throws(GenerationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            try internalError(error)
            fatalError("unreachable: exit 70 always throws")
        }
    }

    /// One line about the lint result, for the summaries.
    static func lintLine(_ report: FindingReport) -> String {
        "lint: " + report.summary
    }

    /// `trackplan gtm|ga4|docs PLAN [-o FILE]`: lints, writes one generator's file, says so.
    static func single(_ generator: any Generator.Type, plan: String, output: String?, loader: PlanLoader) throws {
        let checked = try check(plan, loader: loader)
        let files = try generate(checked, [generator], wantedOnly: false)
        guard let file = files.first else { return }
        if let output, output != "-" {
            do {
                try OutputWriter.write(to: output) { (stream: inout TextStream) throws(GenerationError) in try file.write(to: &stream) }
            } catch {
                switch error {
                case .output(let failure): throw ValidationError(failure.description)
                case .producer(let failure): try internalError(failure)
                }
            }
        } else {
            var stream = TextStream { bytes in FileHandle.standardOutput.write(Data(bytes)) }
            try reportingInternalErrors { () throws(GenerationError) in try file.write(to: &stream) }
            stream.flush()
        }
        var lines = [lintLine(checked.report)]
        lines.append("wrote \(output ?? "standard output")" + (file.summary.map { ": " + $0 } ?? ""))
        lines += file.notes
        Terminal.writeError(lines.joined(separator: "\n") + "\n")
    }
}
