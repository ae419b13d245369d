/// Questions about a plan that several rules ask.
extension Plan {
    /// Events that are not deprecated (a lazy view: no copies).
    public var activeEvents: LazyFilterSequence<[Event]> { events.lazy.filter { $0.status != .deprecated } }

    /// The active micro-conversions of every page type, by page type id, in plan order, in one
    /// pass over the events (events without `pages` count on every page type).
    public func microConversionsByPageType() -> [String: [Event]] {
        var everywhere: [Int] = []
        var byPage: [String: [Int]] = [:]
        for (index, event) in events.enumerated() where event.isMicro && event.status != .deprecated {
            guard let pages = event.pages else {
                everywhere.append(index)
                continue
            }
            var seen: Set<String> = []
            for page in pages where seen.insert(page.value).inserted { byPage[page.value, default: []].append(index) }
        }
        var result: [String: [Event]] = [:]
        for pageType in pageTypes {
            // Merge the page type's own events with the site-wide ones, both in plan order.
            let own = byPage[pageType.id] ?? []
            var merged: [Event] = []
            merged.reserveCapacity(own.count + everywhere.count)
            var i = 0, j = 0
            while i < own.count || j < everywhere.count {
                if j == everywhere.count || (i < own.count && own[i] < everywhere[j]) {
                    merged.append(events[own[i]]); i += 1
                } else {
                    merged.append(events[everywhere[j]]); j += 1
                }
            }
            result[pageType.id] = merged
        }
        return result
    }

    /// Names of the macro-conversions.
    public var macroNames: [String] { events.filter { $0.kind == .macro }.map(\.name) }
}
