import ArgumentParser
import TrackplanKit

/// `trackplan rules [ID]`
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the lint rules, or explain one."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    func run() throws {
        if let id {
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
