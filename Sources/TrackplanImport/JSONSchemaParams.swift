import Foundation
import TrackplanCore
import TrackplanFormat

/// The properties of a JSON Schema (Segment, RudderStack, Avo, Typewriter) as plan parameters:
/// names GA4 rejects renamed (the original kept as the data layer key in `from`), the types GA4
/// knows kept, nullable unions made optional, objects flattened one level, arrays and other
/// types dropped with a report line.
struct JSONSchemaParams {
    var event: String
    var report: ImportReport
    var comments: PlanComments
    private var names = GA4Names()

    init(event: String, report: ImportReport, comments: PlanComments) {
        self.event = event
        self.report = report
        self.comments = comments
    }

    /// The parameters for `properties` (a JSON Schema `properties` object) with `required` names.
    mutating func params(_ properties: JSONValue?, required: [String], prefix: String = "", keyPrefix: String = "") -> [Param] {
        guard case .object(let members)? = properties else { return [] }
        var params: [Param] = []
        for member in members {
            let original = member.key
            let schema = member.value
            let label = "\(event).\(keyPrefix)\(original)"
            var types = Self.types(schema)
            let nullable = types.contains("null")
            types.removeAll { $0 == "null" }
            if types == ["object"] || (types.isEmpty && schema["properties"] != nil) {
                if prefix.isEmpty, schema["properties"] != nil {
                    let nestedRequired = required.contains(original) ? Self.strings(schema["required"]) : []
                    let flattened = self.params(schema["properties"], required: nestedRequired, prefix: GA4Names.snakeCase(original) + "_", keyPrefix: original + ".")
                    params += flattened
                    report.add(.init(.partial, "property", type: "object", name: label,
                                     note: "an object: flattened into \(flattened.count) parameter(s) named `\(GA4Names.snakeCase(original))_…`"))
                } else {
                    report.add(.init(.notImported, "property", type: "object", name: label, note: "an object nested in an object: GA4 parameters are flat"))
                }
                continue
            }
            if types.contains("array") {
                report.add(.init(.notImported, "property", type: "array", name: label,
                                 note: "an array: GA4 parameters hold single values (only e-commerce `items` is an array)"))
                continue
            }
            var type: ParamType = .string
            var notes: [String] = []
            switch types.count == 1 ? types[0] : "" {
            case "string": type = .string
            case "number": type = .number
            case "integer": type = .integer
            case "boolean": type = .boolean
            default:
                if types.isEmpty {
                    notes.append("no type given: imported as a string")
                } else {
                    notes.append("the type `\(types.joined(separator: " | "))` is not one GA4 parameter type: imported as a string")
                }
            }
            let (name, renaming) = names.name(for: prefix.isEmpty ? original : prefix + GA4Names.snakeCase(original))
            var param = Param(name: name, type: type, required: required.contains(original) && !nullable,
                              description: schema["description"]?.text.flatMap { $0.isEmpty ? nil : $0 })
            let key = keyPrefix + original
            Proposals.readKey(key, into: &param, notes: &notes)
            if let values = schema["enum"]?.items, !values.isEmpty {
                let converted = values.compactMap { Self.paramValue($0) }.filter { $0 != .null && $0.fits(type) }
                if !converted.isEmpty { param.values = converted.map { Located($0) } }
                if converted.count < values.filter({ $0 != .null }).count { notes.append("enum values that are not \(type.rawValue)s were dropped") }
            }
            if type == .string, let pattern = schema["pattern"]?.text, !pattern.isEmpty {
                if (try? NSRegularExpression(pattern: pattern)) != nil { param.pattern = Located(pattern) } else { notes.append("its pattern `\(pattern)` is not a valid regular expression") }
            }
            if type == .number || type == .integer {
                if let minimum = Self.number(schema["minimum"]) { param.minimum = Located(minimum) }
                if let maximum = Self.number(schema["maximum"]) { param.maximum = Located(maximum) }
            }
            if let format = schema["format"]?.text { notes.append("format `\(format)` is not checked by the plan") }
            if nullable, required.contains(original) { notes.append("required but nullable: imported as optional") }
            if let renaming { notes.insert("renamed from `\(renaming.original)` (\(renaming.reason))", at: 0) }
            if !notes.isEmpty {
                report.add(.init(renaming != nil ? .renamed : .partial, "property", type: types.isEmpty ? nil : types.joined(separator: "|"), name: label, note: notes.joined(separator: "; ")))
                comments.add(notes.joined(separator: "; ") + ".", at: .param(event: event, name: name))
            }
            params.append(param)
        }
        return params
    }

    static func types(_ schema: JSONValue) -> [String] {
        switch schema["type"] {
        case .string(let type)?: [type]
        case .array(let items)?: items.compactMap(\.text)
        default: []
        }
    }

    static func strings(_ json: JSONValue?) -> [String] { json?.items.compactMap(\.text) ?? [] }

    static func number(_ json: JSONValue?) -> Double? {
        switch json {
        case .int(let i)?: Double(i)
        case .double(let d)?: d
        default: nil
        }
    }

    static func paramValue(_ json: JSONValue) -> ParamValue? {
        switch json {
        case .string(let s): .string(s)
        case .int(let i): .integer(i)
        case .double(let d): .number(d)
        case .bool(let b): .boolean(b)
        case .null: .null
        default: nil
        }
    }
}
