/// Questions about a plan that several rules ask.
extension Plan {
    /// Events that are not deprecated.
    public var activeEvents: [Event] { events.filter { $0.status != .deprecated } }

    /// The active micro-conversions that fire on `pageType`: those listing it in `pages`, plus
    /// those with no `pages` (which fire everywhere).
    public func microConversions(on pageType: PageType) -> [Event] {
        activeEvents.filter { $0.isMicro && ($0.pages == nil || $0.pages?.contains { $0.value == pageType.id } == true) }
    }

    /// Names of the macro-conversions.
    public var macroNames: [String] { events.filter { $0.kind == .macro }.map(\.name) }

    /// The lint severity in force for `ruleID` from `lint.rules` (nil when not configured).
    public func configuredSeverity(_ ruleID: String) -> Severity?? {
        ruleSettings.last { $0.ruleID.value == ruleID }.map(\.severity)
    }
}

/// The standard header of rule examples: a plan with three stages, to which an example adds
/// page types and events.
extension RuleExample {
    /// An example made of the standard header followed by `body`.
    static func plan(_ body: String) -> RuleExample {
        RuleExample("""
        trackplan: 1
        name: Example
        stages:
          - id: awareness
          - id: consideration
          - id: decision

        """ + body)
    }
}
