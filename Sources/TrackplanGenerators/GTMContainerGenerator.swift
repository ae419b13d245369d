import TrackplanCore
import TrackplanSpec

/// `gtm-container.json`: the Google Tag Manager container to import, shape-checked.
public struct GTMContainerGenerator: Generator {
    public static let id = "gtm"
    public static let fileName = "gtm-container.json"
    public static let summary = "The Google Tag Manager container to import (GA4 event tags, triggers, variables)."

    public init() {}

    public func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile {
        let output = GTMCompiler(environment: input.environment).compile(input.spec)
        let problems = GTMShapeChecker.problems(in: output.container)
        guard problems.isEmpty else { throw GenerationError(problems: problems) }
        var notes: [String] = []
        if output.usesPlaceholderMeasurementID {
            notes.append("note: no ga4.measurement_id in the plan; the container uses the placeholder \(GTMCompiler.placeholderMeasurementID)")
        }
        if !output.deprecatedEvents.isEmpty {
            notes.append("left out deprecated events: " + output.deprecatedEvents.joined(separator: ", "))
        }
        return GeneratedFile(
            name: Self.fileName, content: output.text,
            summary: "\(output.tagCount) tags, \(output.triggerCount) triggers, \(output.variableCount) variables, \(output.folderCount) folders",
            notes: notes)
    }
}
