import TrackplanCore
import TrackplanFormat

/// Fuzzer bytes as a plan: the bytes are the root file; a fixed included file and the root's
/// own bytes under a second name are there too, so `include` entries the fuzzer invents can
/// reach real files (and cycles).
public enum FuzzInput {
    /// A loader over memory holding `bytes` as `plan.yaml`.
    public static func loader(_ bytes: [UInt8]) -> PlanLoader {
        let included = Array("""
        page_types:
          product:
            match: {path_prefix: /products/}
        events:
          included_view:
            stage: awareness
        include: [plan.yaml]

        """.utf8)
        let sources = MemorySourceProvider(bytes: ["plan.yaml": bytes, "events.yaml": included, "copy.yaml": bytes])
        return PlanLoader(sources: sources)
    }
}
