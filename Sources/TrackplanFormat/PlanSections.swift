import Foundation
import TrackplanCore

/// Decoding of the root-only sections: ga4, conventions, stages, lint.
extension LoadSession {
    static let measurementIDPattern = "^G-[A-Z0-9]{4,}$"

    /// `hostnames:`: host names only (`www.shop.example`), no scheme, path or port.
    mutating func loadHostnames(_ node: YAMLNode?) -> [Located<String>] {
        guard let names = decoder.stringList(node, "hostnames", of: "host names like `www.shop.example`", path: .key("hostnames")) else { return [] }
        var result: [Located<String>] = []
        for name in names {
            let text = name.value
            let valid = text.range(of: "^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$", options: .regularExpression) != nil
            guard valid else {
                let host = URL(string: text.contains("://") ? text : "https://" + text)?.host
                decoder.error("`\(text)` is not a host name; `hostnames` lists names like `www.shop.example`", at: name.span,
                              path: .key("hostnames"), hint: host.map { "write `\($0)`" } ?? "leave out the scheme, path and port")
                continue
            }
            result.append(Located(text.lowercased(), at: name.span))
        }
        return result
    }

    /// `shared_params:` or `user_properties:`: name → the fields of a parameter.
    mutating func loadParamMap(_ node: YAMLNode?, key: String, what: String) -> [Param] {
        guard let node, let map = decoder.mapping(node, "`\(key)`", path: .key(key)) else { return [] }
        var result: [Param] = []
        for pair in map.pairs {
            guard let name = pair.key.text else {
                decoder.error("\(what) names must be plain names, found \(pair.key.kindDescription)", at: pair.key.span, path: .key(key))
                continue
            }
            if let param = loadParam(name: name, key: pair.key, node: pair.value, path: EntityPath([key, name])) { result.append(param) }
        }
        return result
    }

    /// `consent: {required: [...], regions: [...]}` at the root.
    mutating func loadConsent(_ node: YAMLNode?) -> ConsentSettings {
        var settings = ConsentSettings()
        guard let node, let fields = decoder.mapping(node, "`consent`", path: .key("consent")) else { return settings }
        decoder.checkKeys(fields, allowed: ["required", "regions"], in: "`consent`")
        settings.span = node.span
        settings.required = consentTypes(fields["required"], "required", path: EntityPath(["consent", "required"]))
        settings.regions = decoder.stringList(fields["regions"], "regions", of: "region codes like `eea`", path: EntityPath(["consent", "regions"]))?
            .map { Located($0.value.lowercased(), at: $0.span) } ?? []
        return settings
    }

    /// A list of consent mode types.
    mutating func consentTypes(_ node: YAMLNode?, _ key: String, path: EntityPath) -> [Located<ConsentType>] {
        guard let names = decoder.stringList(node, key, of: "consent types like `analytics_storage`", path: path) else { return [] }
        var result: [Located<ConsentType>] = []
        for name in names {
            if let type = ConsentType(rawValue: name.value) {
                result.append(Located(type, at: name.span))
            } else {
                let all = ConsentType.allCases.map(\.rawValue)
                let near = Suggestion.nearest(to: name.value, in: all)
                decoder.error("`\(name.value)` is not a consent type" + (near.map { "; did you mean `\($0)`?" } ?? ""), at: name.span, path: path,
                              hint: "the consent types are " + all.map { "`\($0)`" }.joined(separator: ", "))
            }
        }
        return result
    }

    /// `gtm: {public_id: GTM-…}`.
    mutating func loadGTM(_ node: YAMLNode?) -> Located<String>? {
        guard let node, let fields = decoder.mapping(node, "`gtm`", path: .key("gtm")) else { return nil }
        decoder.checkKeys(fields, allowed: ["public_id"], in: "`gtm`")
        guard let id = decoder.name(fields["public_id"], "public_id", path: EntityPath(["gtm", "public_id"])) else { return nil }
        guard id.value.range(of: "^GTM-[A-Z0-9]{4,}$", options: .regularExpression) != nil else {
            decoder.error("`\(id.value)` is not a GTM container id (`GTM-` then capital letters and digits)", at: id.span,
                          path: EntityPath(["gtm", "public_id"]), hint: "copy it from the top of the GTM workspace, such as `GTM-ABC1234`")
            return nil
        }
        return id
    }

    mutating func loadGA4(_ node: YAMLNode?) -> Located<String>? {
        guard let node, let fields = decoder.mapping(node, "`ga4`", path: .key("ga4")) else { return nil }
        decoder.checkKeys(fields, allowed: ["measurement_id"], in: "`ga4`")
        guard let id = decoder.string(fields["measurement_id"], "measurement_id", path: EntityPath(["ga4", "measurement_id"])) else { return nil }
        let valid = id.value.hasPrefix("G-") && id.value.count >= 6
            && id.value.dropFirst(2).allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
        guard valid else {
            let upper = id.value.uppercased()
            decoder.error("`measurement_id` must look like `G-XXXXXXXXXX` (G- then at least 4 capital letters or digits), found `\(id.value)`",
                          at: id.span, path: EntityPath(["ga4", "measurement_id"]),
                          hint: upper != id.value && upper.hasPrefix("G-") ? "write `\(upper)`" : "copy it from GA4 Admin → Data streams → your web stream")
            return nil
        }
        return id
    }

    mutating func loadConventions(_ node: YAMLNode?) -> Conventions {
        var conventions = Conventions()
        guard let node, let fields = decoder.mapping(node, "`conventions`", path: .key("conventions")) else { return conventions }
        conventions.span = node.span
        decoder.checkKeys(fields, allowed: ["case", "style", "actions", "events_per_page_type"], in: "`conventions`")
        if let value = decoder.choice(fields["case"], "case", as: NameCase.self, path: EntityPath(["conventions", "case"])) {
            conventions.nameCase = value
        }
        if let value = decoder.choice(fields["style"], "style", as: NameStyle.self, path: EntityPath(["conventions", "style"])) {
            conventions.style = value
        }
        if let actions = decoder.stringList(fields["actions"], "actions", of: "action words", path: EntityPath(["conventions", "actions"])) {
            conventions.actions = actions.map(\.value)
        }
        if let node = fields["events_per_page_type"],
           let range = decoder.mapping(node, "`events_per_page_type`", path: EntityPath(["conventions", "events_per_page_type"])) {
            decoder.checkKeys(range, allowed: ["min", "max"], in: "`events_per_page_type`")
            let min = decoder.integer(range["min"], "min", in: 0...Int.max, path: EntityPath(["conventions", "events_per_page_type", "min"]))
            let max = decoder.integer(range["max"], "max", in: 0...Int.max, path: EntityPath(["conventions", "events_per_page_type", "max"]))
            let low = min?.value ?? conventions.eventsPerPageType.lowerBound
            let high = max?.value ?? conventions.eventsPerPageType.upperBound
            if low > high {
                decoder.error("`events_per_page_type` has `min` \(low) above `max` \(high)", at: node.span,
                              path: EntityPath(["conventions", "events_per_page_type"]), hint: "make `min` at most `max`")
            } else {
                conventions.eventsPerPageType = low...high
            }
        }
        return conventions
    }

    mutating func loadStages(_ node: YAMLNode?, in root: Fields) -> [Stage] {
        guard let node else {
            decoder.missing("stages", in: root, what: "the plan",
                            hint: "add `stages:` with the funnel stages in order, such as `- id: awareness`")
            return []
        }
        guard let items = decoder.list(node, "stages", of: "stages like `- id: awareness`", path: .key("stages")) else { return [] }
        if items.isEmpty {
            decoder.error("`stages` needs at least one stage", at: node.span, path: .key("stages"),
                          hint: "list the funnel stages in order, such as `- id: awareness`")
        }
        var stages: [Stage] = []
        var seen: [String: SourceSpan] = [:]
        for item in items {
            guard let fields = decoder.mapping(item, "a stage", path: .key("stages"), nullIsEmpty: false) else { continue }
            decoder.checkKeys(fields, allowed: ["id", "name", "description"], in: "a stage")
            guard let id = decoder.name(fields["id"], "id", path: .key("stages")) else {
                if fields["id"] == nil || fields["id"]?.isNull == true {
                    decoder.missing("id", in: fields, what: "a stage", hint: "add `id: awareness` (the id events refer to)")
                }
                continue
            }
            let path = EntityPath.stage(id.value)
            if let first = seen[id.value] {
                decoder.error(RuleID.duplicateKey, "duplicate stage `\(id.value)`; first defined at \(first)", at: id.span, path: path,
                              hint: "give each stage its own id", related: [.init("first defined here", at: first)])
                continue
            }
            seen[id.value] = id.span
            stages.append(Stage(
                id: id.value,
                name: decoder.string(fields["name"], "name", path: path)?.value,
                description: decoder.string(fields["description"], "description", path: path)?.value,
                index: stages.count, span: id.span))
        }
        return stages
    }

    mutating func loadLintSettings(_ node: YAMLNode?) -> [RuleSetting] {
        guard let node, let fields = decoder.mapping(node, "`lint`", path: .key("lint")) else { return [] }
        decoder.checkKeys(fields, allowed: ["rules"], in: "`lint`")
        guard let rulesNode = fields["rules"], let rules = decoder.mapping(rulesNode, "`lint.rules`", path: EntityPath(["lint", "rules"])) else { return [] }
        var settings: [RuleSetting] = []
        for pair in rules.pairs {
            guard let id = pair.key.text else { continue }
            let path = EntityPath(["lint", "rules", id])
            guard let text = pair.value.text, !pair.value.isNull else {
                decoder.error("the severity of `\(id)` must be one of `error`, `warning`, `info`, `off`, found \(FieldDecoder.found(pair.value))",
                              at: pair.value.span, path: path)
                continue
            }
            let severity: Severity?
            if text == "off" {
                severity = nil
            } else if let value = Severity(rawValue: text) {
                severity = value
            } else {
                let near = Suggestion.nearest(to: text, in: ["error", "warning", "info", "off"])
                decoder.error("the severity of `\(id)` must be one of `error`, `warning`, `info`, `off`, found `\(text)`",
                              at: pair.value.span, path: path, hint: near.map { "did you mean `\($0)`?" })
                continue
            }
            settings.append(RuleSetting(ruleID: Located(id, at: pair.key.span), severity: severity))
        }
        return settings
    }

    /// `suppress:` on an event or page type: rule id → reason.
    mutating func loadSuppressions(_ node: YAMLNode?, path: EntityPath) -> [Suppression] {
        guard let node, let fields = decoder.mapping(node, "`suppress`", path: path.appending("suppress")) else { return [] }
        var result: [Suppression] = []
        for pair in fields.pairs {
            guard let id = pair.key.text else { continue }
            let reason = pair.value.scalar.flatMap { pair.value.isNull ? nil : $0.text }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if pair.value.scalar == nil {
                decoder.error("the reason for suppressing `\(id)` must be a sentence, found \(pair.value.kindDescription)",
                              at: pair.value.span, path: path.appending("suppress", id))
                continue
            }
            if reason.isEmpty {
                decoder.error("suppression of `\(id)` needs a reason", at: pair.key.span, path: path.appending("suppress", id),
                              hint: "write `\(id): why the rule does not apply here`")
                continue
            }
            result.append(Suppression(ruleID: Located(id, at: pair.key.span), reason: reason))
        }
        return result
    }
}
