import TrackplanCore

/// One change between two versions of a plan, with who it breaks and how to migrate.
public struct PlanChange: Sendable, Equatable {
    /// What kind of change it is.
    public var kind: ChangeKind
    /// Its level (a kind's default, or raised/lowered for this change).
    public var level: ChangeLevel
    /// The entity changed (`events.add_to_cart.params.value`).
    public var subject: EntityPath
    /// What changed, naming the thing.
    public var message: String
    /// Who it breaks or concerns.
    public var consumers: [Consumer]
    /// What to do about it: migration notes (GA4 rules, SQL), or how to mark a rename.
    public var notes: [String]
    /// Where it is: in the new plan, or in the old one for what was removed.
    public var span: SourceSpan?
    /// The other side's location, when there is one.
    public var related: [Diagnostic.Related]

    /// The change as a finding for the reporters: breaking → error, warning → warning, safe → info.
    public var diagnostic: Diagnostic {
        var d = Diagnostic(rule: kind.id, severity: level.severity, message: message, span: span, path: subject,
                           hint: notes.isEmpty ? nil : notes.joined(separator: " "), related: related)
        d.categories = consumers.map(\.rawValue)
        return d
    }
}
