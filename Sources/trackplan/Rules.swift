import ArgumentParser
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanReports
import TrackplanGenerators

/// `trackplan rules [ID]`
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the lint rules, or explain one.",
        discussion: "`trackplan rules --markdown > docs/rules.md` regenerates the rule catalog."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    @Flag(name: .long, help: "Print the whole catalog as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(RuleDocumentation.markdown(), terminator: "")
        } else if let id {
            guard let description = RuleCatalog.description(of: id) else {
                let near = Suggestion.nearest(to: id, in: RuleCatalog.ids)
                throw ValidationError("unknown rule `\(id)`" + (near.map { "; did you mean `\($0)`?" } ?? "") + " (`trackplan rules` lists them)")
            }
            print(RuleDocumentation.explain(description), terminator: "")
        } else {
            print(RuleDocumentation.table(), terminator: "")
        }
    }
}
