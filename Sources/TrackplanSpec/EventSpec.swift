import TrackplanCore

/// One event as the site must send it.
public struct EventSpec: Sendable, Hashable {
    /// The GA4 event name.
    public var name: String
    /// Micro or macro.
    public var kind: EventKind
    /// The funnel stage id, when given.
    public var stage: String?
    /// The page type ids the plan lists, in order; nil when it fires on every page.
    public var pages: [String]?
    /// The page types it fires on, resolved (with their match rules); empty for every page.
    public var pageTypes: [PageTypeSpec]
    /// When it fires.
    public var trigger: Trigger
    /// The parameters, in plan order.
    public var params: [ParamSpec]
    /// Whether it is a GA4 key event.
    public var keyEvent: Bool
    /// How GA4 counts it as a key event.
    public var keyEventCounting: KeyEventCounting
    /// The consent types its tag requires (the plan's and its own), in a fixed order.
    public var consent: [ConsentType]
    /// For micro-conversions: the macro-conversion it leads to.
    public var leadsTo: String?
    /// How strong an intent signal it is, 1 to 5.
    public var signal: Int?
    /// Whether it is a negative signal.
    public var negative: Bool
    /// The intent it signals.
    public var description: String?
    /// Who owns it.
    public var owner: String?
    /// Planned or implemented (deprecated events are not in the spec).
    public var status: EventStatus
    /// Its path in the plan: `events.NAME`.
    public var path: EntityPath
    /// Where the plan defines it, so findings about it can point at the plan.
    @NotCompared public var span: SourceSpan?

    /// Whether it is a micro-conversion.
    public var isMicro: Bool { kind == .micro }
    /// Whether it fires on every page (the plan lists no page types).
    public var firesEverywhere: Bool { pages == nil }

    /// The spec of `event`, resolving page type ids with `pageType`; `planConsent` is what the
    /// plan requires of every tag.
    public init(_ event: Event, planConsent: [ConsentType] = [], pageType: (String) -> PageTypeSpec?) {
        name = event.name
        kind = event.kind
        stage = event.stage?.value
        pages = event.pages?.map(\.value)
        pageTypes = (event.pages ?? []).compactMap { pageType($0.value) }
        trigger = event.trigger.value
        params = event.params.map(ParamSpec.init)
        keyEvent = event.keyEvent
        keyEventCounting = event.keyEventCounting
        let required = Set(planConsent + event.consent.map(\.value))
        consent = ConsentType.allCases.filter(required.contains)
        leadsTo = event.leadsTo?.value
        signal = event.signal
        negative = event.negative
        description = event.description
        owner = event.owner
        status = event.status
        path = event.path
        span = event.span
    }

    /// The parameter named `name`.
    public func param(_ name: String) -> ParamSpec? { params.first { $0.name == name } }
}

/// A page type with the rule that recognizes its URLs.
public struct PageTypeSpec: Sendable, Hashable {
    /// The id events refer to.
    public var id: String
    /// The display name, when given.
    public var name: String?
    /// What the page type is.
    public var description: String?
    /// How its URLs are recognized.
    public var match: PageMatch
    /// Its primary macro-conversion, when given.
    public var macro: String?

    /// The display name, or the id.
    public var title: String { name ?? id }

    /// The spec of `pageType`.
    public init(_ pageType: PageType) {
        id = pageType.id
        name = pageType.name
        description = pageType.description
        match = pageType.match.value
        macro = pageType.macro?.value
    }
}

/// A parameter as the site must send it.
public struct ParamSpec: Sendable, Hashable {
    /// The parameter name.
    public var name: String
    /// Its value type.
    public var type: ParamType
    /// Whether every hit must carry it.
    public var required: Bool
    /// What it holds.
    public var description: String?
    /// The allowed values, when the set is closed.
    public var allowedValues: [ParamValue]?
    /// A regular expression values must match (RE2), when the plan gives one.
    public var pattern: String?
    /// The range numeric values must fall in, when the plan gives one.
    public var range: ClosedRange<Double>?
    /// Where the value comes from.
    public var source: ValueSource

    /// The spec of `param`.
    public init(_ param: Param) {
        name = param.name
        type = param.type
        required = param.required
        description = param.description
        allowedValues = param.values?.map(\.value)
        pattern = param.pattern?.value
        range = param.minimum == nil && param.maximum == nil ? nil
            : (param.minimum?.value ?? -Double.greatestFiniteMagnitude)...(param.maximum?.value ?? Double.greatestFiniteMagnitude)
        switch param.source {
        case .builtin(let variable): source = .builtin(variable)
        case .dataLayer(let key): source = .dataLayer(key)
        case .constant(let text):
            switch param.type {
            case .integer: source = .constant(Int(text).map(ParamValue.integer) ?? .string(text))
            case .number: source = .constant(Double(text).map(ParamValue.number) ?? .string(text))
            case .boolean: source = .constant(text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : .string(text))
            case .string, .items: source = .constant(.string(text))
            }
        case .elementAttribute(let name): source = .elementAttribute(name)
        case .queryParameter(let key): source = .queryParameter(key)
        case .cookie(let name): source = .cookie(name)
        }
    }
}

/// Where a parameter's value comes from.
public enum ValueSource: Sendable, Hashable {
    /// A data layer key path the site pushes (`ecommerce.value`).
    case dataLayer(String)
    /// A GTM built-in variable (`Click Text`).
    case builtin(BuiltinVariable)
    /// A fixed value.
    case constant(ParamValue)
    /// An attribute of the clicked or visible element.
    case elementAttribute(String)
    /// A query parameter of the page URL.
    case queryParameter(String)
    /// A first-party cookie.
    case cookie(String)
}
