import TrackplanCore
import TrackplanFormat

/// `trigger-select-click`: a choice in a dropdown is a change, not a click.
public struct TriggerSelectClickRule: Rule {
    public static let description = RuleDescription(
        id: "trigger-select-click", severity: .warning,
        summary: "A `click` trigger does not target a `<select>` or its `<option>`s: choosing in a dropdown is a change, not a click.",
        rationale: """
        A click on a `<select>` fires when the dropdown opens, before anything is chosen, and most \
        browsers send no click for the `<option>` picked. `sort_change` or `filter_change` wired as a \
        click counts every look at the list and misses the choice. Have the site push the choice when \
        the select changes (`dataLayer.push({event: 'sort_change', sort_order: select.value})`) and use \
        a `custom` trigger on that event.
        """,
        triggering: [
            .plan("events:\n  sort_change:\n    stage: consideration\n    trigger: {click: {selector: ↓'select#sort-order'}}\n"),
        ],
        nonTriggering: [
            .plan("events:\n  sort_change:\n    stage: consideration\n    trigger: {custom: {event: sort_change}}\n"),
            .plan("events:\n  filter_open:\n    stage: consideration\n    trigger: {click: {selector: 'button.select-filter'}}\n"),
        ])

    public init() {}

    /// Whether the last compound selector of one of `selector`'s selectors names the element
    /// `select` or `option` (`select#sort`, `.filters option`).
    static func targetsSelect(_ selector: String) -> Bool {
        // A selector without the letters of `select` or `option` (in any case) names neither.
        guard mentionsSelectOrOption(selector) else { return false }
        return selector.split(separator: ",").contains { part in
            let last = part.split(whereSeparator: { " >+~".contains($0) }).last.map(String.init) ?? ""
            let element = last.prefix { $0.isLetter || $0 == "-" }.lowercased()
            return element == "select" || element == "option"
        }
    }

    public func check(_ plan: Plan) -> [Diagnostic] {
        plan.activeEvents.compactMap { event in
            guard case .click(let selector) = event.trigger.value, Self.targetsSelect(selector) else { return nil }
            let name = event.name
            return finding("the `click` trigger of `\(name)` targets a dropdown (`\(selector)`): it fires when the list opens, not when a choice is made",
                           at: event.triggerSpans.option("selector") ?? event.trigger.span ?? event.span, path: event.path.appending("trigger"),
                           hint: "have the site push `{event: '\(name)'}` with the chosen value when the select changes, and use `trigger: {custom: {event: \(name)}}`")
        }
    }

    /// Whether `selector` contains `select` or `option` in any ASCII case. (No other letter
    /// lowercases to one of theirs, so an element `targetsSelect` finds always shows here.)
    static func mentionsSelectOrOption(_ selector: String) -> Bool {
        let bytes = Array(selector.utf8)
        guard bytes.count >= 6 else { return false }
        for start in 0...(bytes.count - 6) {
            var select = true, option = true
            for (offset, (s, o)) in zip("select".utf8, "option".utf8).enumerated() {
                let byte = bytes[start + offset] | 0x20  // ASCII letters to lower case
                if byte != s { select = false }
                if byte != o { option = false }
                if !select && !option { break }
            }
            if select || option { return true }
        }
        return false
    }
}
