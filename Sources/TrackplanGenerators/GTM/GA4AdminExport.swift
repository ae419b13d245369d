import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// What must be configured in GA4 itself and cannot live in GTM: the key events and the
/// event-scoped custom dimensions the plan needs.
///
/// ```json
/// {"version": 1, "plan": "…", "measurementId": "G-…",
///  "keyEvents": [{"eventName": "purchase", "countingMethod": "ONCE_PER_EVENT", "description": "…"}],
///  "customDimensions": [{"parameterName": "cta_text", "displayName": "CTA Text", "scope": "EVENT",
///                        "description": "…", "events": ["hero_cta_click"]}]}
/// ```
public enum GA4AdminExport {
    /// A custom dimension to register.
    public struct CustomDimension: Sendable, Equatable {
        /// The event parameter it reads.
        public var parameterName: String
        /// The name shown in GA4 reports.
        public var displayName: String
        /// What it holds (at most 150 characters, GA4's limit).
        public var description: String
        /// The events that send it.
        public var events: [String]
    }

    /// The key events, in plan order (deprecated events left out).
    public static func keyEvents(_ plan: Plan) -> [Event] {
        Array(plan.activeEvents.filter(\.keyEvent))
    }

    /// The custom dimensions, in order of first use; GA4's own parameters are left out.
    public static func customDimensions(_ plan: Plan) -> [CustomDimension] {
        var order: [String] = []
        var byName: [String: (description: String?, events: [String])] = [:]
        for event in plan.activeEvents {
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

    /// The export for `plan`.
    public static func json(_ plan: Plan) -> JSONValue {
        .object([
            JSONMember("version", .int(1)),
            JSONMember("plan", .string(plan.name)),
            JSONMember("measurementId", plan.measurementID.map { .string($0.value) } ?? .null),
            JSONMember("keyEvents", .array(keyEvents(plan).map { event in
                .object([
                    JSONMember("eventName", .string(event.name)),
                    JSONMember("countingMethod", .string("ONCE_PER_EVENT")),
                    JSONMember("description", event.description.map(JSONValue.string) ?? .null),
                ])
            })),
            JSONMember("customDimensions", .array(customDimensions(plan).map { dimension in
                .object([
                    JSONMember("parameterName", .string(dimension.parameterName)),
                    JSONMember("displayName", .string(dimension.displayName)),
                    JSONMember("scope", .string("EVENT")),
                    JSONMember("description", .string(dimension.description)),
                    JSONMember("events", .array(dimension.events.map(JSONValue.string))),
                ])
            })),
        ])
    }

    /// `item_id` → `Item ID`: words capitalized, common acronyms in capitals.
    public static func displayName(_ parameter: String) -> String {
        let acronyms: Set<String> = ["id", "url", "roi", "cta", "utm", "sku", "faq", "pdf", "api"]
        return NameWords.split(parameter).map { acronyms.contains($0) ? $0.uppercased() : NameWords.capitalized($0) }.joined(separator: " ")
    }
}
