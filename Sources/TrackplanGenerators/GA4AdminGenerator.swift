import TrackplanCore
import TrackplanSpec

/// `ga4-admin.json`: what to configure in GA4 itself (key events, custom dimensions).
public struct GA4AdminGenerator: Generator {
    public static let id = "ga4"
    public static let fileName = "ga4-admin.json"
    public static let summary = "What to configure in GA4 itself: key events, custom dimensions and metrics (JSON)."

    public init() {}

    public func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile {
        let spec = input.spec
        return GeneratedFile(name: Self.fileName) { (stream: inout TextStream) throws(GenerationError) in
            GA4AdminExport.json(spec).write(to: &stream.buffer, indent: 0)
            stream += "\n"
        }
    }
}
