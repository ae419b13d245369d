/// A tracking plan: the typed model the loader builds from the YAML files.
public struct Plan: Sendable {
    /// The format version (`trackplan: 1`).
    public var formatVersion: Int
    /// The plan's name.
    public var name: String
    /// What the plan covers.
    public var description: String?
    /// The GA4 web stream's measurement id (`G-…`), when given.
    public var measurementID: Located<String>?
    /// The naming and coverage conventions in force.
    public var conventions: Conventions
    /// The funnel stages, first to last.
    public var stages: [Stage]
    /// The page types, in the order they were defined (included files after the including one).
    public var pageTypes: [PageType]
    /// The events, in the order they were defined (included files where they are included).
    public var events: [Event]
    /// Severity overrides from `lint.rules`.
    public var ruleSettings: [RuleSetting]
    /// The root file and every included file, in the order they were read.
    public var files: [SourceFile]
    /// The root file.
    public var rootFile: SourceFile

    /// The stage with id `id`.
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    /// The page type with id `id`.
    public func pageType(_ id: String) -> PageType? { pageTypes.first { $0.id == id } }
    /// The event named `name`.
    public func event(_ name: String) -> Event? { events.first { $0.name == name } }
}

/// A severity override for one rule, from the plan's `lint.rules`.
public struct RuleSetting: Sendable, Hashable {
    /// The rule id and where it was written.
    public var ruleID: Located<String>
    /// The severity, or nil for `off`.
    public var severity: Severity?
}

/// A per-entity suppression: one rule silenced for one event or page type, with a reason.
public struct Suppression: Sendable, Hashable {
    /// The suppressed rule's id and where it was written.
    public var ruleID: Located<String>
    /// Why the rule does not apply here.
    public var reason: String
}
