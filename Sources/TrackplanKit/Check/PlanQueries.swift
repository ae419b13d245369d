/// Questions about a plan that several rules ask.
extension Plan {
    /// Events that are not deprecated.
    public var activeEvents: [Event] { events.filter { $0.status != .deprecated } }

    /// The active micro-conversions that fire on `pageType`: those listing it in `pages`, plus
    /// those with no `pages` (which fire everywhere).
    public func microConversions(on pageType: PageType) -> [Event] {
        events.filter { event in
            event.isMicro && event.status != .deprecated
                && (event.pages == nil || event.pages?.contains { $0.value == pageType.id } == true)
        }
    }

    /// How many active micro-conversions fire on each page type, by page type id, in one pass
    /// over the events (events without `pages` count on every page type).
    public func microConversionCounts() -> [String: Int] {
        var everywhere = 0
        var counts: [String: Int] = [:]
        for event in events where event.isMicro && event.status != .deprecated {
            guard let pages = event.pages else {
                everywhere += 1
                continue
            }
            for page in Set(pages.map(\.value)) { counts[page, default: 0] += 1 }
        }
        var result: [String: Int] = [:]
        for pageType in pageTypes { result[pageType.id] = (counts[pageType.id] ?? 0) + everywhere }
        return result
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
