import TrackplanCore

/// The keys of the plan format, declared once: the loader accepts exactly these, and a test
/// requires the JSON Schema's definitions to list exactly these, in this order.
public enum PlanKeys {
    /// The root file's keys (schema: `plan`).
    public static let root = ["trackplan", "name", "description", "hostnames", "include", "ga4", "gtm", "consent", "shared_params", "user_properties", "codegen", "conventions", "stages", "page_types", "events", "lint"]
    /// An included file's keys (schema: `included_file`).
    public static let includedFile = ["page_types", "events", "include"]
    /// A page type's keys (schema: `page_type`).
    public static let pageType = ["name", "description", "match", "macro", "suppress"]
    /// The kinds of `match` (exactly one).
    public static let match = ["path", "path_prefix", "path_regex"]
    /// An event's keys (schema: `event`).
    public static let event = ["kind", "stage", "pages", "description", "leads_to", "signal", "negative", "key_event", "key_event_counting", "consent",
                               "owner", "status", "trigger", "renamed_from", "params", "suppress"]
    /// The trigger kinds (schema: `trigger`; exactly one).
    public static let trigger = Trigger.kinds
    /// A parameter's keys (schema: `param`).
    public static let param = ["type", "required", "description", "values", "pattern", "min", "max", "from", "renamed_from"]

    /// Schema definition name → the keys it must list.
    public static let bySchemaDefinition: [(definition: String, keys: [String])] = [
        ("plan", root), ("included_file", includedFile), ("page_type", pageType), ("event", event),
        ("trigger", trigger), ("param", param),
    ]
}

extension PlanKeys {
    /// Whether `text` can be written as a parameter's `from` and read back as the data layer key
    /// path `text`: dot-separated names without spaces, quotes or braces, and no `builtin:`-style
    /// prefix.
    public static func isDataLayerKeyPath(_ text: String) -> Bool {
        if let colon = text.firstIndex(of: ":"), LoadSession.sourcePrefixes.contains(String(text[..<colon])) { return false }
        return LoadSession.isDataLayerPath(text)
    }
}
