import TrackplanCore
import TrackplanFormat

extension Linter {
    /// Every rule `lint` reports under: the loader's, then the lint rules', in catalog order.
    public var reportedRules: [RuleDescription] {
        LoaderRules.descriptions + rules.map { $0.description }
    }

    /// Lints each of `paths` and collects the results; unreadable plans are listed, not thrown.
    public func report(_ paths: [String], loader: PlanLoader = PlanLoader()) -> FindingReport {
        var subjects: [FindingReport.Subject] = []
        var unreadable: [FindingReport.Unreadable] = []
        for path in paths {
            do {
                let result = try lint(path, loader: loader)
                subjects.append(.init(path: path, files: result.files, diagnostics: result.diagnostics))
            } catch {
                unreadable.append(error.unreadable)
            }
        }
        return FindingReport(subjects: subjects, unreadable: unreadable, rules: reportedRules)
    }
}
