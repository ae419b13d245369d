import ArgumentParser
import TrackplanCore
import TrackplanLint
import TrackplanVerify
import TrackplanAnalyze

/// `trackplan rules [ID]`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules and the verify checks, or explain one (loading rules such as plan-schema included).",
        discussion: "`trackplan rules --markdown` prints docs/rules.md, `--verify-markdown` docs/verify.md (`swift run trackplan-dev regenerate` writes both)."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    @Flag(name: .long, help: "Print the whole catalog as Markdown (docs/rules.md).")
    var markdown = false

    @Flag(name: .long, help: "Print the verify checks as Markdown (docs/verify.md).")
    var verifyMarkdown = false

    func run() throws {
        if markdown {
            print(RuleDocumentation.markdown(), terminator: "")
        } else if verifyMarkdown {
            print(VerifyDocumentation.markdown(), terminator: "")
        } else if let id, let check = VerifyChecks.all.first(where: { $0.id == id }) {
            print(VerifyDocumentation.explain(check), terminator: "")
        } else if let id, let d = AnalysisChecks.descriptions.first(where: { $0.id == id }) {
            print("\(d.id) (a `trackplan analyze` finding; severity: \(d.severity.rawValue))\n\n\(d.summary)\n\nWhy: \(d.rationale)\n")
        } else if let id {
            guard let description = RuleCatalog.explainable(id) else {
                let near = Suggestion.nearest(to: id, in: RuleCatalog.allIDs + VerifyChecks.ids + AnalysisChecks.descriptions.map(\.id))
                throw ValidationError("unknown rule `\(id)`" + (near.map { "; did you mean `\($0)`?" } ?? "") + " (`trackplan rules` lists them)")
            }
            print(RuleDocumentation.explain(description), terminator: "")
        } else {
            print(RuleDocumentation.table(), terminator: "")
            print("\nThe checks of `trackplan verify` (docs/verify.md):\n\n" + VerifyDocumentation.table(), terminator: "")
            let width = AnalysisChecks.descriptions.map(\.id.count).max() ?? 0
            print("\nThe findings of `trackplan analyze`:\n\n" + AnalysisChecks.descriptions.map {
                $0.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + $0.summary + "\n"
            }.joined(), terminator: "")
        }
    }
}
