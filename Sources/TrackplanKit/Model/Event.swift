/// An event of the plan: a micro-conversion (a small intent signal) or a macro-conversion.
///
/// A value type whose fields live in one copy-on-write box, so that copying an event (which
/// every rule does while iterating) costs one retain instead of one per field.
public struct Event: Sendable {
    /// The fields; copied before a mutation when shared.
    private final class Storage: @unchecked Sendable {
        var name: String
        var kind: EventKind
        var stage: Located<String>?
        var pages: [Located<String>]?
        var description: String?
        var leadsTo: Located<String>?
        var signal: Int?
        var negative: Bool
        var keyEvent: Bool
        var owner: String?
        var status: EventStatus
        var trigger: Located<Trigger>
        var hasExplicitTrigger: Bool
        var triggerSpans: TriggerSpans
        var params: [Param]
        var suppressions: [Suppression]
        var span: SourceSpan
        var definitionSpan: SourceSpan

        init(name: String, kind: EventKind, stage: Located<String>?, pages: [Located<String>]?, description: String?, leadsTo: Located<String>?, signal: Int?, negative: Bool, keyEvent: Bool, owner: String?, status: EventStatus, trigger: Located<Trigger>, hasExplicitTrigger: Bool, triggerSpans: TriggerSpans, params: [Param], suppressions: [Suppression], span: SourceSpan, definitionSpan: SourceSpan) {
            self.name = name
            self.kind = kind
            self.stage = stage
            self.pages = pages
            self.description = description
            self.leadsTo = leadsTo
            self.signal = signal
            self.negative = negative
            self.keyEvent = keyEvent
            self.owner = owner
            self.status = status
            self.trigger = trigger
            self.hasExplicitTrigger = hasExplicitTrigger
            self.triggerSpans = triggerSpans
            self.params = params
            self.suppressions = suppressions
            self.span = span
            self.definitionSpan = definitionSpan
        }

        func copy() -> Storage {
            Storage(name: name, kind: kind, stage: stage, pages: pages, description: description, leadsTo: leadsTo, signal: signal, negative: negative, keyEvent: keyEvent, owner: owner, status: status, trigger: trigger, hasExplicitTrigger: hasExplicitTrigger, triggerSpans: triggerSpans, params: params, suppressions: suppressions, span: span, definitionSpan: definitionSpan)
        }
    }

    private var storage: Storage

    /// Creates an event.
    public init(name: String, kind: EventKind, stage: Located<String>?, pages: [Located<String>]?, description: String?, leadsTo: Located<String>?, signal: Int?, negative: Bool, keyEvent: Bool, owner: String?, status: EventStatus, trigger: Located<Trigger>, hasExplicitTrigger: Bool, triggerSpans: TriggerSpans = TriggerSpans(), params: [Param], suppressions: [Suppression], span: SourceSpan, definitionSpan: SourceSpan) {
        storage = Storage(name: name, kind: kind, stage: stage, pages: pages, description: description, leadsTo: leadsTo, signal: signal, negative: negative, keyEvent: keyEvent, owner: owner, status: status, trigger: trigger, hasExplicitTrigger: hasExplicitTrigger, triggerSpans: triggerSpans, params: params, suppressions: suppressions, span: span, definitionSpan: definitionSpan)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The GA4 event name (the key under `events`).
    public var name: String {
        get { storage.name }
        set { unique().name = newValue }
    }

    /// Micro or macro.
    public var kind: EventKind {
        get { storage.kind }
        set { unique().kind = newValue }
    }

    /// The funnel stage id, when given.
    public var stage: Located<String>? {
        get { storage.stage }
        set { unique().stage = newValue }
    }

    /// The page type ids where it fires; nil means every page.
    public var pages: [Located<String>]? {
        get { storage.pages }
        set { unique().pages = newValue }
    }

    /// The intent the event signals.
    public var description: String? {
        get { storage.description }
        set { unique().description = newValue }
    }

    /// For micro-conversions: the macro-conversion it signals progress toward.
    public var leadsTo: Located<String>? {
        get { storage.leadsTo }
        set { unique().leadsTo = newValue }
    }

    /// How strong an intent signal it is, 1 to 5.
    public var signal: Int? {
        get { storage.signal }
        set { unique().signal = newValue }
    }

    /// Whether it is a negative signal (exit intent, form abandonment).
    public var negative: Bool {
        get { storage.negative }
        set { unique().negative = newValue }
    }

    /// Whether it is a GA4 key event (default: true for macro, false for micro).
    public var keyEvent: Bool {
        get { storage.keyEvent }
        set { unique().keyEvent = newValue }
    }

    /// Who owns it.
    public var owner: String? {
        get { storage.owner }
        set { unique().owner = newValue }
    }

    /// Where it is in its life.
    public var status: EventStatus {
        get { storage.status }
        set { unique().status = newValue }
    }

    /// When it fires; `custom` on a dataLayer event of the event's own name when not given.
    public var trigger: Located<Trigger> {
        get { storage.trigger }
        set { unique().trigger = newValue }
    }

    /// Whether `trigger` was written in the plan (false when it is the default).
    public var hasExplicitTrigger: Bool {
        get { storage.hasExplicitTrigger }
        set { unique().hasExplicitTrigger = newValue }
    }

    /// Where each trigger option's value was written (`selector`, `seconds`, …), and each item
    /// of a `percent` list, so problems point at the value itself.
    public var triggerSpans: TriggerSpans {
        get { storage.triggerSpans }
        set { unique().triggerSpans = newValue }
    }

    /// The parameters it sends, in order.
    public var params: [Param] {
        get { storage.params }
        set { unique().params = newValue }
    }

    /// Rules silenced for this event.
    public var suppressions: [Suppression] {
        get { storage.suppressions }
        set { unique().suppressions = newValue }
    }

    /// Where the event's name (its key) was written.
    public var span: SourceSpan {
        get { storage.span }
        set { unique().span = newValue }
    }

    /// Where the event's whole definition is.
    public var definitionSpan: SourceSpan {
        get { storage.definitionSpan }
        set { unique().definitionSpan = newValue }
    }

    /// The logical path used in diagnostics: `events.add_to_cart`.
    public var path: String { "events.\(name)" }
    /// Whether it is a micro-conversion.
    public var isMicro: Bool { kind == .micro }
}

/// Whether an event is a small intent signal or the conversion itself.
public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case micro
    case macro
}

/// An event's life cycle.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
    case planned
    case implemented
    case deprecated
}

/// Where the values of a trigger's options were written.
public struct TriggerSpans: Sendable {
    /// The options' names and the spans of their values, in source order.
    public var options: [(name: String, span: SourceSpan)] = []
    /// The spans of the items of the `percent` list, in order.
    public var percents: [SourceSpan] = []

    /// No spans.
    public init() {}

    /// The span of option `name`'s value.
    public func option(_ name: String) -> SourceSpan? {
        options.first { $0.name == name }?.span
    }
}
