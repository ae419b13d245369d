import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanReports
import TrackplanGenerators

/// The `trackplan` command: lint tracking plans, compile them to GTM, document them.
struct Trackplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackplan",
        abstract: "Lint a website's tracking plan and turn it into measurement.",
        version: TrackplanVersion.current,
        subcommands: [Lint.self, Build.self, GTM.self, GA4.self, Docs.self, Init.self, Rules.self]
    )
}

Trackplan.main()
