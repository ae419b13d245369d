import Foundation
import TrackplanCore
import TrackplanFormat

/// An Amplitude Data taxonomy CSV export: an `Event` row (name, owner, description, category,
/// schema status, 180-day volume) followed by its property rows (name, value type, required,
/// array, enum values, regex, number range). `Property Group` rows and their properties are
/// reported, not imported; DELETED and BLOCKED events too.
public struct AmplitudeCSVImporter: Sendable {
    /// An importer.
    public init() {}

    /// The columns it reads; an export without the first three is refused.
    static let requiredColumns = ["Object Type", "Object Name", "Event Property Name"]

    /// Imports the CSV `text` read from `source`.
    public func importCSV(_ text: String, source: String) throws(ImportError) -> ImportResult {
        let rows = CSVRows.parse(text)
        guard let header = rows.first else { throw ImportError("\(source): the CSV file is empty") }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() where column[name] == nil { column[name] = i }
        let missing = Self.requiredColumns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError("\(source):1: not an Amplitude Data CSV export: the columns " + missing.map { "`\($0)`" }.joined(separator: ", ") + " are missing")
        }
        var report = ImportReport(source: source, format: .amplitudeCSV)
        var comments = PlanComments()
        var plan = Plan(name: ImportFormat.planName(fromSource: source), stages: [])
        comments.add("Imported from the Amplitude Data CSV export `\(source)` by `trackplan import`.", at: .header)
        var names = GA4Names()
        var current: Int?  // index of the event being filled
        var currentGroup: String?
        var skippedEvent: String?
        var paramNames = GA4Names()
        for row in rows.dropFirst() {
            func field(_ name: String) -> String {
                guard let i = column[name], i < row.fields.count else { return "" }
                return row.fields[i].trimmingCharacters(in: .whitespaces)
            }
            let id = "line \(row.line)"
            switch field("Object Type") {
            case "Event":
                currentGroup = nil
                skippedEvent = nil
                current = nil
                let original = field("Object Name")
                let status = field("Event Schema Status").uppercased()
                guard !original.isEmpty else {
                    report.add(.init(.notImported, "event", name: "(unnamed)", id: id, note: "it has no name"))
                    continue
                }
                if status == "DELETED" || status == "BLOCKED" {
                    report.add(.init(.notImported, "event", type: status, name: original, id: id,
                                     note: status == "DELETED" ? "deleted in Amplitude" : "blocked in Amplitude (its data is dropped)"))
                    skippedEvent = original
                    continue
                }
                let (name, renaming) = names.name(for: original)
                var event = Event(name: name)
                var description = field("Object Description")
                if renaming != nil {
                    description = (description.isEmpty ? "" : description + " ") + "(Originally `\(original)`.)"
                    comments.add("Renamed from `\(original)` (\(renaming?.reason ?? "")).", at: .event(name))
                    report.add(.init(.renamed, "event", name: original, id: id, note: "imported as `\(name)`: \(renaming?.reason ?? "")"))
                }
                event.description = description.isEmpty ? nil : description
                let owner = field("Object Owner")
                if !owner.isEmpty { event.owner = owner }
                let volume = Int(field("Event 180 Day Volume")) ?? 0
                if volume > 0 { event.status = .implemented }
                let category = field("Event Category"), tags = field("Tags")
                if !category.isEmpty { comments.add("Amplitude category: \(category)", at: .event(name)) }
                if !tags.isEmpty { comments.add("Amplitude tags: \(tags)", at: .event(name)) }
                if status == "UNEXPECTED" { comments.add("Amplitude status UNEXPECTED: seen in the data but not planned there.", at: .event(name)) }
                plan.events.append(event)
                current = plan.events.count - 1
                paramNames = GA4Names()
                if renaming == nil {
                    report.add(.init(.imported, "event", type: status.isEmpty ? nil : status, name: original, id: id,
                                     note: volume > 0 ? "implemented (\(volume) events in 180 days)" : "planned"))
                }
            case "Property Group":
                current = nil
                skippedEvent = nil
                currentGroup = field("Object Name")
                report.add(.init(.notImported, "property group", name: currentGroup ?? "", id: id,
                                 note: "a property group: its properties are listed on the events that use it"))
            default:
                let original = field("Event Property Name")
                guard !original.isEmpty else { continue }
                if skippedEvent != nil { continue }
                guard let index = current else {
                    report.add(.init(.notImported, "property", name: (currentGroup.map { "\($0)." } ?? "") + original, id: id,
                                     note: currentGroup == nil ? "it follows no event row" : "a property of the group `\(currentGroup ?? "")`"))
                    continue
                }
                let eventName = plan.events[index].name
                let label = "\(eventName).\(original)"
                if field("Property Is Array").uppercased() == "TRUE" {
                    report.add(.init(.notImported, "property", type: "array", name: label, id: id,
                                     note: "an array: GA4 parameters hold single values"))
                    continue
                }
                var notes: [String] = []
                let (name, renaming) = paramNames.name(for: original)
                var type: ParamType
                switch field("Property Value Type").lowercased() {
                case "string": type = .string
                case "number": type = field("Number Is Integer").uppercased() == "TRUE" ? .integer : .number
                case "boolean": type = .boolean
                case "", "any": type = .string; notes.append("type `\(field("Property Value Type").isEmpty ? "none" : "any")`: imported as a string")
                case let other: type = .string; notes.append("type `\(other)`: imported as a string")
                }
                var param = Param(name: name, type: type, required: field("Property Required").uppercased() == "TRUE",
                                  description: field("Property Description").isEmpty ? nil : field("Property Description"))
                Proposals.readKey(original, into: &param, notes: &notes)
                let enumText = field("Enum Values"), constant = field("Const Value")
                let rawValues = !constant.isEmpty ? [constant] : enumText.isEmpty ? [] : enumText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let values = rawValues.compactMap { Self.value($0, type: type) }
                if !values.isEmpty { param.values = values.map { Located($0) } }
                if values.count < rawValues.count { notes.append("values that are not \(type.rawValue)s were dropped") }
                let regex = field("Property Regex")
                if !regex.isEmpty, type == .string {
                    if (try? NSRegularExpression(pattern: regex)) != nil { param.pattern = Located(regex) } else { notes.append("its regex `\(regex)` is not valid") }
                }
                if type == .number || type == .integer {
                    if let minimum = Double(field("Number Property Value Min")) { param.minimum = Located(minimum) }
                    if let maximum = Double(field("Number Property Value Max")) { param.maximum = Located(maximum) }
                }
                if let renaming { notes.insert("renamed from `\(renaming.original)` (\(renaming.reason))", at: 0) }
                if plan.events[index].params.contains(where: { $0.name == name }) {
                    report.add(.init(.notImported, "property", name: label, id: id, note: "listed twice on the event"))
                    continue
                }
                plan.events[index].params.append(param)
                if !notes.isEmpty {
                    comments.add(notes.joined(separator: "; ") + ".", at: .param(event: eventName, name: name))
                    report.add(.init(renaming != nil ? .renamed : .partial, "property", name: label, id: id, note: notes.joined(separator: "; ")))
                }
            }
        }
        Proposals.finishPlanImport(&plan, comments: &comments, report: &report)
        var result = ImportResult(plan: plan, comments: comments, report: report)
        ImportSanitizer.apply(&result)
        return result
    }

    static func value(_ text: String, type: ParamType) -> ParamValue? {
        switch type {
        case .string: return .string(text)
        case .integer: return Int(text).map(ParamValue.integer)
        case .number: return Int(text).map(ParamValue.integer) ?? Double(text).map(ParamValue.number)
        case .boolean: return ["true": ParamValue.boolean(true), "false": .boolean(false)][text.lowercased()]
        case .items: return nil
        }
    }
}
