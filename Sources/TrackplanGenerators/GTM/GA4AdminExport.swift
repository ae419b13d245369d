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
    public typealias CustomDimension = TrackplanSpec.CustomDimension

    /// The export for `spec`.
    public static func json(_ spec: MeasurementSpec) -> JSONValue {
        .object([
            JSONMember("version", .int(1)),
            JSONMember("plan", .string(spec.planName)),
            JSONMember("measurementId", spec.measurementID.map(JSONValue.string) ?? .null),
            JSONMember("keyEvents", .array(spec.keyEventSpecs.map { event in
                .object([
                    JSONMember("eventName", .string(event.name)),
                    JSONMember("countingMethod", .string(event.keyEventCounting.ga4)),
                    JSONMember("description", event.description.map(JSONValue.string) ?? .null),
                ])
            })),
            JSONMember("customDimensions", .array(spec.customDimensions.map { dimension in
                .object([
                    JSONMember("parameterName", .string(dimension.parameterName)),
                    JSONMember("displayName", .string(dimension.displayName)),
                    JSONMember("scope", .string(dimension.scope)),
                    JSONMember("description", .string(dimension.description)),
                    JSONMember("events", .array(dimension.events.map(JSONValue.string))),
                ] + (dimension.shared ? [JSONMember("sentWithEveryEvent", .bool(true))] : []))
            })),
            JSONMember("customMetrics", .array(spec.customMetrics.map { metric in
                .object([
                    JSONMember("parameterName", .string(metric.parameterName)),
                    JSONMember("displayName", .string(metric.displayName)),
                    JSONMember("scope", .string("EVENT")),
                    JSONMember("measurementUnit", .string(metric.measurementUnit)),
                    JSONMember("description", .string(metric.description)),
                    JSONMember("events", .array(metric.events.map(JSONValue.string))),
                ])
            })),
        ])
    }

    /// `item_id` → `Item ID`: words capitalized, common acronyms in capitals.
    public static func displayName(_ parameter: String) -> String {
        CustomDimension.displayName(parameter)
    }
}
