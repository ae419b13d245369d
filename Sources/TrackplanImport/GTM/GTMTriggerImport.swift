import Foundation
import TrackplanCore

/// A GTM trigger read back into the plan's terms: the trigger, the page scope, the hostnames,
/// and what could not be carried (conditions the plan has no place for).
struct ImportedTrigger: Sendable {
    /// The plan trigger; nil when the GTM trigger has no plan equivalent (see `problem`).
    var trigger: Trigger?
    /// The page matches the trigger is scoped to (empty: every page).
    var pageMatches: [PageMatch] = []
    /// The hostnames it is limited to (nil: no hostname condition).
    var hostnames: [String]?
    /// Conditions and settings not carried, as people read them.
    var leftovers: [String] = []
    /// Why there is no plan trigger.
    var problem: String?
}

/// Reads GTM triggers (both the export's UPPER_SNAKE and the API's camelCase) into plan triggers.
enum GTMTriggerImport {
    static let allPages = "2147479553"
    static let consentInitialization = "2147479572"
    static let initialization = "2147479573"

    /// The built-in trigger `id` (no trigger entity), or nil when `id` is not one.
    static func builtIn(_ id: String) -> ImportedTrigger? {
        switch id {
        case allPages: ImportedTrigger(trigger: .pageView)
        case initialization: ImportedTrigger(trigger: .pageView, leftovers: ["its timing: it fires at Initialization, before the page view"])
        case consentInitialization: ImportedTrigger(trigger: .pageView, leftovers: ["its timing: it fires at Consent Initialization, before the page view"])
        default: nil
        }
    }

    /// `trigger` in the plan's terms, for an event named `eventName`.
    static func read(_ trigger: GTMEntity, eventName: String) -> ImportedTrigger {
        var result = ImportedTrigger()
        let filters = conditions(trigger.json["filter"]) + conditions(trigger.json["autoEventFilter"])
        var specific: [GTMCondition] = []
        for condition in filters {
            if !scope(condition, into: &result) { specific.append(condition) }
        }
        func take(_ variable: String, _ ops: Set<String>) -> GTMCondition? {
            guard let i = specific.firstIndex(where: { $0.variable == variable && ops.contains($0.op) && !$0.negate }) else { return nil }
            return specific.remove(at: i)
        }
        let parameters = trigger.parameters
        switch trigger.type {
        case "CUSTOM_EVENT":
            let eventFilter = conditions(trigger.json["customEventFilter"])
            if let condition = eventFilter.first, eventFilter.count == 1, condition.op == "EQUALS", condition.variable == "_event", !condition.negate {
                result.trigger = .custom(event: condition.value)
            } else if let condition = eventFilter.first(where: { $0.variable == "_event" }) {
                result.problem = "it matches the dataLayer event with \(condition.text), and a plan's `custom` trigger names one event"
            } else {
                result.problem = "it names no dataLayer event"
            }
        case "CLICK":
            result.trigger = .click(selector: clickSelector(take: take) ?? "*")
            if case .click("*")? = result.trigger { result.leftovers.append("no element condition, so it fires on every click (the plan says `selector: '*'`)") }
        case "LINK_CLICK":
            if let c = take("Click URL", ["CONTAINS", "MATCH_REGEX", "EQUALS", "STARTS_WITH", "ENDS_WITH"]) {
                let escaped = PatternText.escapeRegex(c.value)
                let flag = c.ignoreCase ? "(?i)" : ""
                switch c.op {
                case "CONTAINS" where !c.ignoreCase: result.trigger = .linkClick(.urlContains(c.value))
                case "CONTAINS": result.trigger = .linkClick(.urlRegex(flag + escaped))
                case "MATCH_REGEX": result.trigger = .linkClick(.urlRegex(flag + c.value))
                case "EQUALS": result.trigger = .linkClick(.urlRegex(flag + "^" + escaped + "$"))
                case "STARTS_WITH": result.trigger = .linkClick(.urlRegex(flag + "^" + escaped))
                default: result.trigger = .linkClick(.urlRegex(flag + escaped + "$"))
                }
            } else {
                result.trigger = .linkClick(.selector(clickSelector(take: take) ?? "a"))
            }
            appendWaitSettings(trigger, into: &result)
        case "FORM_SUBMISSION":
            let check = trigger.json["checkValidation"]?["value"]?.text.map { $0.lowercased() == "true" } ?? false
            if let c = take("Form ID", ["EQUALS"]) {
                result.trigger = .formSubmit(.formID(c.value), checkValidation: check)
            } else if let c = take("Form Element", ["CSS_SELECTOR"]) {
                result.trigger = .formSubmit(.selector(c.value), checkValidation: check)
            } else if let c = take("Form Classes", ["CONTAINS", "EQUALS"]), let selector = classSelector(c.value) {
                result.trigger = .formSubmit(.selector(selector), checkValidation: check)
            } else {
                result.trigger = .formSubmit(.selector("form"), checkValidation: check)
            }
            appendWaitSettings(trigger, into: &result)
        case "SCROLL_DEPTH":
            if parameters.flag("verticalThresholdOn") == true, (parameters.value("verticalThresholdUnits") ?? "PERCENT").uppercased() == "PERCENT",
               let percents = percentList(parameters.value("verticalThresholdsPercent")) {
                result.trigger = .scroll(percents: percents)
                if parameters.flag("horizontalThresholdOn") == true { result.leftovers.append("horizontal scroll thresholds") }
            } else {
                result.problem = "its thresholds are in pixels or horizontal, and the plan's `scroll` trigger takes vertical percents"
            }
        case "YOU_TUBE_VIDEO":
            let unit = (parameters.value("radioButtonGroup1") ?? "PERCENTAGE").uppercased()
            var percents: [Int] = []
            if parameters.flag("captureProgress") == true {
                if unit == "PERCENTAGE", let list = percentList(parameters.value("progressThresholdsPercent")) {
                    percents = list
                } else {
                    result.leftovers.append("progress in seconds (`\(parameters.value("progressThresholdsTimeInSeconds") ?? "")`)")
                }
            }
            if parameters.flag("capturePause") == true { result.leftovers.append("pause, seeking and buffering") }
            result.trigger = .video(percents: percents, start: parameters.flag("captureStart") ?? false,
                                    complete: parameters.flag("captureComplete") ?? false)
        case "TIMER":
            let interval = Int(trigger.json["interval"]?["value"]?.text ?? "") ?? 0
            if interval <= 0 {
                result.problem = "its interval `\(trigger.json["interval"]?["value"]?.text ?? "")` is not a number of milliseconds"
            } else {
                result.trigger = .timer(seconds: max(1, (interval + 999) / 1000))
                if interval % 1000 != 0 { result.leftovers.append("an interval of \(interval) ms, rounded up to whole seconds") }
                let limit = trigger.json["limit"]?["value"]?.text ?? ""
                if limit != "1" { result.leftovers.append("a limit of \(limit.isEmpty ? "no" : limit) firings (the plan's timer fires once)") }
            }
        case "ELEMENT_VISIBILITY":
            let selector: String?
            if (parameters.value("selectorType") ?? "CSS").uppercased() == "ID" {
                selector = parameters.value("elementId").map { "#" + $0 }
            } else {
                selector = parameters.value("elementSelector")
            }
            if let selector, !selector.isEmpty {
                result.trigger = .visible(selector: selector, minPercentVisible: Int(parameters.value("onScreenRatio") ?? "") ?? 50)
                if let frequency = parameters.value("firingFrequency"), frequency.uppercased() != "ONCE" {
                    result.leftovers.append("the firing frequency `\(frequency)` (the plan's `visible` fires once per page)")
                }
                if parameters.flag("useOnScreenDuration") == true { result.leftovers.append("a minimum on-screen duration") }
            } else {
                result.problem = "it names no element"
            }
        case "PAGEVIEW":
            result.trigger = .pageView
        case "DOM_READY", "WINDOW_LOADED":
            result.trigger = .pageView
            result.leftovers.append(trigger.type == "DOM_READY" ? "its timing: it fires at DOM Ready, a little after the page view" : "its timing: it fires at Window Loaded, after the page view")
        case "TRIGGER_GROUP":
            result.problem = "it is a trigger group (fires once all of its triggers have), which a plan event cannot express"
        case "HISTORY_CHANGE":
            result.problem = "it is a History Change trigger (single-page app navigation), which a plan event cannot express"
        case "JS_ERROR":
            result.problem = "it is a JavaScript Error trigger, which a plan event cannot express"
        default:
            result.problem = "its type `\(trigger.type)` has no plan equivalent"
        }
        result.leftovers += specific.map { "the condition \($0.text)" }
        return result
    }

    /// Whether `condition` is a page or hostname scope (and records it).
    static func scope(_ condition: GTMCondition, into result: inout ImportedTrigger) -> Bool {
        guard !condition.negate else { return false }
        switch condition.variable {
        case "Page Path":
            guard let matches = pageMatches(condition) else { return false }
            if !result.pageMatches.isEmpty {
                result.leftovers.append("a second page condition, \(condition.text)")
                return true
            }
            // `.*` is GTM's way of saying "every page" (timer triggers need a condition).
            if condition.op == "MATCH_REGEX", condition.value == ".*" { return true }
            result.pageMatches = matches
            if condition.ignoreCase { result.leftovers.append("the page path is compared ignoring case") }
            return true
        case "Page URL" where condition.op == "CONTAINS" && condition.value.hasPrefix("/") && result.pageMatches.isEmpty:
            result.pageMatches = [.pathRegex(PatternText.escapeRegex(condition.value))]
            return true
        case "Page Hostname":
            guard let hosts = hostnames(condition) else { return false }
            result.hostnames = hosts
            return true
        default:
            return false
        }
    }

    /// Page matches for a condition on `{{Page Path}}`.
    static func pageMatches(_ condition: GTMCondition) -> [PageMatch]? {
        switch condition.op {
        case "EQUALS": return [.path(condition.value)]
        case "STARTS_WITH": return [.pathPrefix(condition.value)]
        case "CONTAINS": return [.pathRegex(PatternText.escapeRegex(condition.value))]
        case "ENDS_WITH": return [.pathRegex(PatternText.escapeRegex(condition.value) + "$")]
        case "MATCH_REGEX":
            if let parts = PatternText.groupedAlternatives(condition.value) { return parts.map(pageMatch(regex:)) }
            return [pageMatch(regex: condition.value)]
        default: return nil
        }
    }

    /// The plainest page match a regex means: `^/cart$` is the path `/cart`, `^/shop/` the
    /// prefix `/shop/`; anything else stays a regex.
    static func pageMatch(regex: String) -> PageMatch {
        if regex.hasPrefix("^"), regex.count > 1 {
            let body = String(regex.dropFirst())
            if body.hasSuffix("$"), !body.hasSuffix("\\$"), let literal = PatternText.unescapeRegex(String(body.dropLast())),
               "^" + PatternText.escapeRegex(literal) + "$" == regex {
                return .path(literal)
            }
            if let literal = PatternText.unescapeRegex(body), "^" + PatternText.escapeRegex(literal) == regex {
                return .pathPrefix(literal)
            }
        }
        return .pathRegex(regex)
    }

    /// The hostnames of a `{{Page Hostname}}` condition: one for EQUALS, the alternatives of
    /// `^(?:a|b)$` (with `[^.]+` read back as `*`) for MATCH_REGEX.
    static func hostnames(_ condition: GTMCondition) -> [String]? {
        switch condition.op {
        case "EQUALS": return [condition.value]
        case "MATCH_REGEX":
            var text = condition.value
            guard text.hasPrefix("^(?:"), text.hasSuffix(")$") else { return nil }
            text = String(text.dropFirst(4).dropLast(2))
            var hosts: [String] = []
            for part in text.split(separator: "|", omittingEmptySubsequences: false) {
                let wildcard = part.replacingOccurrences(of: "[^.]+", with: "\u{1}")
                guard let literal = PatternText.unescapeRegex(wildcard) else { return nil }
                hosts.append(literal.replacingOccurrences(of: "\u{1}", with: "*"))
            }
            return hosts
        default: return nil
        }
    }

    /// A CSS selector from click conditions: Click Element matches (the compiler's `a, a *`
    /// pairs folded back), else Click ID or Click Classes.
    static func clickSelector(take: (String, Set<String>) -> GTMCondition?) -> String? {
        if let c = take("Click Element", ["CSS_SELECTOR"]) { return withoutDescendants(c.value) }
        if let c = take("Click ID", ["EQUALS"]) { return idSelector(c.value) }
        if let c = take("Click Classes", ["CONTAINS", "EQUALS"]), let selector = classSelector(c.value) { return selector }
        return nil
    }

    /// `a, a *, b, b *` → `a, b`: the descendant selectors the compiler adds, removed.
    static func withoutDescendants(_ selector: String) -> String {
        let parts = PatternText.splitSelectorList(selector)
        let set = Set(parts)
        let kept = parts.filter { part in !(part.hasSuffix(" *") && set.contains(String(part.dropLast(2)))) }
        return kept.count == parts.count ? selector : kept.joined(separator: ", ")
    }

    static func idSelector(_ id: String) -> String {
        isIdentifier(id) ? "#" + id : "[id=\"\(id.replacingOccurrences(of: "\"", with: "\\\""))\"]"
    }

    static func classSelector(_ classes: String) -> String? {
        let names = classes.split(separator: " ").map(String.init)
        guard !names.isEmpty, names.allSatisfy(isIdentifier) else { return nil }
        return names.map { "." + $0 }.joined()
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first), first != "-" || text.count > 1 else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func percentList(_ text: String?) -> [Int]? {
        guard let text else { return nil }
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        return values.compactMap { $0 }
    }

    static func appendWaitSettings(_ trigger: GTMEntity, into result: inout ImportedTrigger) {
        if trigger.json["waitForTags"]?["value"]?.text?.lowercased() == "true" {
            result.leftovers.append("waiting for tags before following the link")
        }
    }

    /// The names a regex lists: `^(a|b)$`, `^(?:a|b)$`, `a|b`, each alternative literal; nil
    /// when it is a real pattern.
    static func literalAlternatives(_ regex: String) -> [String]? {
        var body = Substring(regex)
        if body.hasPrefix("^") { body = body.dropFirst() }
        if body.hasSuffix("$"), !body.hasSuffix("\\$") { body = body.dropLast() }
        if body.hasPrefix("(?:"), body.hasSuffix(")") { body = body.dropFirst(3).dropLast() }
        else if body.hasPrefix("("), body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        var names: [String] = []
        for part in body.split(separator: "|", omittingEmptySubsequences: false) {
            guard let literal = PatternText.unescapeRegex(String(part)), !literal.isEmpty else { return nil }
            names.append(literal)
        }
        return names
    }

    static func conditions(_ json: JSONValue?) -> [GTMCondition] {
        json?.items.map(GTMCondition.init) ?? []
    }
}
