/// An event of the plan: a micro-conversion (a small intent signal) or a macro-conversion.
public struct Event: Sendable {
    /// The GA4 event name (the key under `events`).
    public var name: String
    /// Micro or macro.
    public var kind: EventKind
    /// The funnel stage id, when given.
    public var stage: Located<String>?
    /// The page type ids where it fires; nil means every page.
    public var pages: [Located<String>]?
    /// The intent the event signals.
    public var description: String?
    /// For micro-conversions: the macro-conversion it signals progress toward.
    public var leadsTo: Located<String>?
    /// How strong an intent signal it is, 1 to 5.
    public var signal: Int?
    /// Whether it is a negative signal (exit intent, form abandonment).
    public var negative: Bool
    /// Whether it is a GA4 key event (default: true for macro, false for micro).
    public var keyEvent: Bool
    /// Who owns it.
    public var owner: String?
    /// Where it is in its life.
    public var status: EventStatus
    /// When it fires; `custom` on a dataLayer event of the event's own name when not given.
    public var trigger: Located<Trigger>
    /// Whether `trigger` was written in the plan (false when it is the default).
    public var hasExplicitTrigger: Bool
    /// Where each trigger option's value was written (`selector`, `seconds`, …), and each item
    /// of a `percent` list, so problems point at the value itself.
    public var triggerSpans: TriggerSpans = TriggerSpans()
    /// The parameters it sends, in order.
    public var params: [Param]
    /// Rules silenced for this event.
    public var suppressions: [Suppression]
    /// Where the event's name (its key) was written.
    public var span: SourceSpan
    /// Where the event's whole definition is.
    public var definitionSpan: SourceSpan

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
