import ArgumentParser
import TrackplanCore
import TrackplanLint

/// `trackplan rules [ID]`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules, or explain one (loading rules such as plan-schema included).",
        discussion: "`trackplan rules --markdown` prints docs/rules.md (`swift run trackplan-dev regenerate` writes it)."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    @Flag(name: .long, help: "Print the whole catalog as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(RuleDocumentation.markdown(), terminator: "")
        } else if let id {
            guard let description = RuleCatalog.explainable(id) else {
                let near = Suggestion.nearest(to: id, in: RuleCatalog.allIDs)
                throw ValidationError("unknown rule `\(id)`" + (near.map { "; did you mean `\($0)`?" } ?? "") + " (`trackplan rules` lists them)")
            }
            print(RuleDocumentation.explain(description), terminator: "")
        } else {
            print(RuleDocumentation.table(), terminator: "")
        }
    }
}
