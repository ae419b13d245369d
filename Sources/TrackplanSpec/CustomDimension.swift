import TrackplanCore

/// An event-scoped custom dimension GA4 needs so a parameter shows in reports.
public struct CustomDimension: Sendable, Hashable {
    /// The event parameter it reads.
    public var parameterName: String
    /// The name shown in GA4 reports.
    public var displayName: String
    /// What it holds (at most 150 characters, GA4's limit).
    public var description: String
    /// The events that send it.
    public var events: [String]

    /// The custom dimensions of `events`, in order of first use; GA4's own parameters are
    /// left out. A parameter's description is its first non-empty one.
    static func derive(_ events: [EventSpec]) -> [CustomDimension] {
        var order: [String] = []
        var byName: [String: (description: String?, events: [String])] = [:]
        for event in events {
            for param in event.params where !GA4Facts.standardParams.contains(param.name) {
                if byName[param.name] == nil {
                    order.append(param.name)
                    byName[param.name] = (param.description, [])
                }
                if byName[param.name]?.description == nil { byName[param.name]?.description = param.description }
                if byName[param.name]?.events.last != event.name { byName[param.name]?.events.append(event.name) }
            }
        }
        return order.map { name in
            let info = byName[name] ?? (nil, [])
            let description = info.description ?? "Parameter `\(name)` of " + info.events.map { "`\($0)`" }.joined(separator: ", ") + "."
            return CustomDimension(parameterName: name, displayName: displayName(name),
                                   description: String(description.prefix(150)), events: info.events)
        }
    }

    /// `item_id` → `Item ID`: words capitalized, common acronyms in capitals.
    public static func displayName(_ parameter: String) -> String {
        let acronyms: Set<String> = ["id", "url", "roi", "cta", "utm", "sku", "faq", "pdf", "api"]
        return NameWords.split(parameter).map { acronyms.contains($0) ? $0.uppercased() : NameWords.capitalized($0) }.joined(separator: " ")
    }
}

/// A data layer key that parameters read, and the events that read it.
public struct DataLayerKey: Sendable, Hashable {
    /// The key path (`ecommerce.value`).
    public var key: String
    /// The events whose parameters read it, in plan order.
    public var events: [String]

    /// The keys of `events`, sorted.
    static func derive(_ events: [EventSpec]) -> [DataLayerKey] {
        var usersByKey: [String: [String]] = [:]
        for event in events {
            for param in event.params {
                if case .dataLayer(let key) = param.source, usersByKey[key]?.last != event.name {
                    usersByKey[key, default: []].append(event.name)
                }
            }
        }
        return usersByKey.keys.sorted().map { DataLayerKey(key: $0, events: usersByKey[$0] ?? []) }
    }
}
