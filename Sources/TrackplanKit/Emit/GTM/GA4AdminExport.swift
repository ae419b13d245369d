/// What must be configured in GA4 itself and cannot live in GTM: the key events and the
/// event-scoped custom dimensions the plan needs.
///
/// ```json
/// {"version": 1, "plan": "…", "measurementId": "G-…",
///  "keyEvents": [{"eventName": "purchase", "countingMethod": "ONCE_PER_EVENT", "description": "…"}],
///  "customDimensions": [{"parameterName": "item_id", "displayName": "Item ID", "scope": "EVENT",
///                        "description": "…", "events": ["add_to_cart"]}]}
/// ```
public enum GA4AdminExport {
    /// The export for `plan` (deprecated events left out).
    public static func json(_ plan: Plan) -> JSONValue {
        let events = plan.activeEvents
        let keyEvents: [JSONValue] = events.filter(\.keyEvent).map { event in
            .object([
                JSONMember("eventName", .string(event.name)),
                JSONMember("countingMethod", .string("ONCE_PER_EVENT")),
                JSONMember("description", event.description.map(JSONValue.string) ?? .null),
            ])
        }
        var order: [String] = []
        var byName: [String: (description: String?, events: [String])] = [:]
        for event in events {
            for param in event.params where !GA4CustomDimensionLimitRule.standardParams.contains(param.name) {
                if byName[param.name] == nil {
                    order.append(param.name)
                    byName[param.name] = (param.description, [])
                }
                if byName[param.name]?.description == nil { byName[param.name]?.description = param.description }
                if byName[param.name]?.events.last != event.name { byName[param.name]?.events.append(event.name) }
            }
        }
        let dimensions: [JSONValue] = order.map { name in
            let info = byName[name] ?? (nil, [])
            let description = info.description ?? "Parameter `\(name)` of " + info.events.map { "`\($0)`" }.joined(separator: ", ") + "."
            return .object([
                JSONMember("parameterName", .string(name)),
                JSONMember("displayName", .string(displayName(name))),
                JSONMember("scope", .string("EVENT")),
                JSONMember("description", .string(String(description.prefix(150)))),
                JSONMember("events", .array(info.events.map(JSONValue.string))),
            ])
        }
        return .object([
            JSONMember("version", .int(1)),
            JSONMember("plan", .string(plan.name)),
            JSONMember("measurementId", plan.measurementID.map { .string($0.value) } ?? .null),
            JSONMember("keyEvents", .array(keyEvents)),
            JSONMember("customDimensions", .array(dimensions)),
        ])
    }

    /// `item_id` → `Item ID`: words capitalized, common acronyms in capitals.
    public static func displayName(_ parameter: String) -> String {
        let acronyms: Set<String> = ["id", "url", "roi", "cta", "utm", "sku", "faq", "pdf", "api"]
        return NameWords.split(parameter).map { acronyms.contains($0) ? $0.uppercased() : NameWords.capitalized($0) }.joined(separator: " ")
    }
}
