/// An event of the plan: a micro-conversion (a small intent signal) or a macro-conversion.
///
/// Its fields are declared once, in ``Fields``, and read and written through the event as if
/// they were its own (`event.name`, `event.params`). They live in one copy-on-write box, so
/// copying an event (which every rule does while iterating) costs one retain instead of one per
/// field. Equality and hashing are on meaning: where things were written is not compared.
@dynamicMemberLookup
public struct Event: Sendable, Hashable {
    /// Everything the plan says about an event.
    public struct Fields: Sendable, Hashable {
        /// The GA4 event name (the key under `events`).
        public var name: String
        /// Micro or macro.
        public var kind: EventKind = .micro
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
        public var negative = false
        /// Whether it is a GA4 key event (default: true for macro, false for micro).
        public var keyEvent = false
        /// How GA4 counts it as a key event.
        public var keyEventCounting: KeyEventCounting = .oncePerEvent
        /// Consent types its tag requires besides the plan-wide ones.
        public var consent: [Located<ConsentType>] = []
        /// Who owns it.
        public var owner: String?
        /// Where it is in its life.
        public var status: EventStatus = .planned
        /// When it fires; `custom` on a dataLayer event of the event's own name when not given.
        public var trigger: Located<Trigger>
        /// Its previous name, when the plan records a rename (`renamed_from`).
        public var renamedFrom: Located<String>?
        /// The parameters it sends, in order.
        public var params: [Param] = []
        /// Rules silenced for this event.
        public var suppressions: [Suppression] = []
        /// Whether `trigger` was written in the plan (false when it is the default). How the
        /// plan was written, not what it means: not compared.
        @NotCompared public var hasExplicitTrigger = false
        /// Where each trigger option's value was written (`selector`, `seconds`, …), and each
        /// item of a `percent` list, so problems point at the value itself.
        @NotCompared public var triggerSpans = TriggerSpans()
        /// Where the event's name (its key) was written.
        @NotCompared public var span: SourceSpan?
        /// Where the event's whole definition is.
        @NotCompared public var definitionSpan: SourceSpan?

        /// An event named `name` with every other field at its default: a micro-conversion
        /// fired by a dataLayer event of its own name.
        public init(name: String) {
            self.name = name
            self.trigger = Located(.custom(event: name))
        }
    }

    /// The box that holds the fields; copied before a mutation when shared.
    @usableFromInline
    final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    /// An event with `fields`.
    public init(_ fields: Fields) {
        box = Box(fields)
    }

    /// An event named `name`, its other fields set by `configure`.
    public init(name: String, _ configure: (inout Fields) -> Void = { _ in }) {
        var fields = Fields(name: name)
        configure(&fields)
        box = Box(fields)
    }

    /// All of the event's fields at once.
    public var fields: Fields {
        get { box.fields }
        set {
            if isKnownUniquelyReferenced(&box) { box.fields = newValue } else { box = Box(newValue) }
        }
    }

    /// Reads and writes one field: `event.name`, `event.params`.
    @inlinable
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Fields, T>) -> T {
        // Yielded in place: reading one field neither copies the others nor retains them.
        _read { yield box.fields[keyPath: keyPath] }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields[keyPath: keyPath]
        }
    }

    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// The logical path used in diagnostics: `events.add_to_cart`.
    public var path: EntityPath { .event(box.fields.name) }
    /// Whether it is a micro-conversion.
    public var isMicro: Bool { box.fields.kind == .micro }
}

/// Whether an event is a small intent signal or the conversion itself.
public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case micro
    case macro
}

/// How GA4 counts a key event.
public enum KeyEventCounting: String, Sendable, Hashable, CaseIterable {
    /// Every occurrence counts (purchases).
    case oncePerEvent = "once_per_event"
    /// At most one per session and user (leads, sign-ups).
    case oncePerSession = "once_per_session"

    /// The GA4 Admin API's `countingMethod`.
    public var ga4: String {
        switch self {
        case .oncePerEvent: "ONCE_PER_EVENT"
        case .oncePerSession: "ONCE_PER_SESSION"
        }
    }

    /// "once per event", for people.
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
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
