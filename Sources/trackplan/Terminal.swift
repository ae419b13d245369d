import ArgumentParser
import Foundation
import TrackplanCore

/// The version shown by `--version`.
enum TrackplanVersionText {
    static let current = TrackplanVersion.current
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

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Files written atomically: a temporary file in the same directory, then a rename.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try OutputWriter.write(Data(text.utf8), to: path)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Writes `content` to `output` atomically, or to standard output when `output` is nil or `-`.
    static func emit(_ content: String, to output: String?) throws {
        if let output, output != "-" {
            try write(content, to: output)
        } else {
            Terminal.write(content)
        }
    }
}

extension ExitStatus {
    /// Ends the command with this status (success ends normally).
    func exit() throws {
        if self != .success { throw ExitCode(code) }
    }
}

extension Severity: ExpressibleByArgument {}
