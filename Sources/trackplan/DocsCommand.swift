import ArgumentParser
import TrackplanGenerators

/// `trackplan docs PLAN -o TRACKING.md`
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the plan's documentation as Markdown (funnel diagram, coverage, page types, event catalog).",
        discussion: "Nothing is written when the plan has lint errors."
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var planOptions: PlanOptions

    @Option(name: [.short, .long], help: "Where to write the Markdown (default: standard output).")
    var output: String?

    func run() throws {
        try PlanGeneration.single(TrackingDocumentGenerator.self, plan: plan, output: output, loader: planOptions.loader)
    }
}
