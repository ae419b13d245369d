import TrackplanCore

/// Comments to write into a plan, each at the place it belongs: above an event, a parameter or
/// a section, or at the end of a key's line. Importers use them to mark what they proposed and
/// what they could not map.
public struct PlanComments: Sendable, Hashable {
    /// Where a comment goes.
    public enum Anchor: Sendable, Hashable {
        /// Below the schema line, above `trackplan: 1`.
        case header
        /// Above the `stages`, `page_types` or `events` key.
        case section(String)
        /// At the end of the `events` section.
        case eventsEnd
        /// Above a stage's `- id:` line.
        case stage(String)
        /// Above a page type's key.
        case pageType(String)
        /// Above an event's key.
        case event(String)
        /// Above one of an event's parameters.
        case param(event: String, name: String)
        /// At the end of the line of an event's key `key` (`stage`, `kind`, `trigger`, …).
        case eventKey(event: String, key: String)
    }

    /// The comment lines per anchor, in the order they were added.
    public private(set) var lines: [Anchor: [String]] = [:]

    /// No comments.
    public init() {}

    /// Adds `text` at `anchor`; each line of it becomes one comment line.
    public mutating func add(_ text: String, at anchor: Anchor) {
        lines[anchor, default: []] += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines at `anchor`.
    public subscript(anchor: Anchor) -> [String] { lines[anchor] ?? [] }

    /// Whether there are none.
    public var isEmpty: Bool { lines.isEmpty }
}
