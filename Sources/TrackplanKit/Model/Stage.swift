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
    public var span: SourceSpan

    /// The display name, or the id.
    public var title: String { name ?? id }
}
