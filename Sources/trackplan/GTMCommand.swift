import ArgumentParser
import TrackplanGenerators

/// `trackplan gtm PLAN -o gtm-container.json`
struct GTMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtm",
        abstract: "Compile a plan into a Google Tag Manager container to import.",
        discussion: """
        Writes a GTM container export (exportFormatVersion 2). Import it with Admin → Import \
        Container → choose a workspace → Merge → Overwrite conflicting tags, triggers and variables \
        (also to import again after the plan changed: entity names and ids are stable). \
        Nothing is written when the plan has lint errors. `exportTime` comes from SOURCE_DATE_EPOCH \
        when set, else it is \(GTMCompiler.defaultExportTime).
        """
    )

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var planOptions: PlanOptions

    @Option(name: [.short, .long], help: "Where to write the container (default: standard output).")
    var output: String?

    func run() throws {
        try PlanGeneration.single(GTMContainerGenerator.self, plan: plan, output: output, loader: planOptions.loader)
    }
}
