import Foundation
import TrackplanCore
import TrackplanFormat

/// Segment and RudderStack tracking plans: events with JSON Schema properties.
///
/// - Segment: the Public API's rules export (`{"rules": [{key, type, jsonSchema, deprecatedAt}]}`,
///   properties under `jsonSchema.properties.properties`) and Typewriter's `plan.json`
///   (properties under `jsonSchema.properties`); `TRACK` rules become events, `IDENTIFY` traits
///   user properties.
/// - RudderStack (and Avo's export in its shape): `{"rules": {"events": [{name, description,
///   rules}]}}`, properties under `rules.properties.properties`.
public struct SchemaPlanImporter: Sendable {
    /// An importer.
    public init() {}

    /// Imports `json`, a plan of `format` (`.segment` or `.rudderstack`) read from `source`.
    public func importPlan(_ json: JSONValue, format: ImportFormat, source: String) -> ImportResult {
        var run = Run(report: ImportReport(source: source, format: format))
        let name = json["display_name"]?.text ?? json["name"]?.text.flatMap { $0.contains("/") ? nil : $0 } ?? ImportFormat.planName(fromSource: source)
        run.plan = Plan(name: name, description: json["description"]?.text.flatMap { $0 == "description" || $0.isEmpty ? nil : $0 }, stages: [])
        run.comments.add("Imported from the \(format.title) `\(source)` by `trackplan import`.", at: .header)
        if format == .segment {
            for (i, rule) in (json["rules"]?.items ?? []).enumerated() { run.segmentRule(rule, index: i) }
        } else {
            for (i, event) in (json["rules"]?["events"]?.items ?? []).enumerated() { run.rudderEvent(event, index: i) }
        }
        Proposals.finishPlanImport(&run.plan, comments: &run.comments, report: &run.report)
        var result = ImportResult(plan: run.plan, comments: run.comments, report: run.report)
        ImportSanitizer.apply(&result)
        return result
    }

    struct Run {
        var plan = Plan(name: "", stages: [])
        var comments = PlanComments()
        var report: ImportReport
        var names = GA4Names()

        mutating func segmentRule(_ rule: JSONValue, index: Int) {
            let schema = rule["jsonSchema"] ?? .object([])
            let key = rule["key"]?.text ?? schema["eventMetadata"]?["name"]?.text ?? ""
            let type = (rule["type"]?.text ?? schema["eventMetadata"]?["type"]?.text ?? "TRACK").uppercased()
            let id = "rules[\(index)]"
            switch type {
            case "TRACK":
                let properties: JSONValue?
                let required: [String]
                let nested = schema["properties"]?["properties"]
                if schema["properties"]?["context"] != nil || schema["properties"]?["traits"] != nil || nested?["type"]?.text == "object" {
                    properties = nested?["properties"]
                    required = JSONSchemaParams.strings(nested?["required"])
                } else {
                    properties = schema["properties"]
                    required = JSONSchemaParams.strings(schema["required"])
                }
                let deprecatedAt = rule["deprecatedAt"]?.text ?? ""
                let deprecated = !deprecatedAt.isEmpty && !deprecatedAt.hasPrefix("0001-01-01")
                addEvent(original: key, id: id, description: schema["description"]?.text ?? rule["description"]?.text,
                         properties: properties, required: required, deprecated: deprecated,
                         labels: rule["labels"].map { $0.serialized(pretty: false) })
            case "IDENTIFY":
                var converter = JSONSchemaParams(event: "user", report: report, comments: comments)
                let traits = schema["properties"]?["traits"]
                let params = converter.params(traits?["properties"], required: [])
                report = converter.report
                comments = converter.comments
                for param in params where !plan.userProperties.contains(where: { $0.name == param.name }) { plan.userProperties.append(param) }
                report.add(.init(.imported, "rule", type: type, name: key.isEmpty ? "identify" : key, id: id,
                                 note: "its \(params.count) trait(s) are the plan's `user_properties`"))
            default:
                report.add(.init(.notImported, "rule", type: type, name: key.isEmpty ? type.lowercased() : key, id: id,
                                 note: "`\(type)` calls are not events a GA4 plan lists (page views are automatic, groups have no GA4 equivalent)"))
            }
        }

        mutating func rudderEvent(_ event: JSONValue, index: Int) {
            let rules = event["rules"]
            let nested = rules?["properties"]?["properties"]
            addEvent(original: event["name"]?.text ?? "", id: event["id"]?.text ?? "events[\(index)]",
                     description: event["description"]?.text, properties: nested?["properties"],
                     required: JSONSchemaParams.strings(nested?["required"]), deprecated: false, labels: nil)
            if let traits = rules?["properties"]?["traits"]?["properties"], case .object(let members) = traits, !members.isEmpty {
                report.add(.init(.notImported, "property", type: "traits", name: event["name"]?.text ?? "",
                                 note: "traits sent with the event: plan them as `user_properties`"))
            }
        }

        mutating func addEvent(original: String, id: String, description: String?, properties: JSONValue?, required: [String],
                               deprecated: Bool, labels: String?) {
            guard !original.isEmpty else {
                report.add(.init(.notImported, "event", name: "(unnamed)", id: id, note: "it has no name"))
                return
            }
            let (name, renaming) = names.name(for: original)
            var converter = JSONSchemaParams(event: name, report: report, comments: comments)
            let params = converter.params(properties, required: required)
            report = converter.report
            comments = converter.comments
            var event = Event(name: name)
            var text = description.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            if let renaming {
                text = (text.map { $0 + " " } ?? "") + "(Originally `\(original)`.)"
                comments.add("Renamed from `\(original)` (\(renaming.reason)).", at: .event(name))
                report.add(.init(.renamed, "event", name: original, id: id, note: "imported as `\(name)`: \(renaming.reason)"))
            }
            event.description = text
            event.params = params
            if deprecated { event.status = .deprecated }
            if let labels { comments.add("Labels: \(labels)", at: .event(name)) }
            plan.events.append(event)
            if renaming == nil {
                report.add(.init(.imported, "event", name: original, id: id, note: "\(params.count) parameter(s)" + (deprecated ? ", deprecated" : "")))
            }
        }
    }
}
