import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// GTM built-in variables: their export type and UI name.
public struct GTMBuiltin: Sendable, Hashable, Comparable {
    /// The export type (`CLICK_TEXT`).
    public var type: String
    /// The name used in `{{…}}` references (`Click Text`).
    public var name: String

    public static func < (a: GTMBuiltin, b: GTMBuiltin) -> Bool { a.name < b.name }

    static let pagePath = GTMBuiltin(type: "PAGE_PATH", name: "Page Path")
    static let pageHostname = GTMBuiltin(type: "PAGE_HOSTNAME", name: "Page Hostname")
    static let clickElement = GTMBuiltin(type: "CLICK_ELEMENT", name: "Click Element")
    static let clickURL = GTMBuiltin(type: "CLICK_URL", name: "Click URL")
    static let formID = GTMBuiltin(type: "FORM_ID", name: "Form ID")
    static let formElement = GTMBuiltin(type: "FORM_ELEMENT", name: "Form Element")
    static let event = GTMBuiltin(type: "EVENT", name: "Event")

    /// The built-in variable a plan's `builtin:NAME` reads.
    init(_ variable: BuiltinVariable) {
        let type: String
        switch variable {
        case .clickText: type = "CLICK_TEXT"
        case .clickURL: type = "CLICK_URL"
        case .clickID: type = "CLICK_ID"
        case .clickClasses: type = "CLICK_CLASSES"
        case .clickElement: type = "CLICK_ELEMENT"
        case .formID: type = "FORM_ID"
        case .formClasses: type = "FORM_CLASSES"
        case .formURL: type = "FORM_URL"
        case .scrollDepthThreshold: type = "SCROLL_DEPTH_THRESHOLD"
        case .videoPercent: type = "VIDEO_PERCENT"
        case .videoTitle: type = "VIDEO_TITLE"
        case .videoURL: type = "VIDEO_URL"
        case .videoStatus: type = "VIDEO_STATUS"
        case .pagePath: type = "PAGE_PATH"
        case .pageURL: type = "PAGE_URL"
        case .pageHostname: type = "PAGE_HOSTNAME"
        case .referrer: type = "REFERRER"
        }
        self.init(type: type, name: variable.gtmName)
    }

    init(type: String, name: String) {
        self.type = type
        self.name = name
    }
}
