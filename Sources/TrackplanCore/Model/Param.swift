/// A parameter an event sends to GA4.
public struct Param: Sendable, Hashable {
    /// The parameter name.
    public var name: String
    /// Its value type.
    public var type: ParamType
    /// Whether every hit must carry it.
    public var required: Bool
    /// What it holds.
    public var description: String?
    /// The allowed values, when the set is closed.
    public var values: [Located<ParamValue>]?
    /// Where the value comes from.
    public var source: ParamSource
    /// What few parameters have (`pattern`, `min`, `max`, `renamed_from`), kept apart so that a
    /// parameter without them is a third of the size: a large plan holds hundreds of thousands.
    private var rare: RareBox?
    /// Whether `from` was written (false when the source is the default data layer key).
    @NotCompared public var hasExplicitSource = false
    /// Where the parameter's name (its key) was written.
    @NotCompared public var span: SourceSpan?

    /// Creates a parameter; by default an optional string read from the dataLayer key `name`.
    public init(name: String, type: ParamType = .string, required: Bool = false, description: String? = nil,
                values: [Located<ParamValue>]? = nil, source: ParamSource? = nil, renamedFrom: Located<String>? = nil,
                span: SourceSpan? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.values = values
        self.source = source ?? .dataLayer(name)
        self.span = span
        self.renamedFrom = renamedFrom
    }

    /// A regular expression (RE2 syntax) every string value must match (`pattern`).
    public var pattern: Located<String>? {
        get { rare?.fields.pattern }
        set { setRare(\.pattern, newValue) }
    }

    /// The smallest value a numeric parameter may take (`min`).
    public var minimum: Located<Double>? {
        get { rare?.fields.minimum }
        set { setRare(\.minimum, newValue) }
    }

    /// The largest value a numeric parameter may take (`max`).
    public var maximum: Located<Double>? {
        get { rare?.fields.maximum }
        set { setRare(\.maximum, newValue) }
    }

    /// Its previous name within the event, when the plan records a rename (`renamed_from`).
    public var renamedFrom: Located<String>? {
        get { rare?.fields.renamedFrom }
        set { setRare(\.renamedFrom, newValue) }
    }

    /// Sets one of the rare fields; the box is made only for a value, and dropped when empty.
    private mutating func setRare<T>(_ field: WritableKeyPath<RareFields, T?>, _ value: T?) {
        guard value != nil || rare != nil else { return }
        var fields = rare?.fields ?? RareFields()
        fields[keyPath: field] = value
        rare = fields.isEmpty ? nil : RareBox(fields)
    }

    /// The fields ``rare`` holds.
    private struct RareFields: Sendable, Hashable {
        var pattern: Located<String>?
        var minimum: Located<Double>?
        var maximum: Located<Double>?
        var renamedFrom: Located<String>?

        var isEmpty: Bool { pattern == nil && minimum == nil && maximum == nil && renamedFrom == nil }
    }

    /// An immutable box of ``RareFields``, equal and hashed by its fields (a change makes a new
    /// box, so copies of a parameter never share a mutation).
    private final class RareBox: Sendable, Hashable {
        let fields: RareFields
        init(_ fields: RareFields) { self.fields = fields }
        static func == (lhs: RareBox, rhs: RareBox) -> Bool { lhs === rhs || lhs.fields == rhs.fields }
        func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    }
}

/// A parameter's value type.
public enum ParamType: String, Sendable, Hashable, CaseIterable {
    case string
    case number
    case integer
    case boolean
    /// GA4's e-commerce `items`: an array of item objects (`item_id`, `item_name`, `price`, …),
    /// read from the data layer's `ecommerce.items` unless `from` says otherwise.
    case items
}

/// Where a parameter's value comes from.
public enum ParamSource: Sendable, Hashable {
    /// A GTM built-in variable (`builtin:click_text`).
    case builtin(BuiltinVariable)
    /// A dataLayer key path (`ecommerce.value`).
    case dataLayer(String)
    /// A fixed value (`constant:web`).
    case constant(String)
    /// An attribute of the clicked or visible element (`attribute:data-plan`).
    case elementAttribute(String)
    /// A query parameter of the page URL (`query:utm_campaign`).
    case queryParameter(String)
    /// A first-party cookie (`cookie:consent_state`).
    case cookie(String)

    /// How the plan writes it in `from`.
    public var planText: String {
        switch self {
        case .builtin(let variable): "builtin:\(variable.rawValue)"
        case .dataLayer(let key): key
        case .constant(let value): "constant:\(value)"
        case .elementAttribute(let name): "attribute:\(name)"
        case .queryParameter(let key): "query:\(key)"
        case .cookie(let name): "cookie:\(name)"
        }
    }
}

/// The GTM built-in variables a parameter can read, by their plan names.
public enum BuiltinVariable: String, Sendable, Hashable, CaseIterable {
    case clickText = "click_text"
    case clickURL = "click_url"
    case clickID = "click_id"
    case clickClasses = "click_classes"
    case clickElement = "click_element"
    case formID = "form_id"
    case formClasses = "form_classes"
    case formURL = "form_url"
    case scrollDepthThreshold = "scroll_depth_threshold"
    case videoPercent = "video_percent"
    case videoTitle = "video_title"
    case videoURL = "video_url"
    case videoStatus = "video_status"
    case pagePath = "page_path"
    case pageURL = "page_url"
    case pageHostname = "page_hostname"
    case referrer

    /// The variable's name in the GTM UI (`Click Text`), as `{{…}}` references use it.
    public var gtmName: String {
        switch self {
        case .clickText: "Click Text"
        case .clickURL: "Click URL"
        case .clickID: "Click ID"
        case .clickClasses: "Click Classes"
        case .clickElement: "Click Element"
        case .formID: "Form ID"
        case .formClasses: "Form Classes"
        case .formURL: "Form URL"
        case .scrollDepthThreshold: "Scroll Depth Threshold"
        case .videoPercent: "Video Percent"
        case .videoTitle: "Video Title"
        case .videoURL: "Video URL"
        case .videoStatus: "Video Status"
        case .pagePath: "Page Path"
        case .pageURL: "Page URL"
        case .pageHostname: "Page Hostname"
        case .referrer: "Referrer"
        }
    }
}
