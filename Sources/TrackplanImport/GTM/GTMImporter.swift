import Foundation
import TrackplanCore
import TrackplanFormat

/// A GTM container export read back into a tracking plan.
///
/// Every GA4 event tag (`gaawe`) becomes an event: its name, its parameters with where their
/// values come from, its firing trigger as a plan trigger with page scope, its consent. The
/// Google tag gives the measurement id and the shared parameters. What has no place in a plan
/// (Custom HTML, Universal Analytics, paused tags, sequencing, blocking triggers, trigger groups,
/// variables as event names, regex custom-event triggers) is kept as a comment at its place and
/// a report line naming the entity and its id. Containers written by `trackplan build` come
/// back with their stages, kinds, `leads_to` and descriptions, read from the notes it writes.
public struct GTMImporter: Sendable {
    /// An importer.
    public init() {}

    /// Imports the container export `json`, read from `source`.
    public func importContainer(_ json: JSONValue, source: String) -> ImportResult {
        var run = GTMImportRun(container: GTMContainer(json), source: source)
        run.run()
        var result = ImportResult(plan: run.plan, comments: run.comments, report: run.report)
        ImportSanitizer.apply(&result)
        return result
    }
}

/// One import's state.
struct GTMImportRun {
    let container: GTMContainer
    let values: GTMValueImport
    var plan: Plan
    var comments = PlanComments()
    var report: ImportReport
    var triggersByID: [String: GTMEntity] = [:]
    var usedTriggers: Set<String> = []
    var usedVariables: Set<String> = []
    var pageTypeIDs: [PageMatch: String] = [:]
    var hostnameSets: [[String]?] = []
    var eventHostnames: [String: [String]] = [:]
    var decided: Set<String> = []
    var consentByEvent: [String: [ConsentType]] = [:]
    var sharedSettingsVariable: String?

    init(container: GTMContainer, source: String) {
        self.container = container
        values = GTMValueImport(container)
        plan = Plan(name: container.name, stages: [])
        report = ImportReport(source: source, format: .gtm)
        for trigger in container.triggers where triggersByID[trigger.id] == nil { triggersByID[trigger.id] = trigger }
    }

    mutating func run() {
        if let id = container.publicID, id != "GTM-XXXXXXX", id.range(of: "^GTM-[A-Z0-9]{4,}$", options: .regularExpression) != nil {
            plan.gtmPublicID = Located(id)
        }
        comments.add("Imported from the GTM container `\(container.name)`\(container.publicID.map { " (\($0))" } ?? "") by `trackplan import`.", at: .header)
        readStages()
        readGoogleTags()
        for tag in container.tags where tag.type != "googtag" && tag.type != "gaawc" {
            if tag.type == "gaawe" { importEventTag(tag) } else { notImported(tag, reason: Self.reason(for: tag, templates: container.customTemplates)) }
        }
        finishConsent()
        finishHostnames()
        if plan.stages.isEmpty {
            plan.stages = Proposals.stages
            comments.add("Proposed stages: GTM has no funnel. Assign each event's `stage`, or change these.", at: .section("stages"))
            for stage in plan.stages { report.add(.init(.proposed, "stage", name: stage.id, note: "a standard funnel stage; GTM has none")) }
        }
        Proposals.apply(to: &plan, comments: &comments, report: &report, decided: decided)
        accountForTriggersAndVariables()
        comments.add("Review what was proposed (`# proposed:`) and what was not imported, then run `trackplan lint` on this plan.", at: .header)
    }

    // MARK: - Stages from trackplan's folders

    /// Stages from the folders `trackplan build` writes (`Stage 2 - Evaluate`, notes "Funnel stage `consideration`: …").
    mutating func readStages() {
        var found: [(Int, Stage)] = []
        for folder in container.folders {
            guard let notes = folder.notes, notes.hasPrefix("Funnel stage `"), notes.hasSuffix(Self.generatedSuffix),
                  folder.name.hasPrefix("Stage "), let dash = folder.name.range(of: " - ") else { continue }
            let number = Int(folder.name[folder.name.index(folder.name.startIndex, offsetBy: 6)..<dash.lowerBound]) ?? 0
            let title = String(folder.name[dash.upperBound...])
            let rest = notes.dropFirst("Funnel stage `".count).dropLast(Self.generatedSuffix.count)
            guard let tick = rest.firstIndex(of: "`") else { continue }
            let id = String(rest[..<tick])
            let tail = rest[rest.index(after: tick)...]
            let description: String? = tail.hasPrefix(": ") ? String(tail.dropFirst(2)) : nil
            found.append((number, Stage(id: id, name: title == id ? nil : title, description: description, index: 0)))
            report.add(.init(.imported, "folder", name: folder.name, id: folder.id, note: "the funnel stage `\(id)`"))
        }
        plan.stages = found.sorted { $0.0 < $1.0 }.enumerated().map { i, pair in
            var stage = pair.1
            stage.index = i
            return stage
        }
    }

    static let generatedSuffix = " (Generated by trackplan; edit the plan, not this entity.)"

    // MARK: - Google tag, configuration tags, shared settings

    mutating func readGoogleTags() {
        for tag in container.tags where tag.type == "googtag" || tag.type == "gaawc" {
            let raw = tag.parameters.value(tag.type == "googtag" ? "tagId" : "measurementId") ?? ""
            let id = resolveText(raw)
            var notes: [String] = []
            if id == GA4Facts.placeholderMeasurementID {
                notes.append("its measurement id is the placeholder `\(GA4Facts.placeholderMeasurementID)`")
            } else if let id, id.range(of: "^G-[A-Z0-9]{4,}$", options: .regularExpression) != nil {
                if plan.measurementID == nil {
                    plan.measurementID = Located(id)
                    notes.append("its measurement id `\(id)` is the plan's `ga4.measurement_id`")
                } else if plan.measurementID?.value != id {
                    notes.append("its measurement id `\(id)` differs from the plan's `\(plan.measurementID?.value ?? "")`, which was kept")
                }
            } else if !raw.isEmpty {
                notes.append("its id `\(raw)` is not a GA4 measurement id (`G-…`)")
            }
            if let settings = tag.parameters.value("eventSettingsVariable"), let name = GTMContainer.reference(settings),
               let variable = values.variables[name], variable.type == "gtes" {
                if sharedSettingsVariable == nil {
                    sharedSettingsVariable = name
                    usedVariables.insert(name)
                    readSharedSettings(variable)
                    notes.append("its event settings \(variable.label) are the plan's `shared_params` and `user_properties`")
                }
            }
            for row in tag.parameters.named("configSettingsTable")?.list ?? [] {
                let key = row.member("parameter")?.value ?? ""
                notes.append("the configuration setting `\(key)` is not part of a plan")
            }
            if tag.json["paused"]?.text == "true" { notes.append("it is paused") }
            let kind = tag.type == "googtag" ? "Google tag" : "GA4 configuration tag (legacy)"
            report.add(.init(notes.contains(where: { $0.hasPrefix("its measurement id") || $0.hasPrefix("its event settings") || $0.hasPrefix("its id") }) ? .imported : .notImported,
                             "tag", type: tag.type, name: tag.name, id: tag.id,
                             note: "\(kind): " + (notes.isEmpty ? "nothing a plan holds" : notes.joined(separator: "; "))))
            markTriggers(tag)
        }
    }

    mutating func readSharedSettings(_ variable: GTMEntity) {
        for row in variable.parameters.named("eventSettingsTable")?.list ?? [] {
            guard let name = row.member("parameter")?.value, !name.isEmpty else { continue }
            plan.sharedParams.append(param(name, value: row.member("parameterValue")?.value ?? "", event: nil))
        }
        for row in variable.parameters.named("userProperties")?.list ?? [] {
            guard let name = row.member("name")?.value, !name.isEmpty else { continue }
            plan.userProperties.append(param(name, value: row.member("value")?.value ?? "", event: nil))
        }
    }

    /// The text a value holds, following constant variables: `{{GA4 ID}}` → `G-ABC`.
    mutating func resolveText(_ text: String, depth: Int = 0) -> String? {
        guard text.contains("{{") else { return text.isEmpty ? nil : text }
        guard depth < 5, let name = GTMContainer.reference(text), let variable = values.variables[name], variable.type == "c" else { return nil }
        usedVariables.insert(name)
        return resolveText(variable.parameters.value("value") ?? "", depth: depth + 1)
    }

    // MARK: - GA4 event tags

    mutating func importEventTag(_ tag: GTMEntity) {
        let rawName = tag.parameters.value("eventName") ?? ""
        if tag.json["paused"]?.text == "true" {
            notImported(tag, reason: "the tag is paused")
            return
        }
        guard !rawName.isEmpty else {
            notImported(tag, reason: "it has no event name")
            return
        }
        markTriggers(tag)
        guard !rawName.contains("{{") else {
            if let names = expandedEventNames(tag, rawName: rawName) {
                var partial = ["its event name is `\(rawName)`: imported as the \(names.count) event(s) its trigger names (" + names.map { "`\($0)`" }.joined(separator: ", ") + ")"]
                for name in names { partial += addEvent(from: tag, name: name, trigger: .custom(event: name)) }
                report.add(.init(.partial, "tag", type: tag.type, name: tag.name, id: tag.id, note: partial.joined(separator: "; ")))
            } else if let videos = videoStatusEvents(tag, rawName: rawName) {
                var partial = ["its event name is `\(rawName)`: imported as one event per video status its trigger captures (" + videos.map { "`\($0.name)`" }.joined(separator: ", ") + ")"]
                for video in videos { partial += addEvent(from: tag, name: video.name, trigger: video.trigger) }
                report.add(.init(.partial, "tag", type: tag.type, name: tag.name, id: tag.id, note: partial.joined(separator: "; ")))
            } else {
                notImported(tag, reason: "its event name is the variable `\(rawName)`, so the events it sends are known only at run time; add them to the plan by name")
            }
            return
        }
        var name = rawName
        var partial: [String] = []
        if !GA4Names.isValid(rawName) {
            var names = GA4Names()
            name = names.name(for: rawName).name
            partial.append("its event name `\(rawName)` is not one GA4 accepts; imported as `\(name)`")
        }
        partial += addEvent(from: tag, name: name, trigger: nil)
        report.add(.init(partial.isEmpty ? .imported : .partial, "tag", type: tag.type, name: tag.name, id: tag.id,
                         note: "the event `\(name)`" + (partial.isEmpty ? "" : "; " + partial.joined(separator: "; "))))
    }

    /// The events a tag named like `video_{{Video Status}}` sends on YouTube triggers: one per
    /// status the triggers capture (GTM's Video Status is `start`, `progress`, `complete`), each
    /// with a `video` trigger for that status alone. Nil for any other name or trigger.
    func videoStatusEvents(_ tag: GTMEntity, rawName: String) -> [(name: String, trigger: Trigger)]? {
        guard let range = rawName.range(of: "{{Video Status}}"),
              !rawName[range.upperBound...].contains("{{"), !rawName[..<range.lowerBound].contains("{{") else { return nil }
        let prefix = String(rawName[..<range.lowerBound]), suffix = String(rawName[range.upperBound...])
        var start = false, complete = false
        var percents: [Int] = []
        let firing = tag.json["firingTriggerId"]?.items.compactMap(\.text) ?? []
        guard !firing.isEmpty else { return nil }
        for id in firing {
            guard let trigger = triggersByID[id], trigger.type == "YOU_TUBE_VIDEO",
                  case .video(let p, let s, let c)? = GTMTriggerImport.read(trigger, eventName: "").trigger else { return nil }
            start = start || s
            complete = complete || c
            for percent in p where !percents.contains(percent) { percents.append(percent) }
        }
        var events: [(String, Trigger)] = []
        if start { events.append((prefix + "start" + suffix, .video(percents: [], start: true, complete: false))) }
        if !percents.isEmpty { events.append((prefix + "progress" + suffix, .video(percents: percents.sorted(), start: false, complete: false))) }
        if complete { events.append((prefix + "complete" + suffix, .video(percents: [], start: false, complete: true))) }
        guard !events.isEmpty, events.allSatisfy({ GA4Names.isValid($0.0) }) else { return nil }
        return events
    }

    /// The event names a tag whose name is `{{Event}}` sends: the dataLayer events its custom
    /// event triggers match (one name, or a regex that lists names: `^(add_to_cart|purchase)$`).
    func expandedEventNames(_ tag: GTMEntity, rawName: String) -> [String]? {
        guard let variable = GTMContainer.reference(rawName), variable == "Event" || variable == "_event"
                || (values.variables[variable]?.type == "v" && values.variables[variable]?.parameters.value("name") == "event") else { return nil }
        var names: [String] = []
        for id in tag.json["firingTriggerId"]?.items.compactMap(\.text) ?? [] {
            guard let trigger = triggersByID[id], trigger.type == "CUSTOM_EVENT" else { return nil }
            let conditions = GTMTriggerImport.conditions(trigger.json["customEventFilter"])
            guard conditions.count == 1, let condition = conditions.first, condition.variable == "_event", !condition.negate else { return nil }
            switch condition.op {
            case "EQUALS": names.append(condition.value)
            case "MATCH_REGEX":
                guard let listed = GTMTriggerImport.literalAlternatives(condition.value) else { return nil }
                names += listed
            default: return nil
            }
        }
        var unique: [String] = []
        for name in names where GA4Names.isValid(name) && !unique.contains(name) { unique.append(name) }
        return unique.isEmpty || unique.count != Set(names).count ? nil : unique
    }

    /// Adds (or extends) the event `name` from `tag`; returns what could not be carried.
    /// `trigger`, when given, replaces what the tag's firing trigger says (an `{{Event}}` tag's
    /// events fire on their own dataLayer events; a Video Status tag's on one status each).
    mutating func addEvent(from tag: GTMEntity, name: String, trigger override: Trigger?) -> [String] {
        let pushedEvent = override != nil
        var partial: [String] = []
        let existing = plan.events.firstIndex { $0.name == name }
        var event = existing.map { plan.events[$0] } ?? Event(name: name)
        if existing != nil {
            partial.append("a second tag for `\(name)`: its parameters were added to the event, its trigger is in a comment")
        } else {
            readNotes(tag, into: &event)
            if !decided.contains(name) { comments.add("From the GTM tag \(tag.label).", at: .event(name)) }
        }

        // Parameters.
        var rows: [(String, String)] = []
        for row in tag.parameters.named("eventSettingsTable")?.list ?? [] {
            if let key = row.member("parameter")?.value, !key.isEmpty { rows.append((key, row.member("parameterValue")?.value ?? "")) }
        }
        for row in tag.parameters.named("eventParameters")?.list ?? [] {
            if let key = row.member("name")?.value, !key.isEmpty { rows.append((key, row.member("value")?.value ?? "")) }
        }
        if let settings = tag.parameters.value("eventSettingsVariable"), let variableName = GTMContainer.reference(settings),
           variableName != sharedSettingsVariable {
            if let variable = values.variables[variableName], variable.type == "gtes" {
                usedVariables.insert(variableName)
                for row in variable.parameters.named("eventSettingsTable")?.list ?? [] {
                    if let key = row.member("parameter")?.value, !key.isEmpty { rows.append((key, row.member("parameterValue")?.value ?? "")) }
                }
            } else {
                partial.append("its event settings `\(settings)` are not an Event Settings variable of the container")
            }
        }
        var seen = Set(event.params.map(\.name))
        for (key, value) in rows {
            guard seen.insert(key).inserted else {
                partial.append("the parameter `\(key)` is set twice; the first is kept")
                continue
            }
            event.params.append(param(key, value: value, event: name))
        }
        if tag.parameters.flag("sendEcommerceData") == true, !event.params.contains(where: { $0.name == "items" }) {
            event.params.append(Param(name: "items", type: .items, source: .dataLayer("ecommerce.items")))
            comments.add("From the tag's \"Send Ecommerce data\": GTM sends the latest `ecommerce` object's items.", at: .param(event: name, name: "items"))
        }
        for row in tag.parameters.named("userProperties")?.list ?? [] {
            guard let key = row.member("name")?.value, !key.isEmpty, !plan.userProperties.contains(where: { $0.name == key }) else { continue }
            plan.userProperties.append(param(key, value: row.member("value")?.value ?? "", event: nil))
            partial.append("its user property `\(key)` became a plan-wide user property")
        }

        // Trigger.
        let firing = tag.json["firingTriggerId"]?.items.compactMap(\.text) ?? []
        if existing == nil {
            if let first = firing.first {
                var imported = trigger(first, eventName: name)
                if let override { imported.trigger = override; imported.problem = nil }
                apply(imported, to: &event, triggerLabel: triggerLabel(first), partial: &partial)
            } else {
                comments.add("not mapped: the tag has no firing trigger in GTM; the plan assumes a dataLayer event `\(name)`", at: .eventKey(event: name, key: "trigger"))
                partial.append("it has no firing trigger")
            }
        }
        for extra in firing.dropFirst(existing == nil && !pushedEvent ? 1 : 0) where !pushedEvent {
            comments.add("GTM also fires it on \(triggerLabel(extra)); a plan event has one trigger.", at: .event(name))
            partial.append("it also fires on \(triggerLabel(extra))")
        }
        for blocking in tag.json["blockingTriggerId"]?.items.compactMap(\.text) ?? [] {
            usedTriggers.insert(blocking)
            comments.add("GTM blocks it when \(triggerLabel(blocking)) fires (an exception), which a plan cannot say.", at: .event(name))
            partial.append("the exception \(triggerLabel(blocking)) is not carried")
        }
        for key in ["setupTag", "teardownTag"] {
            for entry in tag.json[key]?.items ?? [] {
                let other = entry["tagName"]?.text ?? "?"
                comments.add("GTM fires the tag `\(other)` \(key == "setupTag" ? "before" : "after") it (tag sequencing), which a plan cannot say.", at: .event(name))
                partial.append("tag sequencing with `\(other)` is not carried")
            }
        }
        if let option = tag.json["tagFiringOption"]?.text, option != "ONCE_PER_EVENT", option != "oncePerEvent" {
            partial.append("its firing option `\(option)` is not carried")
        }
        if let notes = tag.notes, !notes.isEmpty, !notes.hasSuffix(Self.generatedSuffix) {
            comments.add("GTM notes: " + notes.replacingOccurrences(of: "\n", with: " "), at: .event(name))
        }
        consentByEvent[name, default: []] += consent(of: tag)

        if let existing { plan.events[existing] = event } else { plan.events.append(event) }
        return partial
    }

    /// Kind, stage, `leads_to` and description from the notes `trackplan build` writes on a tag.
    mutating func readNotes(_ tag: GTMEntity, into event: inout Event) {
        guard let notes = tag.notes, notes.hasSuffix(Self.generatedSuffix) else { return }
        let prefix = "From events.\(event.name) in the plan: a "
        guard notes.hasPrefix(prefix) else { return }
        var rest = Substring(notes.dropFirst(prefix.count).dropLast(Self.generatedSuffix.count))
        if rest.hasPrefix("macro-conversion") {
            event.kind = .macro
            event.keyEvent = true
            rest = rest.dropFirst("macro-conversion".count)
        } else if rest.hasPrefix("micro-conversion") {
            rest = rest.dropFirst("micro-conversion".count)
        } else {
            return
        }
        func quoted(after marker: String) -> String? {
            guard rest.hasPrefix(marker) else { return nil }
            let body = rest.dropFirst(marker.count)
            guard let end = body.firstIndex(of: "`") else { return nil }
            rest = body[body.index(after: end)...]
            return String(body[..<end])
        }
        if let stage = quoted(after: " in stage `") { event.stage = Located(stage) }
        if let target = quoted(after: " leading to `") { event.leadsTo = Located(target) }
        guard rest.hasPrefix(".") else { return }
        rest = rest.dropFirst()
        if rest.hasPrefix(" ") { event.description = String(rest.dropFirst()) }
        decided.insert(event.name)
    }

    mutating func apply(_ imported: ImportedTrigger, to event: inout Event, triggerLabel: String, partial: inout [String]) {
        let name = event.name
        if let trigger = imported.trigger {
            event.trigger = Located(trigger)
            event.hasExplicitTrigger = true
        } else {
            comments.add("not mapped: GTM fires it on \(triggerLabel): \(imported.problem ?? "no plan equivalent"); the plan assumes a dataLayer event `\(name)`",
                         at: .eventKey(event: name, key: "trigger"))
            partial.append("\(triggerLabel) is not mapped: \(imported.problem ?? "")")
        }
        if !imported.pageMatches.isEmpty {
            event.pages = imported.pageMatches.map { Located(pageTypeID(for: $0)) }
        }
        hostnameSets.append(imported.hostnames)
        if let hosts = imported.hostnames { eventHostnames[name] = hosts }
        if !imported.leftovers.isEmpty {
            comments.add("Not carried from \(triggerLabel): " + imported.leftovers.joined(separator: "; ") + ".", at: .event(name))
            partial.append("not carried from its trigger: " + imported.leftovers.joined(separator: "; "))
        }
    }

    /// The trigger with id `id` (a trigger entity or a built-in one) in plan terms.
    mutating func trigger(_ id: String, eventName: String) -> ImportedTrigger {
        if let builtIn = GTMTriggerImport.builtIn(id) { return builtIn }
        guard let trigger = triggersByID[id] else {
            return ImportedTrigger(problem: "the trigger id \(id) is not in the container")
        }
        return GTMTriggerImport.read(trigger, eventName: eventName)
    }

    func triggerLabel(_ id: String) -> String {
        switch id {
        case GTMTriggerImport.allPages: return "the built-in trigger All Pages"
        case GTMTriggerImport.initialization: return "the built-in trigger Initialization – All Pages"
        case GTMTriggerImport.consentInitialization: return "the built-in trigger Consent Initialization – All Pages"
        default: return triggersByID[id].map { "the trigger `\($0.name)` (id \($0.id), \($0.type))" } ?? "the trigger id \(id)"
        }
    }

    mutating func markTriggers(_ tag: GTMEntity) {
        for key in ["firingTriggerId", "blockingTriggerId"] {
            for id in tag.json[key]?.items.compactMap(\.text) ?? [] { usedTriggers.insert(id) }
        }
    }

    /// The page type for `match`, created on first use with an id from its path.
    mutating func pageTypeID(for match: PageMatch) -> String {
        if let id = pageTypeIDs[match] { return id }
        var base = Self.pageTypeName(match.pattern)
        if base.isEmpty { base = "page" }
        var id = base
        var n = 2
        while plan.pageTypes.contains(where: { $0.id == id }) { id = "\(base)_\(n)"; n += 1 }
        plan.pageTypes.append(PageType(id: id, match: Located(match)))
        pageTypeIDs[match] = id
        report.add(.init(.imported, "page condition", name: "\(match.key): \(match.pattern)", note: "the page type `\(id)`, named from its path: rename it"))
        return id
    }

    /// `home` for `/`, `products` for `^/products/[^/]+$`, `checkout_thank_you` for `/checkout/thank-you`.
    static func pageTypeName(_ pattern: String) -> String {
        let words = pattern.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { $0.lowercased() }
        if words.isEmpty { return pattern.contains("/") ? "home" : "page" }
        let name = words.prefix(4).joined(separator: "_")
        return name.first?.isNumber == true ? "page_" + name : name
    }

    // MARK: - Parameters

    mutating func param(_ name: String, value: String, event: String?) -> Param {
        let imported = values.read(value)
        for variable in imported.variables { usedVariables.insert(variable) }
        var param = Param(name: name, type: Self.type(for: name, imported: imported), source: imported.source)
        if param.type == .items, imported.source == nil || imported.source == .dataLayer("ecommerce.items") {
            param.source = .dataLayer("ecommerce.items")
        }
        if imported.source == nil { param.source = param.type == .items ? .dataLayer("ecommerce.items") : .dataLayer(name) }
        param.hasExplicitSource = imported.source != nil
        if let outputs = imported.values, param.type != .items { param.values = outputs.map { Located($0) } }
        if let note = imported.note {
            if let event {
                comments.add(note + ".", at: .param(event: event, name: name))
            }
            report.add(.init(.partial, "parameter", name: event.map { "\($0).\(name)" } ?? name, note: note))
        }
        return param
    }

    /// The type a parameter most likely has: `items` for GA4's item arrays, `number` for GA4's
    /// numeric parameters, otherwise `string` (GTM does not say).
    static func type(for name: String, imported: ImportedValue) -> ParamType {
        if name == "items" { return .items }
        if numericParams.contains(name) { return .number }
        return .string
    }

    static let numericParams: Set<String> = ["value", "price", "quantity", "tax", "shipping", "discount", "index", "level", "score",
                                             "percent_scrolled", "video_percent", "video_current_time", "video_duration", "engagement_time_msec"]

    // MARK: - Consent and hostnames

    func consent(of tag: GTMEntity) -> [ConsentType] {
        guard let settings = tag.json["consentSettings"], GTMContainer.upperSnake(settings["consentStatus"]?.text ?? "") == "NEEDED" else { return [] }
        return settings["consentType"]?["list"]?.items.compactMap { $0["value"]?.text.flatMap(ConsentType.init(rawValue:)) } ?? []
    }

    /// Consent every event's tag needs becomes the plan's `consent.required`; the rest stays per event.
    mutating func finishConsent() {
        let imported = plan.events.map(\.name)
        guard !imported.isEmpty else { return }
        let sets = imported.map { consentByEvent[$0] ?? [] }
        let common = (sets.first ?? []).filter { type in sets.allSatisfy { $0.contains(type) } }
        plan.consent.required = common.map { Located($0) }
        for i in plan.events.indices {
            plan.events[i].consent = (consentByEvent[plan.events[i].name] ?? []).filter { !common.contains($0) }.map { Located($0) }
        }
    }

    /// Hostnames every imported trigger is limited to become the plan's `hostnames`; otherwise
    /// each event's hostname condition is noted on it.
    mutating func finishHostnames() {
        guard let first = hostnameSets.first, let hosts = first, hostnameSets.allSatisfy({ $0 == first }) else {
            for (event, hosts) in eventHostnames.sorted(by: { $0.key < $1.key }) {
                comments.add("GTM fires it only on " + hosts.map { "`\($0)`" }.joined(separator: ", ") + "; the plan's `hostnames` apply to every event.", at: .event(event))
            }
            return
        }
        plan.hostnames = hosts.map { Located($0) }
    }

    // MARK: - What was not imported

    mutating func notImported(_ tag: GTMEntity, reason: String) {
        report.add(.init(.notImported, "tag", type: tag.type, name: tag.name, id: tag.id, note: reason))
        comments.add("Not imported: tag \(tag.label), \(Self.tagTypeName(tag.type, templates: container.customTemplates)): \(reason).", at: .eventsEnd)
    }

    static func reason(for tag: GTMEntity, templates: [String: String]) -> String {
        switch tag.type {
        case "html": "a Custom HTML tag runs its own code; if it pushes dataLayer events or sends hits, add those events to the plan"
        case "ua": "Universal Analytics stopped processing data in July 2023; plan its events as GA4 events"
        case "img": "a Custom Image tag sends its own pixel, not a GA4 event"
        case "awct": "a Google Ads conversion tag: plan the conversion as a GA4 key event and import it into Google Ads"
        case "gclidw": "the Conversion Linker stores ad click ids; it sends no event"
        case "sp": "Google Ads remarketing sends no GA4 event"
        case "awud": "Google Ads user-provided data: not a GA4 event"
        case "awcc": "Google Ads call conversion: not a GA4 event"
        case "flc", "fls": "a Floodlight tag (Campaign Manager 360): not a GA4 event"
        case "opt": "Google Optimize was shut down in September 2023"
        default:
            tag.type.hasPrefix("cvt_")
                ? "a tag from the custom template `\(templates[tag.type] ?? tag.type)`: what it sends is in its code"
                : "a `\(tag.type)` tag is not a GA4 event tag"
        }
    }

    static func tagTypeName(_ type: String, templates: [String: String]) -> String {
        switch type {
        case "html": "Custom HTML"
        case "ua": "Universal Analytics"
        case "img": "Custom Image"
        case "awct": "Google Ads Conversion Tracking"
        case "gclidw": "Conversion Linker"
        case "sp": "Google Ads Remarketing"
        case "gaawe": "GA4 event"
        default: type.hasPrefix("cvt_") ? "custom template `\(templates[type] ?? type)`" : "`\(type)`"
        }
    }

    /// Every trigger and variable gets a report line: used by an imported tag, or not.
    mutating func accountForTriggersAndVariables() {
        for trigger in container.triggers {
            report.add(usedTriggers.contains(trigger.id)
                       ? .init(.imported, "trigger", type: trigger.type, name: trigger.name, id: trigger.id, note: "read with the tags that fire on it")
                       : .init(.notImported, "trigger", type: trigger.type, name: trigger.name, id: trigger.id, note: "no imported tag fires on it"))
        }
        for variable in container.variables {
            report.add(usedVariables.contains(variable.name)
                       ? .init(.imported, "variable", type: variable.type, name: variable.name, id: variable.id, note: "read as a parameter's source")
                       : .init(.notImported, "variable", type: variable.type, name: variable.name, id: variable.id, note: "no imported parameter reads it"))
        }
    }
}
