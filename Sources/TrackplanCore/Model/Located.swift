/// A value of the plan together with where it was written, when it was written somewhere.
///
/// Equality and hashing are on the value alone: two plans that say the same thing at different
/// lines are equal, and a value built by an importer has no span.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it was written; nil for values that come from no source file.
    @NotCompared public var span: SourceSpan?

    /// Creates a located value.
    public init(_ value: Value, at span: SourceSpan?) {
        self.value = value
        self.span = span
    }

    /// A value that comes from no source file.
    public init(_ value: Value) {
        self.value = value
        self.span = nil
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
