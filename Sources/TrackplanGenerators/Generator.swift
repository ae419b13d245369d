import TrackplanCore
import TrackplanSpec

/// What generators work from: a plan that linted without errors, its measurement spec, the lint
/// findings left (warnings and infos) and the environment (`SOURCE_DATE_EPOCH`).
public struct GeneratorInput: Sendable {
    /// The checked plan.
    public var plan: Plan
    /// What it promises to send.
    public var spec: MeasurementSpec
    /// Its lint findings (no errors).
    public var findings: [Diagnostic]
    /// The process environment, for reproducible outputs.
    public var environment: [String: String]
    /// What `trackplan analyze` measured, by micro name (`build --analysis`), shown next to the
    /// declared signals.
    public var measured: [String: MeasuredSignal]

    /// Creates an input; the spec is derived from `plan`.
    public init(plan: Plan, findings: [Diagnostic] = [], environment: [String: String] = [:], measured: [String: MeasuredSignal] = [:]) {
        self.plan = plan
        self.spec = MeasurementSpec(plan: plan)
        self.findings = findings
        self.environment = environment
        self.measured = measured
    }
}

/// A generated file: its name in the output directory, its content, and what to tell the user.
public struct GeneratedFile: Sendable, Equatable {
    /// The file name (`gtm-container.json`).
    public var name: String
    /// The content.
    public var content: String
    /// One line on what it holds ("3 tags, 3 triggers, …"), when there is something to say.
    public var summary: String?
    /// Notes for the user (a placeholder used, events left out).
    public var notes: [String]

    /// Creates a file.
    public init(name: String, content: String, summary: String? = nil, notes: [String] = []) {
        self.name = name
        self.content = content
        self.summary = summary
        self.notes = notes
    }
}

/// Something trackplan generated that it must not have: a bug in trackplan (exit 70).
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    /// The problems found.
    public var problems: [String]

    /// Creates an error.
    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "internal error: the generated GTM container failed its shape check; please report this bug:\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// One file that `trackplan build` writes, also available as its own command.
///
/// Adding an output is one file with a type conforming to this protocol plus one line in
/// ``GeneratorRegistry/all``.
public protocol Generator: Sendable {
    /// The stable id (`gtm`), also the command that writes the file alone.
    static var id: String { get }
    /// The file name in the output directory (`gtm-container.json`).
    static var fileName: String { get }
    /// One line: what the file is for.
    static var summary: String { get }
    /// Creates the generator.
    init()
    /// The file for `input`.
    func generate(_ input: GeneratorInput) throws(GenerationError) -> GeneratedFile
    /// Whether `build` writes the file for `plan` (optional outputs are named in `codegen`).
    static func isWanted(by plan: Plan) -> Bool
}

extension Generator {
    /// Every output is wanted unless the generator says otherwise.
    public static func isWanted(by plan: Plan) -> Bool { true }
}

/// Every generator, in the order `build` writes their files.
public enum GeneratorRegistry {
    /// The generators.
    public static let all: [any Generator.Type] = [
        GTMContainerGenerator.self,
        GA4AdminGenerator.self,
        TrackingDocumentGenerator.self,
        TypeScriptGenerator.self,
    ]

    /// The generator with `id`.
    public static func generator(_ id: String) -> (any Generator.Type)? {
        all.first { $0.id == id }
    }
}
