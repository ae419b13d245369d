/// The logical address of a plan entity or field: `events.add_to_cart.params.value`.
///
/// Rules report findings at entity paths, suppressions and baselines are keyed by them, and
/// `diff` compares entities through them. The components are kept apart, so a name holding a
/// dot cannot be mistaken for two components; ``description`` joins them with dots for people.
public struct EntityPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The components, from the plan's root: `["events", "add_to_cart", "params", "value"]`.
    public var components: [String]

    /// A path made of `components`.
    public init(_ components: [String]) {
        self.components = components
    }

    /// The plan itself (no component).
    public static let root = EntityPath([])

    /// `events.NAME`.
    public static func event(_ name: String) -> EntityPath { EntityPath(["events", name]) }
    /// `page_types.ID`.
    public static func pageType(_ id: String) -> EntityPath { EntityPath(["page_types", id]) }
    /// `stages.ID`.
    public static func stage(_ id: String) -> EntityPath { EntityPath(["stages", id]) }
    /// A root key: `ga4`, `lint`, `include`…
    public static func key(_ key: String) -> EntityPath { EntityPath([key]) }

    /// This path followed by `components`.
    public func appending(_ components: String...) -> EntityPath {
        EntityPath(self.components + components)
    }

    /// `events.NAME.params.PARAM`, for a path of an event.
    public func param(_ name: String) -> EntityPath { appending("params", name) }

    /// The event or page type the path is inside (`events.x` for `events.x.params.y`), which
    /// suppressions apply to; nil for paths outside events and page types.
    public var entity: EntityPath? {
        guard components.count >= 2, components[0] == "events" || components[0] == "page_types" else { return nil }
        return EntityPath(Array(components.prefix(2)))
    }

    /// Whether this is the plan's root.
    public var isRoot: Bool { components.isEmpty }

    /// The components joined with dots: `events.add_to_cart.params.value`.
    public var description: String { components.joined(separator: ".") }

    public static func < (lhs: EntityPath, rhs: EntityPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
