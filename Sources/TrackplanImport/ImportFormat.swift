import TrackplanCore

/// The formats `trackplan import` reads.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    /// A Google Tag Manager container export (Admin → Export Container, or the API's container
    /// version JSON).
    case gtm
    /// A Segment tracking plan: the Public API's rules export (`{"rules": [{key, jsonSchema}]}`)
    /// or a Typewriter `plan.json`.
    case segment
    /// A RudderStack tracking plan (`{"rules": {"events": [{name, rules}]}}`, JSON Schema
    /// draft-06/07; Avo exports this shape too).
    case rudderstack
    /// An Amplitude Data taxonomy CSV export (event rows followed by their property rows).
    case amplitudeCSV = "amplitude-csv"

    /// What it is, for people.
    public var title: String {
        switch self {
        case .gtm: "GTM container export"
        case .segment: "Segment tracking plan"
        case .rudderstack: "RudderStack tracking plan"
        case .amplitudeCSV: "Amplitude Data CSV export"
        }
    }

    /// The format of `bytes`, recognized from the content; nil when it is none of them.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if firstLine.contains("Object Name"), firstLine.contains("Event Property Name") || firstLine.contains("Object Type") {
            return .amplitudeCSV
        }
        guard let json = try? JSONByteParser.parse(bytes) else { return nil }
        return detect(json)
    }

    /// A plan name from a source path: its file name without the extension.
    static func planName(fromSource source: String) -> String {
        let file = PathUtil.fileName(of: source)
        let stem = file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
        return stem.isEmpty ? "Imported plan" : stem
    }

    /// The format of a parsed JSON document.
    static func detect(_ json: JSONValue) -> ImportFormat? {
        if json["containerVersion"] != nil || json["exportFormatVersion"] != nil { return .gtm }
        if json["tag"] != nil, json["trigger"] != nil || json["variable"] != nil { return .gtm }
        switch json["rules"] {
        case .array?: return .segment
        case .object(let members)? where members.contains(where: { $0.key == "events" }): return .rudderstack
        default: return nil
        }
    }
}
