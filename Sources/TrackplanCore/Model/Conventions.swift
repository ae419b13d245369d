/// The team's naming and coverage conventions (`conventions:` in the plan).
public struct Conventions: Sendable, Hashable {
    /// The case that event and parameter names follow.
    public var nameCase: NameCase = .snakeCase
    /// How words are ordered in event names.
    public var style: NameStyle = .objectAction
    /// The action words of the style check; empty means the built-in list.
    public var actions: [String] = []
    /// How many micro-conversions a page type should have.
    public var eventsPerPageType: ClosedRange<Int> = 5...10
    /// Where `conventions` was written, when it was.
    @NotCompared public var span: SourceSpan?

    /// The defaults: snake_case, object_action, the built-in actions, 5 to 10 events per page type.
    public init() {}
}

/// A case convention for names.
public enum NameCase: String, Sendable, Hashable, CaseIterable {
    case snakeCase = "snake_case"
    case camelCase = "camelCase"
    case pascalCase = "PascalCase"
    case kebabCase = "kebab-case"
}

/// A word-order convention for event names.
public enum NameStyle: String, Sendable, Hashable, CaseIterable {
    /// The object first, then the action: `video_play`, `form_submit`.
    case objectAction = "object_action"
    /// The action first, then the object: `play_video`, `submit_form`.
    case actionObject = "action_object"
    /// No word-order convention.
    case free
}
