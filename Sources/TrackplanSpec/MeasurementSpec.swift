import TrackplanCore

/// What a checked plan promises to send, derived once: every active event with its GA4 name,
/// kind, stage, key-event flag, page types (with their match rules), trigger and parameters
/// (type, required, allowed values, where the value comes from), plus what GA4 itself must be
/// told (key events, custom dimensions) and the data layer keys the site must push.
///
/// The GTM container, the GA4 admin settings and the documentation are written from it, and
/// `verify` checks captures against it. It holds no source positions beyond each event's
/// ``EventSpec/span`` (for pointing findings at the plan), so two specs compare by meaning.
public struct MeasurementSpec: Sendable, Hashable {
    /// The plan's name.
    public var planName: String
    /// The GA4 web stream's measurement id, when the plan gives one.
    public var measurementID: String?
    /// The public id of the site's GTM container, when the plan names it.
    public var gtmPublicID: String?
    /// The hostnames triggers are restricted to (empty: every host).
    public var hostnames: [String]
    /// The regions the site serves where consent is required by law.
    public var consentRegions: [String]
    /// Parameters sent with every event (on the shared event settings), in order.
    public var sharedParams: [ParamSpec]
    /// GA4 user properties, in order.
    public var userProperties: [ParamSpec]
    /// The funnel stages, first to last.
    public var stages: [Stage]
    /// The page types, in plan order.
    public var pageTypes: [PageTypeSpec]
    /// The active (not deprecated) events, in plan order.
    public var events: [EventSpec]
    /// The names of the deprecated events, left out of everything generated.
    public var deprecatedEvents: [String]
    /// The names of the key events, in plan order.
    public var keyEvents: [String]
    /// The custom dimensions to register (event- and user-scoped), in order of first use.
    public var customDimensions: [CustomDimension]
    /// The event-scoped custom metrics to register (numeric parameters), in order of first use.
    public var customMetrics: [CustomMetric]
    /// The data layer keys parameters read, sorted, with the events that read each.
    public var dataLayerKeys: [DataLayerKey]
    /// Page type id → the names of the micro-conversions that fire on it, in plan order
    /// (events without `pages` fire on every page type).
    public var microConversionsByPageType: [String: [String]]

    @NotCompared private var eventIndex: [String: Int]
    @NotCompared private var pageTypeIndex: [String: Int]
    @NotCompared private var stageIndex: [String: Int]

    /// Derives the spec of `plan`. The plan is expected to have loaded without errors:
    /// references that do not resolve are left out rather than reported.
    public init(plan: Plan) {
        planName = plan.name
        measurementID = plan.measurementID?.value
        hostnames = plan.hostnames.map(\.value)
        gtmPublicID = plan.gtmPublicID?.value
        stages = plan.stages
        pageTypes = plan.pageTypes.map(PageTypeSpec.init)
        var pageTypeIndex: [String: Int] = [:]
        for (i, pageType) in pageTypes.enumerated() where pageTypeIndex[pageType.id] == nil { pageTypeIndex[pageType.id] = i }
        let resolvedPageTypes = pageTypes
        let planConsent = plan.consent.required.map(\.value)
        consentRegions = plan.consent.regions.map(\.value)
        // Sized up front: a lazily filtered sequence grows its array by doubling.
        var events: [EventSpec] = []
        events.reserveCapacity(plan.events.count)
        for event in plan.activeEvents {
            events.append(EventSpec(event, planConsent: planConsent) { id in pageTypeIndex[id].map { resolvedPageTypes[$0] } })
        }
        self.events = events
        deprecatedEvents = plan.events.filter { $0.status == .deprecated }.map(\.name)
        keyEvents = events.filter(\.keyEvent).map(\.name)
        sharedParams = plan.sharedParams.map(ParamSpec.init)
        userProperties = plan.userProperties.map(ParamSpec.init)
        customDimensions = CustomDimension.derive(events, shared: sharedParams, userProperties: userProperties)
        customMetrics = CustomMetric.derive(events, shared: sharedParams)
        dataLayerKeys = DataLayerKey.derive(events, shared: sharedParams, userProperties: userProperties)
        var byPage: [String: [String]] = [:]
        for (id, micros) in plan.microConversionsByPageType() { byPage[id] = micros.map(\.name) }
        microConversionsByPageType = byPage
        var eventIndex: [String: Int] = [:]
        for (i, event) in events.enumerated() where eventIndex[event.name] == nil { eventIndex[event.name] = i }
        var stageIndex: [String: Int] = [:]
        for (i, stage) in stages.enumerated() where stageIndex[stage.id] == nil { stageIndex[stage.id] = i }
        self.eventIndex = eventIndex
        self.pageTypeIndex = pageTypeIndex
        self.stageIndex = stageIndex
    }

    /// The active event named `name`.
    public func event(_ name: String) -> EventSpec? { eventIndex[name].map { events[$0] } }
    /// The page type with id `id`.
    public func pageType(_ id: String) -> PageTypeSpec? { pageTypeIndex[id].map { pageTypes[$0] } }
    /// The stage with id `id`.
    public func stage(_ id: String) -> Stage? { stageIndex[id].map { stages[$0] } }
    /// The key events, in plan order.
    public var keyEventSpecs: [EventSpec] { keyEvents.compactMap(event) }
}
