/// A funnel stage (awareness → consideration → decision, …).
public struct Stage: Sendable, Hashable {
    /// The stage id that events refer to.
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// What the stage means.
    public var description: String?
    /// 0 for the first stage, then 1, 2…
    public var index: Int
    /// Where the stage's `id` was written.
    @NotCompared public var span: SourceSpan?

    /// Creates a stage.
    public init(id: String, name: String? = nil, description: String? = nil, index: Int, span: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.index = index
        self.span = span
    }

    /// The display name, or the id.
    public var title: String { name ?? id }
    /// The logical path used in diagnostics: `stages.awareness`.
    public var path: EntityPath { .stage(id) }
}
