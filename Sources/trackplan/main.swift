import ArgumentParser

/// The `trackplan` command: lint tracking plans, compile them to GTM, document them.
struct Trackplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackplan",
        abstract: "Lint a website's tracking plan and turn it into measurement.",
        version: TrackplanVersionText.current,
        subcommands: [LintCommand.self, VerifyCommand.self, AnalyzeCommand.self, DiffCommand.self, BuildCommand.self, GTMCommand.self, GA4Command.self, DocsCommand.self, CodegenCommand.self,
                      ImportCommand.self,
                      InitCommand.self, RulesCommand.self]
    )
}

Trackplan.main()
