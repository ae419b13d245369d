import ArgumentParser
import Foundation
import TrackplanKit

/// `trackplan lint PLAN...`
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check tracking plans and report problems.",
        discussion: """
        Exit status: 0 when no finding reaches the fail level, 1 when one does, 2 when a plan \
        could not be read, 64 for bad usage.
        """
    )

    @Argument(help: "The plan files to lint (YAML).")
    var plans: [String]

    @Flag(name: .long, help: "Never colour the output (colour is on only on a terminal, and off when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        let report = Linter().report(plans)
        let color = !noColor && Terminal.supportsColor(FileHandle.standardOutput)
        Terminal.write(TextReporter(color: color).format(report))
        let code = report.exitCode()
        if code != 0 { throw ExitCode(code) }
    }
}

/// Terminal capabilities and output.
enum Terminal {
    static func supportsColor(_ handle: FileHandle) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(handle.fileDescriptor) == 1
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
