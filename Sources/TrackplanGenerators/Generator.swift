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

/// A generated file: its name in the output directory, how to write its content, and what to
/// tell the user.
///
/// The content is written on demand into a ``TextStream``, so that `build` streams a large
/// output (a GTM container of 100,000 events is about 400 MB) to disk without holding it.
public struct GeneratedFile: Sendable, Equatable {
    /// Writes the content into a stream; a generated file that fails its own check throws.
    public typealias Writer = @Sendable (inout TextStream) throws(GenerationError) -> Void

    /// The file name (`gtm-container.json`).
    public var name: String
    /// One line on what it holds ("3 tags, 3 triggers, …"), when there is something to say.
    public var summary: String?
    /// Notes for the user (a placeholder used, events left out).
    public var notes: [String]
    /// Writes the content.
    public var writer: Writer

    /// Creates a file whose content is `content`.
    public init(name: String, content: String, summary: String? = nil, notes: [String] = []) {
        self.init(name: name, summary: summary, notes: notes) { (stream: inout TextStream) throws(GenerationError) in stream += content }
    }

    /// Creates a file whose content `writer` writes.
    public init(name: String, summary: String? = nil, notes: [String] = [], writer: @escaping Writer) {
        self.name = name
        self.summary = summary
        self.notes = notes
        self.writer = writer
    }

    /// Writes the content into `stream`.
    public func write(to stream: inout TextStream) throws(GenerationError) {
        try writer(&stream)
    }

    /// The whole content, in memory (for tests and small outputs; `build` streams instead).
    public func text() throws(GenerationError) -> String {
        var stream = TextStream()
        try writer(&stream)
        return stream.text
    }

    /// The whole content, in memory; empty when the file fails its own check.
    public var content: String { (try? text()) ?? "" }

    public static func == (lhs: GeneratedFile, rhs: GeneratedFile) -> Bool {
        lhs.name == rhs.name && lhs.summary == rhs.summary && lhs.notes == rhs.notes && lhs.content == rhs.content
    }
}

/// Something trackplan generated that it must not have: a bug in trackplan (exit 70).
public struct GenerationError: Error, Sendable, Equatable, CustomStringConvertible {
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
