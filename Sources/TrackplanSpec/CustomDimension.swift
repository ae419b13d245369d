import TrackplanCore

/// An event-scoped custom dimension GA4 needs so a parameter shows in reports.
public struct CustomDimension: Sendable, Hashable {
    /// The event parameter it reads.
    public var parameterName: String
    /// The name shown in GA4 reports.
    public var displayName: String
    /// What it holds (at most 150 characters, GA4's limit).
    public var description: String
    /// The events that send it (empty for shared parameters and user properties).
    public var events: [String]
    /// `EVENT` or `USER`.
    public var scope: String = "EVENT"
    /// Whether every event sends it (a shared parameter).
    public var shared = false

    /// The custom dimensions of `events`, in order of first use; GA4's own parameters are
    /// left out. A parameter's description is its first non-empty one.
    static func derive(_ events: [EventSpec], shared: [ParamSpec] = [], userProperties: [ParamSpec] = []) -> [CustomDimension] {
        let uses = ParameterUse.firstUses(in: events) { !GA4Facts.standardParams.contains($0.name) && !CustomMetric.isNumeric($0.type) }
        var result = uses.list.map { use in
            CustomDimension(parameterName: use.name, displayName: displayName(use.name),
                            description: String(use.describedOrListed.prefix(150)), events: use.events)
        }
        for param in shared where !GA4Facts.standardParams.contains(param.name) && uses.position[param.name] == nil && !CustomMetric.isNumeric(param.type) {
            let description = param.description ?? "Parameter `\(param.name)`, sent with every event."
            result.append(CustomDimension(parameterName: param.name, displayName: displayName(param.name),
                                          description: String(description.prefix(150)), events: [], shared: true))
        }
        for property in userProperties {
            let description = property.description ?? "User property `\(property.name)`."
            result.append(CustomDimension(parameterName: property.name, displayName: displayName(property.name),
                                          description: String(description.prefix(150)), events: [], scope: "USER"))
        }
        return result
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

    /// Who else reads it: "the shared parameter `x`", "the user property `y`".
    public var otherReaders: [String] = []

    /// The keys of `events`, shared parameters and user properties, sorted.
    static func derive(_ events: [EventSpec], shared: [ParamSpec] = [], userProperties: [ParamSpec] = []) -> [DataLayerKey] {
        var usersByKey: [String: [String]] = [:]
        var othersByKey: [String: [String]] = [:]
        for event in events {
            for param in event.params {
                if case .dataLayer(let key) = param.source, usersByKey[key]?.last != event.name {
                    usersByKey[key, default: []].append(event.name)
                }
            }
        }
        for (what, params) in [("the shared parameter", shared), ("the user property", userProperties)] {
            for param in params {
                if case .dataLayer(let key) = param.source { othersByKey[key, default: []].append("\(what) `\(param.name)`") }
            }
        }
        return Set(usersByKey.keys).union(othersByKey.keys).sorted().map {
            DataLayerKey(key: $0, events: usersByKey[$0] ?? [], otherReaders: othersByKey[$0] ?? [])
        }
    }
}

/// An event-scoped custom metric GA4 needs so a numeric parameter can be summed and averaged.
public struct CustomMetric: Sendable, Hashable {
    /// The event parameter it reads.
    public var parameterName: String
    /// The name shown in GA4 reports.
    public var displayName: String
    /// What it holds (at most 150 characters).
    public var description: String
    /// GA4's measurement unit: `STANDARD`, `CURRENCY`, `MILLISECONDS`, `SECONDS`, `MINUTES`,
    /// `METERS`, `KILOMETERS`…
    public var measurementUnit: String
    /// The events that send it (empty for a shared parameter).
    public var events: [String]

    /// Whether a parameter of `type` is a metric rather than a dimension.
    static func isNumeric(_ type: ParamType) -> Bool { type == .number || type == .integer }

    /// The unit a parameter's name says: money words → CURRENCY, `_ms` → MILLISECONDS, durations
    /// in seconds or minutes, distances; otherwise STANDARD.
    public static func unit(for name: String) -> String {
        let words = Set(NameWords.split(name))
        if !words.isDisjoint(with: ["price", "revenue", "amount", "cost", "tax", "shipping", "discount", "fee", "total", "budget", "ltv", "spend"]) { return "CURRENCY" }
        if words.contains("ms") || words.contains("msec") || words.contains("milliseconds") { return "MILLISECONDS" }
        if !words.isDisjoint(with: ["seconds", "secs", "sec", "duration"]) { return "SECONDS" }
        if words.contains("minutes") || words.contains("mins") { return "MINUTES" }
        if words.contains("km") || words.contains("kilometers") { return "KILOMETERS" }
        if words.contains("meters") || words.contains("metres") { return "METERS" }
        return "STANDARD"
    }

    /// The custom metrics of `events` and `shared`, in order of first use; GA4's own parameters
    /// (`value`, `price`, …) are left out.
    static func derive(_ events: [EventSpec], shared: [ParamSpec] = []) -> [CustomMetric] {
        let uses = ParameterUse.firstUses(in: events) { isNumeric($0.type) && !GA4Facts.standardParams.contains($0.name) }
        var result = uses.list.map { use -> CustomMetric in
            CustomMetric(parameterName: use.name, displayName: CustomDimension.displayName(use.name), description: String(use.describedOrListed.prefix(150)),
                         measurementUnit: unit(for: use.name), events: use.events)
        }
        for param in shared where isNumeric(param.type) && !GA4Facts.standardParams.contains(param.name) && uses.position[param.name] == nil {
            let description = param.description ?? "Parameter `\(param.name)`, sent with every event."
            result.append(CustomMetric(parameterName: param.name, displayName: CustomDimension.displayName(param.name),
                                       description: String(description.prefix(150)), measurementUnit: unit(for: param.name), events: []))
        }
        return result
    }
}

/// A parameter name as the events use it: its first description and the events that send it.
struct ParameterUse {
    var name: String
    var description: String?
    var events: [String]

    /// The description, or a sentence naming the events that send it.
    var describedOrListed: String {
        description ?? "Parameter `\(name)` of " + events.map { "`\($0)`" }.joined(separator: ", ") + "."
    }

    /// The parameters of `events` that `include` accepts, in order of first use, and each
    /// name's position in that list (one dictionary lookup per parameter).
    static func firstUses(in events: [EventSpec], where include: (ParamSpec) -> Bool) -> (list: [ParameterUse], position: [String: Int]) {
        var list: [ParameterUse] = []
        var position: [String: Int] = [:]
        for event in events {
            for param in event.params where include(param) {
                let i: Int
                if let known = position[param.name] {
                    i = known
                } else {
                    i = list.count
                    position[param.name] = i
                    list.append(ParameterUse(name: param.name, description: param.description, events: []))
                }
                if list[i].description == nil { list[i].description = param.description }
                if list[i].events.last != event.name { list[i].events.append(event.name) }
            }
        }
        return (list, position)
    }
}
