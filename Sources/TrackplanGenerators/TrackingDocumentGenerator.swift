import TrackplanCore
import TrackplanSpec

/// `TRACKING.md`: the plan documented for people.
public struct TrackingDocumentGenerator: Generator {
    public static let id = "docs"
    public static let fileName = "TRACKING.md"
    public static let summary = "The plan's documentation as Markdown (funnel diagram, coverage, page types, event catalog)."

    public init() {}

    public func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile {
        let document = TrackingDocument(plan: input.plan, spec: input.spec, findings: input.findings, measured: input.measured)
        return GeneratedFile(name: Self.fileName) { (stream: inout TextStream) throws(GenerationError) in document.render(into: &stream) }
    }
}
