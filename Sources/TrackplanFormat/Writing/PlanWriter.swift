import TrackplanCore

/// Writes a plan as YAML a person would have written: the README's key order, defaults left
/// out, quoting only where needed, comments where they belong, and the same bytes for the same
/// plan. Loading what it writes gives the same plan back (compared by meaning).
public struct PlanWriter: Sendable {
    /// How to split a large plan into included files.
    public enum Split: String, Sendable, CaseIterable {
        /// One file: everything in the root.
        case none
        /// One file of events per page type (the event's first page type; `site-wide.yaml` for
        /// events on every page), under `events/`.
        case pageType = "page-type"
        /// One file of events per funnel stage (`no-stage.yaml` for events without one).
        case stage
    }

    /// A file the writer produced.
    public struct File: Sendable, Hashable {
        /// Its path relative to the root file's directory (the root file is `""`).
        public var path: String
        /// Its text.
        public var text: String
    }

    /// The `$schema` the first line names for the YAML language server (a path relative to the
    /// plan, or a URL); nil writes no such line.
    public var schema: String?
    /// How long a line may grow before a description is folded and a parameter written as a block.
    public var width = 100

    /// A writer naming `schema` on its first line.
    public init(schema: String? = "./trackplan.schema.json") {
        self.schema = schema
    }

    /// The plan as one file.
    public func write(_ plan: Plan, comments: PlanComments = PlanComments()) -> String {
        write(plan, comments: comments, split: .none)[0].text
    }

    /// The plan as files: the root first (path `""`), then the included files in include order.
    public func write(_ plan: Plan, comments: PlanComments = PlanComments(), split: Split) -> [File] {
        let groups = split == .none ? [] : Self.groups(plan, split: split)
        var out = Lines(width: width)
        if let schema {
            out.line("# yaml-language-server: $schema=\(schema)")
            if !comments[.header].isEmpty { out.line("#") }
        }
        out.comments(comments[.header], indent: 0)
        writeRoot(plan, comments: comments, includes: groups.map(\.path), into: &out)
        if groups.isEmpty {
            writeEvents(plan.events, comments: comments, into: &out)
        } else if !comments[.section("events")].isEmpty || !comments[.eventsEnd].isEmpty {
            // Said once, in the root, rather than in every included file.
            out.blank()
            out.comments(comments[.section("events")] + comments[.eventsEnd], indent: 0)
        }
        writeLint(plan, into: &out)
        var files = [File(path: "", text: out.text)]
        for group in groups {
            var file = Lines(width: width)
            if let schema { file.line("# yaml-language-server: $schema=\(Self.relativeSchema(schema, from: group.path))") }
            file.line("# \(group.title), included by the plan's root file.")
            writeEvents(group.events, comments: comments, sectionComments: false, into: &file)
            files.append(File(path: group.path, text: file.text))
        }
        return files
    }

    /// The schema reference seen from an included file one directory down.
    static func relativeSchema(_ schema: String, from path: String) -> String {
        guard !schema.contains("://"), !schema.hasPrefix("/"), path.contains("/") else { return schema }
        let trimmed = schema.hasPrefix("./") ? String(schema.dropFirst(2)) : schema
        return "../" + trimmed
    }

    struct Group {
        var path: String
        var title: String
        var events: [Event]
    }

    /// The events grouped for `split`, groups in order of their first event.
    static func groups(_ plan: Plan, split: Split) -> [Group] {
        var order: [String] = []
        var byKey: [String: [Event]] = [:]
        for event in plan.events {
            let key: String
            switch split {
            case .pageType: key = event.pages?.first?.value ?? "site-wide"
            case .stage: key = event.stage?.value ?? "no-stage"
            case .none: key = ""
            }
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(event)
        }
        var used: Set<String> = []
        return order.map { key in
            var file = fileName(key)
            var n = 2
            while !used.insert(file).inserted { file = fileName(key) + "-\(n)"; n += 1 }
            let title: String
            switch split {
            case .pageType: title = key == "site-wide" ? "Events on every page" : "Events of page type `\(key)`"
            default: title = key == "no-stage" ? "Events without a stage" : "Events of stage `\(key)`"
            }
            return Group(path: "events/\(file).yaml", title: title, events: byKey[key] ?? [])
        }
    }

    /// A file name from an id: letters, digits, `-` and `_` kept, the rest `-`.
    static func fileName(_ id: String) -> String {
        let kept = String(id.unicodeScalars.map { c -> Character in
            (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_") && c.isASCII ? Character(c) : "-"
        })
        return kept.isEmpty ? "events" : kept
    }

    // MARK: - Root

    func writeRoot(_ plan: Plan, comments: PlanComments, includes: [String], into out: inout Lines) {
        out.line("trackplan: \(plan.formatVersion)")
        out.line("name: " + YAMLScalarText.string(plan.name))
        if let description = plan.description { out.text("description", description, indent: 0) }
        if !plan.hostnames.isEmpty { out.line("hostnames: " + Self.flowList(plan.hostnames.map(\.value))) }
        if !includes.isEmpty {
            out.line("include:")
            for path in includes { out.line("  - " + YAMLScalarText.string(path)) }
        }
        if let id = plan.measurementID {
            out.line("ga4:")
            out.line("  measurement_id: " + YAMLScalarText.string(id.value))
        }
        if let id = plan.gtmPublicID { out.line("gtm: {public_id: \(YAMLScalarText.string(id.value, inFlow: true))}") }
        if !plan.consent.required.isEmpty || !plan.consent.regions.isEmpty {
            out.line("consent:")
            if !plan.consent.required.isEmpty { out.line("  required: " + Self.flowList(plan.consent.required.map(\.value.rawValue))) }
            if !plan.consent.regions.isEmpty { out.line("  regions: " + Self.flowList(plan.consent.regions.map(\.value))) }
        }
        if !plan.sharedParams.isEmpty {
            out.line("shared_params:")
            for param in plan.sharedParams { writeParam(param, event: nil, comments: comments, indent: 2, into: &out) }
        }
        if !plan.userProperties.isEmpty {
            out.line("user_properties:")
            for param in plan.userProperties { writeParam(param, event: nil, comments: comments, indent: 2, into: &out) }
        }
        if !plan.codegen.isEmpty { out.line("codegen: " + Self.flowList(plan.codegen.map(\.value))) }
        writeConventions(plan.conventions, into: &out)

        out.blank()
        out.comments(comments[.section("stages")], indent: 0)
        out.line("stages:")
        for stage in plan.stages {
            out.comments(comments[.stage(stage.id)], indent: 2)
            out.line("  - id: " + YAMLScalarText.string(stage.id))
            if let name = stage.name { out.line("    name: " + YAMLScalarText.string(name)) }
            if let description = stage.description { out.text("description", description, indent: 4) }
        }

        if !plan.pageTypes.isEmpty {
            out.blank()
            out.comments(comments[.section("page_types")], indent: 0)
            out.line("page_types:")
            for pageType in plan.pageTypes {
                out.comments(comments[.pageType(pageType.id)], indent: 2)
                out.line("  " + YAMLScalarText.string(pageType.id) + ":")
                if let name = pageType.name { out.line("    name: " + YAMLScalarText.string(name)) }
                if let description = pageType.description { out.text("description", description, indent: 4) }
                let match = pageType.match.value
                out.line("    match: {\(match.key): \(YAMLScalarText.string(match.pattern, inFlow: true))}")
                if let macro = pageType.macro { out.line("    macro: " + YAMLScalarText.string(macro.value)) }
                writeSuppressions(pageType.suppressions, indent: 4, into: &out)
            }
        }
    }

    func writeConventions(_ conventions: Conventions, into out: inout Lines) {
        let defaults = Conventions()
        guard conventions != defaults else { return }
        out.line("conventions:")
        if conventions.nameCase != defaults.nameCase { out.line("  case: " + conventions.nameCase.rawValue) }
        if conventions.style != defaults.style { out.line("  style: " + conventions.style.rawValue) }
        if !conventions.actions.isEmpty { out.line("  actions: " + Self.flowList(conventions.actions)) }
        if conventions.eventsPerPageType != defaults.eventsPerPageType {
            out.line("  events_per_page_type: {min: \(conventions.eventsPerPageType.lowerBound), max: \(conventions.eventsPerPageType.upperBound)}")
        }
    }

    func writeLint(_ plan: Plan, into out: inout Lines) {
        guard !plan.ruleSettings.isEmpty else { return }
        out.blank()
        out.line("lint:")
        out.line("  rules:")
        for setting in plan.ruleSettings {
            out.line("    \(YAMLScalarText.string(setting.ruleID.value)): \(setting.severity?.rawValue ?? "off")")
        }
    }

    func writeSuppressions(_ suppressions: [Suppression], indent: Int, into out: inout Lines) {
        guard !suppressions.isEmpty else { return }
        let pad = String(repeating: " ", count: indent)
        out.line(pad + "suppress:")
        for suppression in suppressions {
            out.text(suppression.ruleID.value, suppression.reason, indent: indent + 2)
        }
    }

    // MARK: - Events

    func writeEvents(_ events: [Event], comments: PlanComments, sectionComments: Bool = true, into out: inout Lines) {
        out.blank()
        if sectionComments { out.comments(comments[.section("events")], indent: 0) }
        guard !events.isEmpty || (sectionComments && !comments[.eventsEnd].isEmpty) else {
            out.line("events: {}")
            return
        }
        out.line("events:")
        for event in events { writeEvent(event, comments: comments, into: &out) }
        if sectionComments { out.comments(comments[.eventsEnd], indent: 2) }
    }

    func writeEvent(_ event: Event, comments: PlanComments, into out: inout Lines) {
        let name = event.name
        out.comments(comments[.event(name)], indent: 2)
        var body = Lines(width: width)
        func key(_ key: String, _ value: String) {
            body.line("    \(key): \(value)", trailing: comments[.eventKey(event: name, key: key)])
        }
        if event.kind == .macro { key("kind", "macro") }
        if let stage = event.stage { key("stage", YAMLScalarText.string(stage.value)) }
        if let pages = event.pages { key("pages", Self.flowList(pages.map(\.value))) }
        if let description = event.description {
            body.text("description", description, indent: 4, trailing: comments[.eventKey(event: name, key: "description")])
        }
        if let leadsTo = event.leadsTo { key("leads_to", YAMLScalarText.string(leadsTo.value)) }
        if let signal = event.signal { key("signal", String(signal)) }
        if event.negative { key("negative", "true") }
        if event.keyEvent != (event.kind == .macro) { key("key_event", event.keyEvent ? "true" : "false") }
        if event.keyEvent, event.keyEventCounting != .oncePerEvent { key("key_event_counting", event.keyEventCounting.rawValue) }
        if !event.consent.isEmpty { key("consent", Self.flowList(event.consent.map(\.value.rawValue))) }
        if let owner = event.owner { key("owner", YAMLScalarText.string(owner)) }
        if event.status != .planned { key("status", event.status.rawValue) }
        let trigger = event.trigger.value
        if trigger != .custom(event: name) || !comments[.eventKey(event: name, key: "trigger")].isEmpty {
            body.line("    trigger:", trailing: comments[.eventKey(event: name, key: "trigger")])
            body.line("      " + Self.triggerText(trigger))
        }
        if let renamed = event.renamedFrom { key("renamed_from", YAMLScalarText.string(renamed.value)) }
        if !event.params.isEmpty {
            body.line("    params:", trailing: comments[.eventKey(event: name, key: "params")])
            for param in event.params { writeParam(param, event: name, comments: comments, indent: 6, into: &body) }
        }
        writeSuppressions(event.suppressions, indent: 4, into: &body)
        let keyText = "  " + YAMLScalarText.string(name) + ":"
        if body.isEmpty { out.line(keyText + " {}") } else { out.line(keyText); out.append(body) }
    }

    /// A trigger as one line: `click: {selector: '.x'}`.
    public static func triggerText(_ trigger: Trigger) -> String {
        func s(_ text: String) -> String { YAMLScalarText.string(text, inFlow: true) }
        func percents(_ list: [Int]) -> String { "[" + list.map(String.init).joined(separator: ", ") + "]" }
        switch trigger {
        case .click(let selector): return "click: {selector: \(s(selector))}"
        case .linkClick(.urlContains(let text)): return "link_click: {url_contains: \(s(text))}"
        case .linkClick(.urlRegex(let regex)): return "link_click: {url_regex: \(s(regex))}"
        case .linkClick(.selector(let selector)): return "link_click: {selector: \(s(selector))}"
        case .formSubmit(let match, let check):
            let first: String
            switch match {
            case .formID(let id): first = "form_id: \(s(id))"
            case .selector(let selector): first = "selector: \(s(selector))"
            }
            return "form_submit: {\(first)\(check ? "" : ", check_validation: false")}"
        case .scroll(let list): return "scroll: {percent: \(percents(list))}"
        case .video(let list, let start, let complete):
            var parts: [String] = []
            if !list.isEmpty { parts.append("percent: \(percents(list))") }
            if start { parts.append("start: true") }
            if complete { parts.append("complete: true") }
            return "video: {" + parts.joined(separator: ", ") + "}"
        case .timer(let seconds): return "timer: {seconds: \(seconds)}"
        case .visible(let selector, let minimum):
            return "visible: {selector: \(s(selector))\(minimum == 50 ? "" : ", min_percent_visible: \(minimum)")}"
        case .pageView: return "page_view: {}"
        case .custom(let event): return "custom: {event: \(s(event))}"
        }
    }

    // MARK: - Parameters

    /// The parameter's fields as `key: value` pairs in the README's order, defaults left out.
    static func paramFields(_ param: Param, inFlow: Bool) -> [(String, String)] {
        var fields: [(String, String)] = [("type", param.type.rawValue)]
        if param.required { fields.append(("required", "true")) }
        if let values = param.values {
            fields.append(("values", "[" + values.map { YAMLScalarText.value($0.value, inFlow: true) }.joined(separator: ", ") + "]"))
        }
        if let pattern = param.pattern { fields.append(("pattern", YAMLScalarText.string(pattern.value, inFlow: inFlow))) }
        if let minimum = param.minimum { fields.append(("min", YAMLScalarText.number(minimum.value))) }
        if let maximum = param.maximum { fields.append(("max", YAMLScalarText.number(maximum.value))) }
        let defaultSource: ParamSource = param.type == .items ? .dataLayer("ecommerce.items") : .dataLayer(param.name)
        if param.source != defaultSource { fields.append(("from", YAMLScalarText.string(param.source.planText, inFlow: inFlow))) }
        if let renamed = param.renamedFrom { fields.append(("renamed_from", YAMLScalarText.string(renamed.value, inFlow: inFlow))) }
        if let description = param.description { fields.append(("description", YAMLScalarText.string(description, inFlow: inFlow))) }
        return fields
    }

    func writeParam(_ param: Param, event: String?, comments: PlanComments, indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        if let event { out.comments(comments[.param(event: event, name: param.name)], indent: indent) }
        let key = pad + YAMLScalarText.string(param.name) + ":"
        let flow = key + " {" + Self.paramFields(param, inFlow: true).map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        if flow.count <= width + indent {
            out.line(flow)
            return
        }
        out.line(key)
        for (field, value) in Self.paramFields(param, inFlow: false) {
            if field == "description", let description = param.description {
                out.text("description", description, indent: indent + 2)
            } else {
                out.line(pad + "  \(field): \(value)")
            }
        }
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { YAMLScalarText.string($0, inFlow: true) }.joined(separator: ", ") + "]"
    }
}

/// The lines of a file being written.
struct Lines {
    var width: Int
    private(set) var lines: [String] = []

    var isEmpty: Bool { lines.isEmpty }
    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func line(_ text: String, trailing: [String] = []) {
        lines.append(trailing.isEmpty ? text : text + "  # " + trailing.joined(separator: " "))
    }

    mutating func append(_ other: Lines) { lines += other.lines }

    /// A blank line, unless the file is empty or already ends with one.
    mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    mutating func comments(_ comments: [String], indent: Int) {
        let pad = String(repeating: " ", count: indent)
        for comment in comments {
            let clean = comment.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
            lines.append(clean.isEmpty ? pad + "#" : pad + "# " + clean)
        }
    }

    /// `key: text`, folded into a `>-` block when it is long.
    mutating func text(_ key: String, _ text: String, indent: Int, trailing: [String] = []) {
        let pad = String(repeating: " ", count: indent)
        let keyText = YAMLScalarText.string(key)
        if trailing.isEmpty, let folded = YAMLScalarText.folded(text, width: width - indent - 2) {
            lines.append(pad + keyText + ": >-")
            for part in folded { lines.append(pad + "  " + part) }
            return
        }
        line(pad + keyText + ": " + YAMLScalarText.string(text), trailing: trailing)
    }
}
