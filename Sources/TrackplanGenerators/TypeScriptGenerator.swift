import TrackplanCore
import TrackplanSpec

/// `tracking.ts`: typed data layer helpers for the site's code. Written by `build` when the plan
/// asks for it (`codegen: [typescript]`), and by `trackplan codegen typescript`.
public struct TypeScriptGenerator: Generator {
    public static let id = "typescript"
    public static let fileName = "tracking.ts"
    public static let summary = "Typed data layer helpers for the site's code (TypeScript): one function per pushed event."

    public init() {}

    public static func isWanted(by plan: Plan) -> Bool { plan.codegen.contains { $0.value == "typescript" } }

    public func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile {
        let source = input.plan.rootFile.map { PathUtil.fileName(of: $0.path) } ?? "the plan"
        let helpers = TypeScriptHelpers(spec: input.spec, source: source)
        let count = helpers.pushed.count
        return GeneratedFile(name: Self.fileName, content: helpers.render(),
                             summary: "\(count) typed push function\(count == 1 ? "" : "s")")
    }
}
