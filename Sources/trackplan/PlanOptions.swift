import ArgumentParser
import TrackplanFormat

/// Options of every command that loads a plan.
struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The directory included files must stay inside (symbolic links resolved). Default: the directory of the plan file.",
        valueName: "dir"))
    var includeRoot: String?

    /// The loader these options ask for.
    var loader: PlanLoader { PlanLoader(includeRoot: includeRoot) }
}
