/// A kind of page on the site (product page, pricing page, article…), matched by URL path.
public struct PageType: Sendable, Hashable {
    /// The page type id that events refer to in `pages`.
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// What the page type is.
    public var description: String?
    /// How pages of this type are recognized.
    public var match: Located<PageMatch>
    /// The primary macro-conversion of this page type, when given.
    public var macro: Located<String>?
    /// Rules silenced for this page type.
    public var suppressions: [Suppression]
    /// Where the page type's id (its key) was written.
    @NotCompared public var span: SourceSpan?

    /// Creates a page type.
    public init(id: String, name: String? = nil, description: String? = nil, match: Located<PageMatch>,
                macro: Located<String>? = nil, suppressions: [Suppression] = [], span: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.match = match
        self.macro = macro
        self.suppressions = suppressions
        self.span = span
    }

    /// The display name, or the id.
    public var title: String { name ?? id }
    /// The logical path used in diagnostics: `page_types.product`.
    public var path: EntityPath { .pageType(id) }
}

/// How a page type matches URL paths.
public enum PageMatch: Sendable, Hashable {
    /// The path equals this string exactly.
    case path(String)
    /// The path starts with this string.
    case pathPrefix(String)
    /// The path matches this regular expression (RE2 syntax, as GTM uses).
    case pathRegex(String)

    /// The key used in the plan: `path`, `path_prefix` or `path_regex`.
    public var key: String {
        switch self {
        case .path: "path"
        case .pathPrefix: "path_prefix"
        case .pathRegex: "path_regex"
        }
    }

    /// The string or pattern.
    public var pattern: String {
        switch self {
        case .path(let s), .pathPrefix(let s), .pathRegex(let s): s
        }
    }
}
