import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// The GTM trigger for each trigger kind of the plan.
public enum GTMTriggerBuilder {
    /// A trigger's export type and its fields after `name`/`type`.
    public struct Trigger: Sendable {
        /// The export type (`CLICK`, `SCROLL_DEPTH`, …).
        public var type: String
        /// The fields in order (`filter`, `parameter`, `customEventFilter`, …).
        public var fields: [JSONMember]
    }

    /// `selector` extended to the elements inside what it matches: `a, b` → `a, a *, b, b *`.
    /// GTM's Click Element is the innermost element clicked (the `<span>` or `<img>` inside the
    /// button), so the selector alone would miss most clicks.
    static func withDescendants(_ selector: String) -> String {
        PatternText.splitSelectorList(selector).map { part in
            part.hasSuffix(" *") ? part : part + ", " + part + " *"
        }.joined(separator: ", ")
    }

    /// The condition on `{{Page Hostname}}` for the plan's hostnames (case-insensitive): EQUALS
    /// for one, one MATCH_REGEX for several; nil when the plan names none.
    static func hostnameCondition(_ hostnames: [String]) -> JSONValue? {
        guard let first = hostnames.first else { return nil }
        if hostnames.count == 1, !first.contains("*") {
            return GTMParameter.condition("EQUALS", GTMBuiltin.pageHostname.name, first, ignoreCase: true)
        }
        let alternatives = hostnames.map { PatternText.escapeRegex($0).replacingOccurrences(of: "\\*", with: "[^.]+") }
        return GTMParameter.condition("MATCH_REGEX", GTMBuiltin.pageHostname.name, "^(?:" + alternatives.joined(separator: "|") + ")$", ignoreCase: true)
    }

    /// The trigger for `event`, scoped to `pageMatches` (no scope when empty); records the
    /// built-in variables it references.
    public static func trigger(for event: EventSpec, pageMatches: [PageMatch], hostnames: [String] = [],
                               builtins: inout Set<GTMBuiltin>) -> Trigger {
        var filter: [JSONValue] = []
        if let page = PagePathPattern.condition(pageMatches) {
            filter.append(page)
            builtins.insert(.pagePath)
        }
        if let host = hostnameCondition(hostnames) {
            filter.append(host)
            builtins.insert(.pageHostname)
        }
        func filterField(_ conditions: [JSONValue]) -> [JSONMember] {
            conditions.isEmpty ? [] : [JSONMember("filter", .array(conditions))]
        }
        func waitFields(checkValidation: Bool) -> [JSONMember] {
            [
                JSONMember("waitForTags", GTMParameter.field("BOOLEAN", "false")),
                JSONMember("checkValidation", GTMParameter.field("BOOLEAN", checkValidation ? "true" : "false")),
                JSONMember("waitForTagsTimeout", GTMParameter.field("TEMPLATE", "2000")),
                JSONMember("uniqueTriggerId", GTMParameter.field("TEMPLATE", nil)),
            ]
        }
        switch event.trigger {
        case .click(let selector):
            builtins.insert(.clickElement)
            return Trigger(type: "CLICK", fields: filterField([GTMParameter.condition("CSS_SELECTOR", GTMBuiltin.clickElement.name, withDescendants(selector))] + filter))
        case .linkClick(let match):
            let condition: JSONValue
            switch match {
            case .urlContains(let text):
                builtins.insert(.clickURL)
                condition = GTMParameter.condition("CONTAINS", GTMBuiltin.clickURL.name, text)
            case .urlRegex(let regex):
                builtins.insert(.clickURL)
                condition = GTMParameter.condition("MATCH_REGEX", GTMBuiltin.clickURL.name, regex)
            case .selector(let selector):
                builtins.insert(.clickElement)
                condition = GTMParameter.condition("CSS_SELECTOR", GTMBuiltin.clickElement.name, withDescendants(selector))
            }
            // Link clicks check nothing to validate: GTM's "check validation" means the link's
            // default action was not prevented, which trackplan leaves off as before.
            return Trigger(type: "LINK_CLICK", fields: filterField([condition] + filter) + waitFields(checkValidation: false))
        case .formSubmit(let match, let checkValidation):
            let condition: JSONValue
            switch match {
            case .formID(let id):
                builtins.insert(.formID)
                condition = GTMParameter.condition("EQUALS", GTMBuiltin.formID.name, id)
            case .selector(let selector):
                builtins.insert(.formElement)
                condition = GTMParameter.condition("CSS_SELECTOR", GTMBuiltin.formElement.name, selector)
            }
            return Trigger(type: "FORM_SUBMISSION", fields: filterField([condition] + filter) + waitFields(checkValidation: checkValidation))
        case .scroll(let percents):
            return Trigger(type: "SCROLL_DEPTH", fields: filterField(filter) + [JSONMember("parameter", .array([
                GTMParameter.template("verticalThresholdUnits", "PERCENT"),
                GTMParameter.template("verticalThresholdsPercent", percents.map(String.init).joined(separator: ",")),
                GTMParameter.boolean("verticalThresholdOn", true),
                GTMParameter.boolean("horizontalThresholdOn", false),
                GTMParameter.template("triggerStartOption", "WINDOW_LOAD"),
            ]))])
        case .video(let percents, let start, let complete):
            var parameters: [JSONValue] = []
            if !percents.isEmpty {
                parameters.append(GTMParameter.template("progressThresholdsPercent", percents.map(String.init).joined(separator: ",")))
            }
            parameters += [
                GTMParameter.boolean("captureStart", start),
                GTMParameter.boolean("captureComplete", complete),
                GTMParameter.boolean("captureProgress", !percents.isEmpty),
                GTMParameter.boolean("capturePause", false),
                GTMParameter.boolean("fixMissingApi", true),
                GTMParameter.template("radioButtonGroup1", "PERCENTAGE"),
                GTMParameter.template("triggerStartOption", "WINDOW_LOAD"),
            ]
            return Trigger(type: "YOU_TUBE_VIDEO", fields: filterField(filter) + [JSONMember("parameter", .array(parameters))])
        case .timer(let seconds):
            var enable = filter
            if enable.isEmpty {
                enable = [GTMParameter.condition("MATCH_REGEX", GTMBuiltin.pagePath.name, ".*")]
                builtins.insert(.pagePath)
            }
            return Trigger(type: "TIMER", fields: [
                JSONMember("autoEventFilter", .array(enable)),
                JSONMember("eventName", GTMParameter.field("TEMPLATE", "gtm.timer")),
                JSONMember("interval", GTMParameter.field("TEMPLATE", String(seconds * 1000))),
                JSONMember("limit", GTMParameter.field("TEMPLATE", "1")),
                JSONMember("uniqueTriggerId", GTMParameter.field("TEMPLATE", nil)),
            ])
        case .visible(let selector, let minPercent):
            return Trigger(type: "ELEMENT_VISIBILITY", fields: filterField(filter) + [JSONMember("parameter", .array([
                GTMParameter.template("selectorType", "CSS"),
                GTMParameter.template("elementSelector", selector),
                GTMParameter.template("firingFrequency", "ONCE"),
                GTMParameter.template("onScreenRatio", String(minPercent)),
                GTMParameter.boolean("useOnScreenDuration", false),
                GTMParameter.boolean("useDomChangeListener", true),
            ]))])
        case .pageView:
            return Trigger(type: "PAGEVIEW", fields: filterField(filter))
        case .custom(let name):
            return Trigger(type: "CUSTOM_EVENT", fields: [
                JSONMember("customEventFilter", .array([GTMParameter.condition("EQUALS", "_event", name)])),
            ] + filterField(filter))
        }
    }
}
