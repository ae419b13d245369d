import Foundation
import TrackplanCore
import TrackplanFormat

/// The last step of every import: whatever the source held, the plan must load. Values the
/// loader would refuse (empty names, references to nothing, duplicate keys, host names that are
/// not host names, numbers out of range, control characters) are dropped or replaced here, each
/// with a comment at its place and a report line, so a strange source gives a plan with notes
/// instead of a plan that does not load.
enum ImportSanitizer {
    static let hostnamePattern = "^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"

    static func apply(_ result: inout ImportResult) {
        var plan = result.plan
        var comments = result.comments
        var report = result.report
        func drop(_ what: String, _ name: String, _ why: String, at anchor: PlanComments.Anchor? = nil) {
            report.add(.init(.notImported, what, name: name, note: why))
            if let anchor { comments.add("Not imported: \(why).", at: anchor) }
        }

        plan.name = clean(plan.name)
        if isBlank(plan.name) { plan.name = "Imported plan" }
        plan.description = plan.description.map(clean)
        var hosts: [Located<String>] = []
        for host in plan.hostnames {
            let lowered = host.value.lowercased()
            if lowered.range(of: hostnamePattern, options: .regularExpression) == nil {
                drop("hostname", host.value, "`\(clean(host.value))` is not a host name")
            } else if !hosts.contains(where: { $0.value == lowered }) {
                hosts.append(Located(lowered))
            }
        }
        plan.hostnames = hosts

        // Stages: unique, non-empty ids.
        var stageIDs: [String] = []
        plan.stages = plan.stages.compactMap { stage in
            var stage = stage
            stage.id = clean(stage.id)
            stage.name = stage.name.map(clean)
            stage.description = stage.description.map(clean)
            guard !isBlank(stage.id), !stageIDs.contains(stage.id) else { return nil }
            stageIDs.append(stage.id)
            return stage
        }
        for i in plan.stages.indices { plan.stages[i].index = i }
        if plan.stages.isEmpty { plan.stages = Proposals.stages; stageIDs = plan.stages.map(\.id) }

        // Page types: matches the loader accepts.
        var pageIDs: Set<String> = []
        plan.pageTypes = plan.pageTypes.filter { pageType in
            let pattern = pageType.match.value.pattern
            var valid = !isBlank(pattern) && !hasControl(pattern) && !isBlank(pageType.id) && !pageIDs.contains(pageType.id)
            if valid, case .pathRegex = pageType.match.value, (try? NSRegularExpression(pattern: pattern)) == nil { valid = false }
            if valid { pageIDs.insert(pageType.id) } else {
                drop("page condition", pageType.id, "the page condition `\(pageType.match.value.key): \(clean(pattern))` is empty or not valid")
            }
            return valid
        }

        let names = Set(plan.events.map(\.name))
        let macros = Set(plan.events.filter { $0.kind == .macro }.map(\.name))
        plan.sharedParams = params(plan.sharedParams, owner: "shared_params", event: nil, drop: drop)
        plan.userProperties = params(plan.userProperties, owner: "user_properties", event: nil, drop: drop)
        for i in plan.events.indices {
            var event = plan.events[i]
            let name = event.name
            let anchor = PlanComments.Anchor.event(name)
            event.description = event.description.map(clean)
            event.owner = event.owner.map(clean)
            if let stage = event.stage, !stageIDs.contains(stage.value) {
                event.stage = nil
                drop("stage", "\(name).stage", "its stage `\(clean(stage.value))` is not one of the plan's stages", at: anchor)
            }
            if let pages = event.pages {
                let kept = pages.filter { pageIDs.contains($0.value) }
                if kept.count != pages.count {
                    drop("page condition", "\(name).pages", "a page condition that could not be read; the event fires on the remaining pages", at: anchor)
                }
                event.pages = kept.isEmpty ? nil : kept
            }
            if let target = event.leadsTo, event.kind == .macro || !macros.contains(target.value) || !names.contains(target.value) {
                event.leadsTo = nil
                drop("leads_to", "\(name).leads_to", "`leads_to: \(clean(target.value))` names no macro-conversion of the plan", at: anchor)
            }
            if !isValid(event.trigger.value) {
                event.trigger = Located(.custom(event: name))
                drop("trigger", "\(name).trigger", "its trigger has an empty selector, URL, form id or event name", at: .eventKey(event: name, key: "trigger"))
            }
            event.params = params(event.params, owner: name, event: name, drop: drop)
            plan.events[i] = event
        }
        result.plan = plan
        result.comments = comments
        result.report = report
    }

    /// Parameters with names the loader accepts, each once, and values it accepts.
    static func params(_ params: [Param], owner: String, event: String?, drop: (String, String, String, PlanComments.Anchor?) -> Void) -> [Param] {
        var seen: Set<String> = []
        var result: [Param] = []
        for var param in params {
            let original = param.name
            param.name = clean(param.name)
            let label = "\(owner).\(clean(original))"
            guard !isBlank(param.name), seen.insert(param.name).inserted else {
                drop("parameter", label, isBlank(param.name) ? "a parameter without a name" : "`\(param.name)` is listed twice; the first is kept",
                     event.map { .event($0) })
                continue
            }
            let anchor = event.map { PlanComments.Anchor.param(event: $0, name: param.name) }
            param.description = param.description.map(clean)
            switch param.source {
            case .dataLayer(let key) where !PlanKeys.isDataLayerKeyPath(key) || hasControl(key),
                 .constant(let key) where isBlank(key) || hasControl(key),
                 .elementAttribute(let key) where isBlank(key) || hasControl(key),
                 .queryParameter(let key) where isBlank(key) || hasControl(key),
                 .cookie(let key) where isBlank(key) || hasControl(key):
                drop("parameter", label, "its source `\(clean(param.source.planText))` cannot be written as `from`; it reads the data layer key `\(param.name)`", anchor)
                param.source = param.type == .items ? .dataLayer("ecommerce.items") : .dataLayer(param.name)
                param.hasExplicitSource = false
            default:
                break
            }
            if param.type == .items, param.name != "items" { param.type = .string }
            if param.type == .items { param.values = nil; param.pattern = nil }
            if let values = param.values {
                let kept = values.filter { value in
                    switch value.value {
                    case .number(let d): d.isFinite
                    case .string(let s): !hasControl(s)
                    default: value.value.fits(param.type)
                    }
                }.filter { $0.value.fits(param.type) }
                param.values = kept.isEmpty ? nil : kept
            }
            if let pattern = param.pattern, param.type != .string || (try? NSRegularExpression(pattern: pattern.value)) == nil || hasControl(pattern.value) {
                param.pattern = nil
            }
            if param.type != .number && param.type != .integer { param.minimum = nil; param.maximum = nil }
            if let minimum = param.minimum, !minimum.value.isFinite { param.minimum = nil }
            if let maximum = param.maximum, !maximum.value.isFinite { param.maximum = nil }
            if let minimum = param.minimum?.value, let maximum = param.maximum?.value, minimum > maximum { param.minimum = nil; param.maximum = nil }
            result.append(param)
        }
        return result
    }

    static func isValid(_ trigger: Trigger) -> Bool {
        func ok(_ text: String) -> Bool { !isBlank(text) && !hasControl(text) }
        switch trigger {
        case .click(let s), .linkClick(.selector(let s)), .linkClick(.urlContains(let s)), .formSubmit(.formID(let s), _),
             .formSubmit(.selector(let s), _), .custom(let s):
            return ok(s)
        case .linkClick(.urlRegex(let s)):
            return ok(s) && (try? NSRegularExpression(pattern: s)) != nil
        case .visible(let s, let percent):
            return ok(s) && (1...100).contains(percent)
        case .timer(let seconds):
            return (1...86_400).contains(seconds)
        case .scroll(let percents):
            return !percents.isEmpty
        case .video, .pageView:
            return true
        }
    }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }

    /// `text` without control characters other than line breaks and tabs.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else { return text }
        var out = ""
        for c in text.unicodeScalars where !(c.value < 0x20 && c != "\n" && c != "\t") && c.value != 0x7F && !(0x80...0x9F).contains(c.value) {
            out.unicodeScalars.append(c)
        }
        return out
    }
}
