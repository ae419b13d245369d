/// A property carried beside a value but not part of what it means: where it was written in a
/// source file, how it was spelled. `==` and `hash(into:)` ignore it, so synthesized equality of
/// the enclosing type compares meaning alone.
///
/// ```swift
/// struct Param: Hashable {
///     var name: String
///     @NotCompared var span: SourceSpan?   // two params that differ only here are equal
/// }
/// ```
@propertyWrapper
public struct NotCompared<Value: Sendable>: Sendable, Hashable {
    /// The carried value.
    public var wrappedValue: Value

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Always true: the carried value is not part of the meaning.
    public static func == (lhs: NotCompared, rhs: NotCompared) -> Bool { true }
    /// Adds nothing: the carried value is not part of the meaning.
    public func hash(into hasher: inout Hasher) {}
}
