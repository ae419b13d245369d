import ArgumentParser
import TrackplanGenerators

/// `trackplan ga4 PLAN -o ga4-admin.json`
struct GA4Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ga4",
        abstract: "List what to configure in GA4 itself: key events, custom dimensions and metrics (JSON).",
        discussion: "Nothing is written when the plan has lint errors."
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var planOptions: PlanOptions

    @Option(name: [.short, .long], help: "Where to write the JSON (default: standard output).")
    var output: String?

    func run() throws {
        try PlanGeneration.single(GA4AdminGenerator.self, plan: plan, output: output, loader: planOptions.loader)
    }
}
