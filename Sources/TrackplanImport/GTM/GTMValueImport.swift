import TrackplanCore

/// A GTM parameter value (`{{DLV - ecommerce.value}}`, `{{Click Text}}`, `web`) read back as
/// where a plan parameter's value comes from.
struct ImportedValue: Sendable {
    /// The source; nil when GTM computes the value in a way a plan cannot say (the parameter
    /// then reads the data layer key of its own name, and `note` says what GTM did).
    var source: ParamSource?
    /// Allowed values, from a lookup or RegEx table's outputs.
    var values: [ParamValue]?
    /// What was not carried over, for a comment.
    var note: String?
    /// The variables it read, by name (for the report).
    var variables: [String] = []
}

/// Resolves `{{…}}` references against the container's variables.
struct GTMValueImport {
    var variables: [String: GTMEntity]

    init(_ container: GTMContainer) {
        var byName: [String: GTMEntity] = [:]
        for variable in container.variables where byName[variable.name] == nil { byName[variable.name] = variable }
        variables = byName
    }

    /// Built-in variables by their UI names.
    static let builtins: [String: BuiltinVariable] = Dictionary(uniqueKeysWithValues: BuiltinVariable.allCases.map { ($0.gtmName, $0) })

    /// GTM's built-in variables that have no `builtin:` name in a plan.
    static let otherBuiltins: Set<String> = [
        "Event", "Click Target", "Form Target", "Form Text", "Form Element", "Scroll Depth Units", "Scroll Depth Direction",
        "Video Provider", "Video Duration", "Video Current Time", "Video Visible", "History Source", "New History Fragment",
        "Old History Fragment", "New History State", "Old History State", "New History URL", "Old History URL", "Debug Mode",
        "Container ID", "Container Version", "Environment Name", "Random Number", "HTML ID", "Percent Visible",
        "On-Screen Duration", "Error Message", "Error URL", "Error Line", "Page Title",
    ]

    /// Where `text` comes from.
    func read(_ text: String) -> ImportedValue {
        guard text.contains("{{") else { return ImportedValue(source: .constant(text)) }
        guard let name = GTMContainer.reference(text) else {
            return ImportedValue(note: "GTM builds it from several parts: `\(text)`")
        }
        if let builtin = Self.builtins[name] { return ImportedValue(source: .builtin(builtin)) }
        guard let variable = variables[name] else {
            if Self.otherBuiltins.contains(name) {
                return ImportedValue(note: "GTM reads its built-in variable `{{\(name)}}`, which a plan cannot name: push the value to the data layer or change `from`")
            }
            return ImportedValue(note: "GTM reads `{{\(name)}}`, which is no variable of the container and no built-in variable trackplan knows")
        }
        var result = readVariable(variable)
        result.variables.insert(name, at: 0)
        return result
    }

    func readVariable(_ variable: GTMEntity) -> ImportedValue {
        let p = variable.parameters
        switch variable.type {
        case "v":
            guard let key = p.value("name"), !key.isEmpty, !key.contains("{{") else {
                return ImportedValue(note: "Data Layer Variable \(variable.label) names no key")
            }
            var result = ImportedValue(source: .dataLayer(key))
            if p.value("dataLayerVersion") == "1" { result.note = "Data Layer Variable \(variable.label) uses data layer version 1 (no nested keys)" }
            return result
        case "c":
            let value = p.value("value") ?? ""
            if value.contains("{{") { return read(value) }
            return ImportedValue(source: .constant(value))
        case "aev":
            let kind = (p.value("varType") ?? "").uppercased()
            switch kind {
            case "ATTRIBUTE":
                if let attribute = p.value("attribute"), !attribute.isEmpty { return ImportedValue(source: .elementAttribute(attribute)) }
            case "TEXT": return ImportedValue(source: .builtin(.clickText), note: "Auto-Event Variable \(variable.label) (element text): read as Click Text")
            case "URL":
                let component = (p.value("component") ?? "URL").uppercased()
                return ImportedValue(source: .builtin(.clickURL), note: component == "URL" ? nil
                                     : "Auto-Event Variable \(variable.label) reads the element URL's `\(component)`: read as the whole Click URL")
            case "ID": return ImportedValue(source: .builtin(.clickID), note: "Auto-Event Variable \(variable.label) (element id): read as Click ID")
            case "CLASSES": return ImportedValue(source: .builtin(.clickClasses), note: "Auto-Event Variable \(variable.label) (element classes): read as Click Classes")
            case "ELEMENT": return ImportedValue(source: .builtin(.clickElement), note: "Auto-Event Variable \(variable.label): read as Click Element")
            default: break
            }
            return ImportedValue(note: "Auto-Event Variable \(variable.label) reads `\(kind)`, which the plan cannot say")
        case "u":
            if p.value("customUrlSource") != nil { return ImportedValue(note: "URL Variable \(variable.label) reads another URL than the page's") }
            switch (p.value("component") ?? "URL").uppercased() {
            case "QUERY":
                if let key = p.value("queryKey"), !key.isEmpty { return ImportedValue(source: .queryParameter(key)) }
            case "URL": return ImportedValue(source: .builtin(.pageURL))
            case "PATH": return ImportedValue(source: .builtin(.pagePath))
            case "HOST": return ImportedValue(source: .builtin(.pageHostname))
            default: break
            }
            return ImportedValue(note: "URL Variable \(variable.label) reads the URL's `\(p.value("component") ?? "")`, which the plan cannot say")
        case "k":
            if let name = p.value("name"), !name.isEmpty { return ImportedValue(source: .cookie(name)) }
            return ImportedValue(note: "Cookie Variable \(variable.label) names no cookie")
        case "smm", "remm":
            let table = variable.type == "smm" ? "Lookup Table" : "RegEx Table"
            var outputs: [ParamValue] = []
            for row in p.named("map")?.list ?? [] {
                if let value = row.member("value")?.value, !value.contains("{{"), !outputs.contains(.string(value)) { outputs.append(.string(value)) }
            }
            if p.flag("setDefaultValue") == true, let value = p.value("defaultValue"), !value.contains("{{"), !outputs.contains(.string(value)) {
                outputs.append(.string(value))
            }
            let input = p.value("input") ?? "?"
            return ImportedValue(values: outputs.isEmpty ? nil : outputs,
                                 note: "GTM maps \(input) through the \(table) \(variable.label); its outputs are the allowed values, and the plan reads the result from the data layer: push it there or change `from`")
        default:
            return ImportedValue(note: "GTM computes it with the \(Self.variableTypeName(variable.type)) \(variable.label), which a plan cannot say: push the value to the data layer or change `from`")
        }
    }

    /// A variable type for people.
    static func variableTypeName(_ type: String) -> String {
        switch type {
        case "jsm": "Custom JavaScript variable"
        case "j": "JavaScript Variable"
        case "gtes": "Google tag: Event Settings variable"
        case "gtcs": "Google tag: Configuration Settings variable"
        case "awec": "User-Provided Data variable"
        case "d": "DOM Element variable"
        case "r": "Random Number variable"
        case "f": "HTTP Referrer variable"
        case "uv": "Undefined Value variable"
        case "gas": "Google Analytics Settings variable"
        case "ctv": "Container Version Number variable"
        case "vis": "Element Visibility variable"
        default: type.hasPrefix("cvt_") ? "custom template variable" : "`\(type)` variable"
        }
    }
}
