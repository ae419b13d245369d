import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanGenerators
import TrackplanSpec

/// `trackplan codegen typescript PLAN [-o tracking.ts] [--script]`
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Write typed data layer helpers for the site's code (TypeScript).",
        discussion: """
        One function per event the site pushes (a `custom` trigger), typed from the plan, with doc \
        comments, page-type constants and opt-in runtime checks (`enableChecks()`). Nothing is \
        written when the plan has lint errors. `trackplan build` also writes tracking.ts when the \
        plan says `codegen: [typescript]`.
        """
    )

    @Argument(help: "The language: typescript.")
    var language: String

    @Argument(help: "The plan file (YAML).")
    var plan: String

    @OptionGroup var planOptions: PlanOptions

    @Option(name: [.short, .long], help: "Where to write the file (default: standard output).")
    var output: String?

    @Flag(name: .long, help: "Write the version for a plain <script> (a `Trackplan` namespace) instead of an ES module.")
    var script = false

    func validate() throws {
        guard language == "typescript" else { throw ValidationError("codegen writes `typescript`; found `\(language)`") }
    }

    func run() throws {
        if !script {
            try PlanGeneration.single(TypeScriptGenerator.self, plan: plan, output: output, loader: planOptions.loader)
            return
        }
        let checked = try PlanGeneration.check(plan, loader: planOptions.loader)
        let source = checked.plan.rootFile.map { PathUtil.fileName(of: $0.path) } ?? "the plan"
        let text = TypeScriptHelpers(spec: MeasurementSpec(plan: checked.plan), source: source, style: .script).render()
        try OutputFile.emit(text, to: output)
        Terminal.writeError(PlanGeneration.lintLine(checked.report) + "\nwrote \(output ?? "standard output")\n")
    }
}
