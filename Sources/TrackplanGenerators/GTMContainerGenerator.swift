import TrackplanCore
import TrackplanSpec

/// `gtm-container.json`: the Google Tag Manager container to import, shape-checked.
public struct GTMContainerGenerator: Generator {
    public static let id = "gtm"
    public static let fileName = "gtm-container.json"
    public static let summary = "The Google Tag Manager container to import (GA4 event tags, triggers, variables)."

    public init() {}

    public func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile {
        let compiler = GTMCompiler(environment: input.environment)
        let spec = input.spec
        var notes: [String] = []
        if spec.measurementID == nil {
            notes.append("note: no ga4.measurement_id in the plan; the container uses the placeholder \(GTMCompiler.placeholderMeasurementID)")
        }
        if !spec.deprecatedEvents.isEmpty {
            notes.append("left out deprecated events: " + spec.deprecatedEvents.joined(separator: ", "))
        }
        let layout = compiler.layout(spec)  // worked out once: for the summary, then for the writer
        let counts = layout.counts
        // The container is written entity by entity, shape-checked as it goes.
        return GeneratedFile(
            name: Self.fileName,
            summary: "\(counts.tags) tags, \(counts.triggers) triggers, \(counts.variables) variables, \(counts.folders) folders",
            notes: notes) { (stream: inout TextStream) throws(GenerationError) in
                let problems = compiler.write(spec, layout: layout, to: &stream)
                guard problems.isEmpty else { throw GenerationError(problems: problems) }
            }
    }
}
