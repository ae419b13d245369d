import ArgumentParser
import Foundation
import TrackplanRegeneration

/// Development commands for trackplan's own repository.
struct TrackplanDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackplan-dev",
        abstract: "Development commands for the trackplan repository.",
        subcommands: [Regenerate.self]
    )
}

/// `trackplan-dev regenerate [--check]`
struct Regenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every generated file: docs/rules.md, the README's rule tables, the schema's rule ids, the embedded schema and the golden files in examples/build/.",
        discussion: "With --check, nothing is written: the stale files are listed and the command exits 1. Writing is refused when CI is set."
    )

    @Flag(name: .long, help: "Write nothing; exit 1 when a generated file is stale.")
    var check = false

    @Option(name: .long, help: "The repository root (default: the current directory).")
    var root: String = FileManager.default.currentDirectoryPath

    func run() throws {
        let url = URL(fileURLWithPath: root)
        do {
            if check {
                let stale = try Regeneration.stale(root: url)
                if stale.isEmpty {
                    print("generated files are up to date")
                    return
                }
                for path in stale { print("stale: \(path)") }
                print("run `swift run trackplan-dev regenerate` and commit the result")
                throw ExitCode(1)
            }
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                FileHandle.standardError.write(Data("trackplan-dev: refusing to rewrite generated files when CI is set; use --check\n".utf8))
                throw ExitCode(64)
            }
            let written = try Regeneration.write(root: url)
            for path in written { print("wrote \(path)") }
            print(written.isEmpty ? "generated files are up to date" : "review the changes with `git diff`")
        } catch let failure as Regeneration.Failure {
            FileHandle.standardError.write(Data("trackplan-dev: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }
}

TrackplanDev.main()
