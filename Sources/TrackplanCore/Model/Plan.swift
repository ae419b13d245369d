/// A tracking plan: the typed model the loader builds from the YAML files, or an importer from
/// another format. Equality is on meaning: the files it was read from are not compared.
public struct Plan: Sendable, Hashable {
    /// The format version (`trackplan: 1`).
    public var formatVersion: Int
    /// The plan's name.
    public var name: String
    /// What the plan covers.
    public var description: String?
    /// The GA4 web stream's measurement id (`G-…`), when given.
    public var measurementID: Located<String>?
    /// The public id of the site's GTM container (`GTM-ABC1234`), when the plan names it.
    public var gtmPublicID: Located<String>?
    /// The site's hostnames (`www.shop.example`): triggers fire only there. Empty: everywhere.
    public var hostnames: [Located<String>] = []
    /// Parameters sent with every event (`shared_params`), in order.
    public var sharedParams: [Param] = []
    /// GA4 user properties (`user_properties`), in order.
    public var userProperties: [Param] = []
    /// The consent the plan's tags require, and where the law requires it.
    public var consent = ConsentSettings()
    /// The optional outputs `trackplan build` also writes (`codegen: [typescript]`).
    public var codegen: [Located<String>] = []
    /// The naming and coverage conventions in force.
    public var conventions: Conventions
    /// The funnel stages, first to last.
    public var stages: [Stage] { didSet { stagesIndexed = false } }
    /// The page types, in the order they were defined (included files after the including one).
    public var pageTypes: [PageType] { didSet { pageTypesIndexed = false } }
    /// The events, in the order they were defined (included files where they are included).
    public var events: [Event] { didSet { eventsIndexed = false } }
    /// Severity overrides from `lint.rules`.
    public var ruleSettings: [RuleSetting]
    /// The root file and every included file, in the order they were read (none for a plan
    /// that comes from no file).
    @NotCompared public var files: [SourceFile]
    /// The root file, when the plan was read from one.
    @NotCompared public var rootFile: SourceFile?
    /// Where the `ga4` key was written, when it was.
    @NotCompared public var ga4Span: SourceSpan?

    /// Positions by id, for lookups in constant time (ids are unique once loaded). Built at
    /// init; once a list is changed (an importer builds its plan step by step) its lookups
    /// search the list instead.
    @NotCompared private var stageIndex: [String: Int]
    @NotCompared private var pageTypeIndex: [String: Int]
    @NotCompared private var eventIndex: [String: Int]
    @NotCompared private var stagesIndexed = true
    @NotCompared private var pageTypesIndexed = true
    @NotCompared private var eventsIndexed = true

    /// Creates a plan; lookups by id are indexed.
    public init(formatVersion: Int = 1, name: String, description: String? = nil, measurementID: Located<String>? = nil,
                conventions: Conventions = Conventions(), stages: [Stage], pageTypes: [PageType] = [], events: [Event] = [],
                ruleSettings: [RuleSetting] = [], files: [SourceFile] = [], rootFile: SourceFile? = nil) {
        self.formatVersion = formatVersion
        self.name = name
        self.description = description
        self.measurementID = measurementID
        self.conventions = conventions
        self.stages = stages
        self.pageTypes = pageTypes
        self.events = events
        self.ruleSettings = ruleSettings
        self.files = files
        self.rootFile = rootFile
        stageIndex = Self.index(stages.map(\.id))
        pageTypeIndex = Self.index(pageTypes.map(\.id))
        eventIndex = Self.index(events.map(\.name))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    /// The stage with id `id`.
    public func stage(_ id: String) -> Stage? {
        guard stagesIndexed else { return stages.first { $0.id == id } }
        return stageIndex[id].map { stages[$0] }
    }
    /// The page type with id `id`.
    public func pageType(_ id: String) -> PageType? {
        guard pageTypesIndexed else { return pageTypes.first { $0.id == id } }
        return pageTypeIndex[id].map { pageTypes[$0] }
    }
    /// The event named `name`.
    public func event(_ name: String) -> Event? {
        guard eventsIndexed else { return events.first { $0.name == name } }
        return eventIndex[name].map { events[$0] }
    }
}

/// A severity override for one rule, from the plan's `lint.rules`.
public struct RuleSetting: Sendable, Hashable {
    /// The rule id and where it was written.
    public var ruleID: Located<String>
    /// The severity, or nil for `off`.
    public var severity: Severity?

    /// Creates a setting.
    public init(ruleID: Located<String>, severity: Severity?) {
        self.ruleID = ruleID
        self.severity = severity
    }
}

/// A per-entity suppression: one rule silenced for one event or page type, with a reason.
public struct Suppression: Sendable, Hashable {
    /// The suppressed rule's id and where it was written.
    public var ruleID: Located<String>
    /// Why the rule does not apply here.
    public var reason: String

    /// Creates a suppression.
    public init(ruleID: Located<String>, reason: String) {
        self.ruleID = ruleID
        self.reason = reason
    }
}
