import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Compiles a plan into a Google Tag Manager container export (exportFormatVersion 2).
///
/// The container holds a Constant variable with the measurement id, a Google tag on
/// Initialization – All Pages, and per event a GA4 event tag (`gaawe`) with its trigger;
/// parameters read Data Layer Variables (one per key path) or built-in variables. Ids are
/// assigned in a fixed order, so the same plan always gives the same bytes.
public struct GTMCompiler: Sendable {
    /// The placeholder used when the plan has no `ga4.measurement_id`.
    public static let placeholderMeasurementID = GA4Facts.placeholderMeasurementID
    /// The `exportTime` used when `SOURCE_DATE_EPOCH` is not set.
    public static let defaultExportTime = "2000-01-01 00:00:00"
    /// Built-in trigger id of Initialization – All Pages.
    public static let initializationAllPages = "2147479573"
    /// Built-in trigger ids that tags may fire on without a trigger entity.
    public static let builtInTriggerIDs: Set<String> = ["2147479553", "2147479572", "2147479573"]

    /// Names of the generated entities.
    public enum Names {
        public static let measurementIDVariable = "GA4 Measurement ID"
        public static let googleTag = "Google tag"
        public static let sharedFolder = "trackplan - Shared"
        public static let eventSettings = "GA4 Event Settings"
        public static func constant(_ value: String) -> String { "Const - \(value)" }
        public static func elementAttribute(_ name: String) -> String { "Attr - \(name)" }
        public static func queryParameter(_ key: String) -> String { "Query - \(key)" }
        public static func cookie(_ name: String) -> String { "Cookie - \(name)" }
        public static func tag(_ event: String) -> String { "GA4 event - \(event)" }
        public static func trigger(_ event: String) -> String { "Trigger - \(event)" }
        public static func dataLayerVariable(_ key: String) -> String { "DLV - \(key)" }
        public static func folder(_ stage: Stage) -> String { "Stage \(stage.index + 1) - \(stage.title)" }
        public static let noStageFolder = "No stage"
    }

    /// What compiling produced.
    public struct Output: Sendable {
        /// The container export.
        public var container: JSONValue
        /// Events left out because they are deprecated.
        public var deprecatedEvents: [String]
        /// Whether the measurement id is the placeholder.
        public var usesPlaceholderMeasurementID: Bool
        /// Counts for the summary line.
        public var tagCount: Int, triggerCount: Int, variableCount: Int, folderCount: Int

        /// The JSON text (pretty-printed, final newline).
        public var text: String { container.serialized() + "\n" }
    }

    /// The export time: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else the default.
    public var exportTime: String

    /// Creates a compiler; `environment` supplies `SOURCE_DATE_EPOCH`. An invalid value falls
    /// back to the default (commands refuse it first with ``exportTime(environment:)``).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        exportTime = (try? Self.exportTime(environment: environment)) ?? Self.defaultExportTime
    }

    /// The largest `SOURCE_DATE_EPOCH` accepted: 9999-12-31 23:59:59 UTC.
    public static let maxSourceDateEpoch = 253_402_300_799

    /// The export time for `environment`: `SOURCE_DATE_EPOCH` (whole seconds since 1970, UTC,
    /// up to year 9999) formatted as GTM writes it, or ``defaultExportTime`` when it is unset or
    /// empty.
    public static func exportTime(environment: [String: String]) throws(SourceDateEpochError) -> String {
        guard let raw = environment["SOURCE_DATE_EPOCH"] else { return defaultExportTime }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return defaultExportTime }  // set but empty, as CI templates often leave it: unset
        guard let epoch = Int(text), (0...maxSourceDateEpoch).contains(epoch) else {
            throw SourceDateEpochError(value: raw)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    /// What every entity of a container depends on, worked out before any tag or trigger is
    /// written: the folders and variables, and every id, assigned in a fixed order.
    struct Layout {
        var state = CompileState()
        var folders: [JSONValue] = []
        var variables: [JSONValue] = []
        var stageFolder: [String: String] = [:]
        var noStageFolder: String?
        var sharedFolder = ""
        var eventSettings: String?
        /// Per event, in order: its trigger's id and its tag's id.
        var eventIDs: [(trigger: String, tag: String)] = []
        var googleTagID = ""

        /// The counts for the summary line, without compiling: a tag and a trigger per event
        /// plus the Google tag, and the variables and folders laid out.
        var counts: (tags: Int, triggers: Int, variables: Int, folders: Int) {
            (eventIDs.count + 1, eventIDs.count, variables.count, folders.count)
        }
    }

    /// Compiles the plan whose measurement spec is `spec` into a container held in memory.
    public func compile(_ spec: MeasurementSpec) -> Output {
        var layout = self.layout(spec)
        let events = spec.events
        var tags: [JSONValue] = []
        var triggers: [JSONValue] = []
        for (index, event) in events.enumerated() {
            triggers.append(trigger(event, index, spec: spec, layout: &layout))
            tags.append(tag(event, index, layout: &layout))
        }
        tags.append(googleTag(layout))
        let builtins = builtinVariables(layout.state.builtins)
        let container: JSONValue = .object(head(spec) + [
            JSONMember("containerVersion", .object(versionHead(spec) + [
                JSONMember("tag", .array(tags)),
                JSONMember("trigger", .array(triggers)),
                JSONMember("variable", .array(layout.variables)),
                JSONMember("folder", .array(layout.folders)),
                JSONMember("builtInVariable", .array(builtins)),
                JSONMember("fingerprint", .string("0")),
            ])),
        ])
        return Output(container: container, deprecatedEvents: spec.deprecatedEvents,
                      usesPlaceholderMeasurementID: spec.measurementID == nil,
                      tagCount: tags.count, triggerCount: triggers.count, variableCount: layout.variables.count, folderCount: layout.folders.count)
    }

    /// Writes the container for `spec` into `stream`, one entity at a time (the same bytes as
    /// ``Output/text`` of ``compile(_:)``), shape-checking each entity as it is written; the
    /// problems found, empty when the container is importable.
    ///
    /// Tags come before triggers in the file, so events are gone through twice: once for the
    /// tags, once for the triggers. Only the layout (folders, variables, ids) is held.
    public func write(_ spec: MeasurementSpec, to stream: inout TextStream) -> [String] {
        write(spec, layout: layout(spec), to: &stream)
    }

    /// ``write(_:to:)`` with the layout already worked out (the generator needs its counts first).
    func write(_ spec: MeasurementSpec, layout: Layout, to stream: inout TextStream) -> [String] {
        var layout = layout
        let events = spec.events
        var checker = GTMShapeChecker()
        checker.triggerIDs = Set(layout.eventIDs.map(\.trigger))
        checker.folderIDs = Set(layout.folders.compactMap { GTMShapeChecker.string($0["folderId"]) })
        checker.variableNames = Set(layout.variables.compactMap { GTMShapeChecker.string($0["name"]) })
        var announced: Set<GTMBuiltin> = []
        func announceBuiltins() {
            // The set only grows: a new count means new built-ins.
            guard layout.state.builtins.count != announced.count else { return }
            for builtin in layout.state.builtins.subtracting(announced) { checker.variableNames.insert(builtin.name) }
            announced = layout.state.builtins
        }
        announceBuiltins()
        func emit(_ kind: GTMShapeChecker.Kind, _ item: JSONValue, into writer: inout JSONStreamWriter) {
            announceBuiltins()
            checker.declare(kind, item)
            checker.checkReferences(kind, item)
            writer.element(item, &stream)
        }

        var document = JSONStreamWriter.object(&stream)
        document.members(head(spec), &stream)
        var version = document.object("containerVersion", &stream)
        version.members(versionHead(spec), &stream)
        var tags = version.array("tag", &stream)
        for (index, event) in events.enumerated() {
            emit(.tag, tag(event, index, layout: &layout), into: &tags)
        }
        emit(.tag, googleTag(layout), into: &tags)
        tags.end(&stream)
        var triggers = version.array("trigger", &stream)
        for (index, event) in events.enumerated() {
            emit(.trigger, trigger(event, index, spec: spec, layout: &layout), into: &triggers)
        }
        triggers.end(&stream)
        var variables = version.array("variable", &stream)
        for variable in layout.variables { emit(.variable, variable, into: &variables) }
        variables.end(&stream)
        var folders = version.array("folder", &stream)
        for folder in layout.folders { emit(.folder, folder, into: &folders) }
        folders.end(&stream)
        version.member("builtInVariable", .array(builtinVariables(layout.state.builtins)), &stream)
        version.member("fingerprint", .string("0"), &stream)
        version.end(&stream)
        document.end(&stream)
        stream += "\n"

        // What references were checked against is what was written.
        if checker.declaredIDs[.trigger] ?? [] != checker.triggerIDs { checker.report("the triggers written are not the triggers the tags fire on") }
        if checker.declaredIDs[.folder] ?? [] != checker.folderIDs { checker.report("the folders written are not the folders entities are in") }
        return checker.problems
    }

    /// The container's top-level members before `containerVersion`.
    func head(_ spec: MeasurementSpec) -> [JSONMember] {
        [JSONMember("exportFormatVersion", .int(2)), JSONMember("exportTime", .string(exportTime))]
    }

    /// The members of `containerVersion` before its entities.
    func versionHead(_ spec: MeasurementSpec) -> [JSONMember] {
        [
            JSONMember("path", .string("accounts/0/containers/0/versions/0")),
            JSONMember("accountId", .string("0")),
            JSONMember("containerId", .string("0")),
            JSONMember("containerVersionId", .string("0")),
            JSONMember("name", .string("\(spec.planName) - trackplan")),
            JSONMember("description", .string("Generated by trackplan from the tracking plan `\(spec.planName)`. Import with Admin → Import Container → Merge → Overwrite conflicting tags, triggers and variables; importing again after a plan change updates only what changed.")),
            JSONMember("container", .object([
                JSONMember("path", .string("accounts/0/containers/0")),
                JSONMember("accountId", .string("0")),
                JSONMember("containerId", .string("0")),
                JSONMember("name", .string(spec.planName)),
                JSONMember("publicId", .string(spec.gtmPublicID ?? "GTM-XXXXXXX")),
                JSONMember("usageContext", .array([.string("WEB")])),
                JSONMember("fingerprint", .string("0")),
            ])),
        ]
    }

    /// The `builtInVariable` entries for the built-ins used, sorted.
    func builtinVariables(_ builtins: Set<GTMBuiltin>) -> [JSONValue] {
        builtins.sorted().map { builtin in
            .object([
                JSONMember("accountId", .string("0")), JSONMember("containerId", .string("0")),
                JSONMember("type", .string(builtin.type)), JSONMember("name", .string(builtin.name)),
            ])
        }
    }

    /// The folders, the variables and every id, in the order ids are assigned: folders,
    /// variables, then per event its trigger and its tag, then the Google tag.
    func layout(_ spec: MeasurementSpec) -> Layout {
        var layout = Layout()
        let events = spec.events
        // Folders: one per stage that has events, then one for events without a stage, then shared.
        for stage in spec.stages where events.contains(where: { $0.stage == stage.id }) {
            let id = layout.state.id(for: "folder:stage:\(stage.id)")
            layout.stageFolder[stage.id] = id
            layout.folders.append(entity("folderId", id, name: Names.folder(stage), notes: "Funnel stage `\(stage.id)`" + (stage.description.map { ": \($0)" } ?? ".") + Self.generated, extra: []))
        }
        if events.contains(where: { $0.stage == nil || layout.stageFolder[$0.stage ?? ""] == nil }) {
            let id = layout.state.id(for: "folder:no-stage")
            layout.noStageFolder = id
            layout.folders.append(entity("folderId", id, name: Names.noStageFolder, notes: "Events that name no funnel stage." + Self.generated, extra: []))
        }
        layout.sharedFolder = layout.state.id(for: "folder:shared")
        layout.folders.append(entity("folderId", layout.sharedFolder, name: Names.sharedFolder,
                              notes: "The Google tag and the variables shared by the plan's tags." + Self.generated, extra: []))

        // Variables: the measurement id, then one Data Layer Variable per key path (sorted).
        let measurementID = spec.measurementID ?? Self.placeholderMeasurementID
        layout.variables.append(entity("variableId", layout.state.id(for: "variable:measurement-id"), name: Names.measurementIDVariable,
                                notes: (spec.measurementID == nil
                                        ? "Placeholder: set ga4.measurement_id in the plan, or replace G-XXXXXXXXXX here with your web stream's id."
                                        : "The GA4 web stream's measurement id, from ga4.measurement_id.") + Self.generated,
                                type: "c", parameters: [GTMParameter.template("value", measurementID)], folder: layout.sharedFolder))
        for dataLayerKey in spec.dataLayerKeys {
            let key = dataLayerKey.key
            layout.variables.append(entity("variableId", layout.state.id(for: "variable:dlv:\(key)"), name: Names.dataLayerVariable(key),
                                    notes: "dataLayer key `\(key)`, read by " + (dataLayerKey.events.map { "`\($0)`" } + dataLayerKey.otherReaders).joined(separator: ", ") + "." + Self.generated,
                                    type: "v", parameters: [
                                        GTMParameter.integer("dataLayerVersion", 2),
                                        GTMParameter.boolean("setDefaultValue", false),
                                        GTMParameter.template("name", key),
                                    ], folder: layout.sharedFolder))
        }

        // Constants, element attributes, URL query parameters and cookies: one variable each.
        for (source, readers) in Self.sourceVariables(spec) {
            let name: String, type: String, parameters: [JSONValue], what: String
            switch source {
            case .constant(let value):
                (name, type, what) = (Names.constant(value.text), "c", "The constant `\(value.text)`")
                parameters = [GTMParameter.template("value", value.text)]
            case .elementAttribute(let attribute):
                (name, type, what) = (Names.elementAttribute(attribute), "aev", "The `\(attribute)` attribute of the clicked or visible element")
                parameters = [GTMParameter.boolean("setDefaultValue", false), GTMParameter.template("varType", "ATTRIBUTE"),
                              GTMParameter.template("attribute", attribute)]
            case .queryParameter(let key):
                (name, type, what) = (Names.queryParameter(key), "u", "The `\(key)` query parameter of the page URL")
                parameters = [GTMParameter.template("component", "QUERY"), GTMParameter.template("queryKey", key)]
            case .cookie(let cookie):
                (name, type, what) = (Names.cookie(cookie), "k", "The first-party cookie `\(cookie)`")
                parameters = [GTMParameter.boolean("decodeCookie", false), GTMParameter.template("name", cookie)]
            case .dataLayer, .builtin:
                continue
            }
            layout.variables.append(entity("variableId", layout.state.id(for: "variable:\(name)"), name: name,
                                    notes: what + ", read by " + readers.joined(separator: ", ") + "." + Self.generated,
                                    type: type, parameters: parameters, folder: layout.sharedFolder))
        }

        // The shared event settings: parameters sent with every event, and user properties.
        if !spec.sharedParams.isEmpty || !spec.userProperties.isEmpty {
            var parameters: [JSONValue] = []
            if !spec.sharedParams.isEmpty {
                parameters.append(GTMParameter.list("eventSettingsTable", spec.sharedParams.map { param in
                    GTMParameter.map([GTMParameter.template("parameter", param.name),
                                      GTMParameter.template("parameterValue", value(of: param.source, builtins: &layout.state.builtins))])
                }))
            }
            if !spec.userProperties.isEmpty {
                parameters.append(GTMParameter.list("userProperties", spec.userProperties.map { property in
                    GTMParameter.map([GTMParameter.template("name", property.name),
                                      GTMParameter.template("value", value(of: property.source, builtins: &layout.state.builtins))])
                }))
            }
            layout.variables.append(entity("variableId", layout.state.id(for: "variable:event-settings"), name: Names.eventSettings,
                                    notes: "Parameters sent with every event and the GA4 user properties, from shared_params and user_properties in the plan; the Google tag and every GA4 event tag use it." + Self.generated,
                                    type: "gtes", parameters: parameters, folder: layout.sharedFolder))
            layout.eventSettings = "{{\(Names.eventSettings)}}"
        }

        for event in events {
            layout.eventIDs.append((layout.state.id(for: "trigger:\(event.name)"), layout.state.id(for: "tag:\(event.name)")))
        }
        layout.googleTagID = layout.state.id(for: "tag:google-tag")
        return layout
    }

    /// The folder an event's entities go in.
    func folder(of event: EventSpec, _ layout: Layout) -> String {
        event.stage.flatMap { layout.stageFolder[$0] } ?? layout.noStageFolder ?? layout.sharedFolder
    }

    /// The trigger of the `index`th event.
    func trigger(_ event: EventSpec, _ index: Int, spec: MeasurementSpec, layout: inout Layout) -> JSONValue {
        let trigger = GTMTriggerBuilder.trigger(for: event, pageMatches: event.pageTypes.map(\.match), hostnames: spec.hostnames,
                                                builtins: &layout.state.builtins)
        return entity("triggerId", layout.eventIDs[index].trigger, name: Names.trigger(event.name), notes: notes(for: event),
                      type: trigger.type, fields: trigger.fields, folder: folder(of: event, layout))
    }

    /// The GA4 event tag of the `index`th event.
    func tag(_ event: EventSpec, _ index: Int, layout: inout Layout) -> JSONValue {
        var settings: [JSONValue] = []
        for param in event.params {
            let value = value(of: param.source, builtins: &layout.state.builtins)
            settings.append(GTMParameter.map([GTMParameter.template("parameter", param.name), GTMParameter.template("parameterValue", value)]))
        }
        var parameters = [
            GTMParameter.boolean("sendEcommerceData", false),
            GTMParameter.boolean("enhancedUserId", false),
            GTMParameter.template("eventName", event.name),
            GTMParameter.template("measurementIdOverride", "{{\(Names.measurementIDVariable)}}"),
        ]
        if !settings.isEmpty { parameters.append(GTMParameter.list("eventSettingsTable", settings)) }
        if let eventSettings = layout.eventSettings { parameters.append(GTMParameter.template("eventSettingsVariable", eventSettings)) }
        let ids = layout.eventIDs[index]
        return entity("tagId", ids.tag, name: Names.tag(event.name), notes: notes(for: event),
                      type: "gaawe", parameters: parameters, folder: folder(of: event, layout),
                      extra: Self.tagFields(firing: ids.trigger, consent: event.consent))
    }

    /// The Google tag, on Initialization – All Pages.
    func googleTag(_ layout: Layout) -> JSONValue {
        entity("tagId", layout.googleTagID, name: Names.googleTag,
               notes: "Loads the Google tag for the GA4 web stream on every page, before the event tags." + Self.generated,
               type: "googtag", parameters: [GTMParameter.template("tagId", "{{\(Names.measurementIDVariable)}}")]
                   + (layout.eventSettings.map { [GTMParameter.template("eventSettingsVariable", $0)] } ?? []),
               folder: layout.sharedFolder, extra: Self.tagFields(firing: Self.initializationAllPages))
    }

    static let generated = " (Generated by trackplan; edit the plan, not this entity.)"

    /// The GTM value for a parameter's source: `{{Click Text}}`, `{{DLV - key}}` or a constant.
    func value(of source: ValueSource, builtins: inout Set<GTMBuiltin>) -> String {
        switch source {
        case .builtin(let variable):
            let builtin = GTMBuiltin(variable)
            builtins.insert(builtin)
            return "{{\(builtin.name)}}"
        case .dataLayer(let key):
            return "{{\(Names.dataLayerVariable(key))}}"
        case .constant(let constant):
            return "{{\(Names.constant(constant.text))}}"
        case .elementAttribute(let name):
            return "{{\(Names.elementAttribute(name))}}"
        case .queryParameter(let key):
            return "{{\(Names.queryParameter(key))}}"
        case .cookie(let name):
            return "{{\(Names.cookie(name))}}"
        }
    }

    /// The GTM variables for the sources other than the data layer and built-ins, one per
    /// distinct source, in a fixed order (constants, attributes, query parameters, cookies),
    /// with the events and settings that read each.
    static func sourceVariables(_ spec: MeasurementSpec) -> [(source: ValueSource, readers: [String])] {
        var readers: [ValueSource: [String]] = [:]
        func note(_ source: ValueSource, _ reader: String) {
            switch source {
            case .dataLayer, .builtin: return
            default: if readers[source]?.last != reader { readers[source, default: []].append(reader) }
            }
        }
        for event in spec.events { for param in event.params { note(param.source, "`\(event.name)`") } }
        for param in spec.sharedParams { note(param.source, "the shared parameter `\(param.name)`") }
        for property in spec.userProperties { note(property.source, "the user property `\(property.name)`") }
        func order(_ source: ValueSource) -> (Int, String) {
            switch source {
            case .constant(let value): (0, value.text)
            case .elementAttribute(let name): (1, name)
            case .queryParameter(let key): (2, key)
            case .cookie(let name): (3, name)
            case .dataLayer(let key): (4, key)
            case .builtin(let variable): (5, variable.rawValue)
            }
        }
        return readers.keys.sorted { order($0) < order($1) }.map { ($0, readers[$0] ?? []) }
    }

    /// GTM's consent settings for a tag that requires `consent` (NOT_SET when it requires none).
    static func consentSettings(_ consent: [ConsentType]) -> JSONValue {
        guard !consent.isEmpty else { return .object([JSONMember("consentStatus", .string("NOT_SET"))]) }
        return .object([
            JSONMember("consentStatus", .string("NEEDED")),
            JSONMember("consentType", .object([
                JSONMember("type", .string("LIST")),
                JSONMember("list", .array(consent.map { .object([JSONMember("type", .string("TEMPLATE")), JSONMember("value", .string($0.rawValue))]) })),
            ])),
        ])
    }

    static func tagFields(firing triggerID: String, consent: [ConsentType] = []) -> [JSONMember] {
        [
            JSONMember("firingTriggerId", .array([.string(triggerID)])),
            JSONMember("tagFiringOption", .string("ONCE_PER_EVENT")),
            JSONMember("monitoringMetadata", .object([JSONMember("type", .string("MAP"))])),
            JSONMember("consentSettings", consentSettings(consent)),
        ]
    }

    func notes(for event: EventSpec) -> String {
        var text = "From events.\(event.name) in the plan: a \(event.kind == .macro ? "macro-conversion" : "micro-conversion")"
        if let stage = event.stage { text += " in stage `\(stage)`" }
        if let target = event.leadsTo { text += " leading to `\(target)`" }
        text += "."
        if let description = event.description { text += " " + description }
        return text + Self.generated
    }

    /// An entity with the common fields in GTM's order.
    func entity(_ idKey: String, _ id: String, name: String, notes: String, type: String? = nil,
                parameters: [JSONValue]? = nil, fields: [JSONMember] = [], folder: String? = nil,
                extra: [JSONMember] = []) -> JSONValue {
        var members = [
            JSONMember("accountId", .string("0")),
            JSONMember("containerId", .string("0")),
            JSONMember(idKey, .string(id)),
            JSONMember("name", .string(name)),
        ]
        if let type { members.append(JSONMember("type", .string(type))) }
        if let parameters { members.append(JSONMember("parameter", .array(parameters))) }
        members += fields
        members.append(JSONMember("fingerprint", .string("0")))
        if let folder { members.append(JSONMember("parentFolderId", .string(folder))) }
        members.append(JSONMember("notes", .string(notes)))
        members += extra
        return .object(members)
    }
}

/// Id assignment and the built-in variables used.
///
/// An entity's id is derived from what it is (`tag:add_to_cart`), not from its position, so
/// adding, removing or moving an event leaves every other entity's id as it was: a container
/// imported again over an earlier one changes only what the plan changed.
struct CompileState {
    var builtins: Set<GTMBuiltin> = []
    var used: Set<String> = []

    /// The id for the entity `key`: an FNV-1a hash of it, from 1 to 2,000,000,000 (below GTM's
    /// built-in trigger ids); on the rare collision, the key is hashed again with a suffix.
    mutating func id(for key: String) -> String {
        var attempt = 0
        while true {
            let id = String(Self.hash(attempt == 0 ? key : "\(key)#\(attempt)") % 2_000_000_000 + 1)
            if used.insert(id).inserted { return id }
            attempt += 1
        }
    }

    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
        return value
    }
}

/// `SOURCE_DATE_EPOCH` is set to something that is not a time trackplan can write.
public struct SourceDateEpochError: Error, Sendable, CustomStringConvertible {
    /// The value as set.
    public var value: String
    public var description: String {
        "SOURCE_DATE_EPOCH is `\(SafeText.escapingControls(value))`; it must be a whole number of seconds since 1970-01-01 UTC, from 0 to \(GTMCompiler.maxSourceDateEpoch) (unset it to use \(GTMCompiler.defaultExportTime))"
    }
}
