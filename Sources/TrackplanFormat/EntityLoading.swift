import Foundation
import TrackplanCore

/// Decoding of page types, events, triggers and parameters.
extension LoadSession {
    static let pageTypeKeys = PlanKeys.pageType
    static let matchKeys = PlanKeys.match
    static let eventKeys = PlanKeys.event
    static let paramKeys = PlanKeys.param

    mutating func loadPageType(id: String, key: YAMLNode, node: YAMLNode) -> PageType? {
        let path = EntityPath.pageType(id)
        guard let fields = decoder.mapping(node, "page type `\(id)`", path: path) else { return nil }
        decoder.checkKeys(fields, allowed: Self.pageTypeKeys, in: "page type `\(id)`")
        let match: Located<PageMatch>?
        if let matchNode = fields["match"], !matchNode.isNull {
            match = loadMatch(matchNode, path: path.appending("match"))
        } else {
            decoder.error("missing required key `match` in page type `\(id)`", at: key.span, path: path,
                          hint: "add `match: {path_prefix: /products/}` (or `path`, or `path_regex`)")
            match = nil
        }
        let name = decoder.string(fields["name"], "name", path: path)?.value
        let description = decoder.string(fields["description"], "description", path: path)?.value
        let macro = decoder.name(fields["macro"], "macro", path: path.appending("macro"))
        let suppressions = loadSuppressions(fields["suppress"], path: path)
        guard let match else { return nil }
        return PageType(id: id, name: name, description: description, match: match, macro: macro,
                        suppressions: suppressions, span: key.span)
    }

    mutating func loadMatch(_ node: YAMLNode, path: EntityPath) -> Located<PageMatch>? {
        guard let fields = decoder.mapping(node, "`match`", path: path) else { return nil }
        decoder.checkKeys(fields, allowed: Self.matchKeys, in: "`match`")
        let kinds = fields.present(Self.matchKeys)
        guard kinds.count == 1, let pair = kinds.first, let kind = pair.key.text else {
            if kinds.isEmpty {
                decoder.error("`match` needs exactly one of `path`, `path_prefix` or `path_regex`", at: node.span, path: path,
                              hint: "for example `match: {path_prefix: /products/}`")
            } else {
                let names = kinds.compactMap { $0.key.scalar.map { "`\($0.text)`" } }
                decoder.error("`match` has \(names.count) kinds, \(names.joined(separator: " and ")); it takes exactly one",
                              at: kinds[1].key.span, path: path, hint: "keep one of them")
            }
            return nil
        }
        guard let value = decoder.name(pair.value, kind, path: path.appending(kind)) else { return nil }
        switch kind {
        case "path":
            return Located(.path(value.value), at: value.span)
        case "path_prefix":
            return Located(.pathPrefix(value.value), at: value.span)
        default:
            return Located(.pathRegex(value.value), at: value.span)
        }
    }

    mutating func loadEvent(name: String, key: YAMLNode, node: YAMLNode) -> Event? {
        let path = EntityPath.event(name)
        guard let fields = decoder.mapping(node, "event `\(name)`", path: path) else { return nil }
        decoder.checkKeys(fields, allowed: Self.eventKeys, in: "event `\(name)`")
        let decodedKind = decoder.choice(fields["kind"], "kind", as: EventKind.self, path: path.appending("kind"))
        if decodedKind == nil, let node = fields["kind"], !node.isNull { undecidedKinds.insert(name) }
        let kind = decodedKind ?? .micro
        let stage = decoder.name(fields["stage"], "stage", path: path.appending("stage"))
        let pages = decoder.stringList(fields["pages"], "pages", of: "page type ids", path: path.appending("pages"))
        let description = decoder.string(fields["description"], "description", path: path)?.value
        let leadsTo = decoder.name(fields["leads_to"], "leads_to", path: path.appending("leads_to"))
        if let leadsTo, kind == .macro {
            decoder.error("`leads_to` is for micro-conversions; `\(name)` is a macro-conversion", at: leadsTo.span,
                          path: path.appending("leads_to"), hint: "remove `leads_to`, or make the event `kind: micro`")
        }
        let signal = decoder.integer(fields["signal"], "signal", in: 1...5, path: path.appending("signal"))?.value
        let negative = decoder.boolean(fields["negative"], "negative", path: path.appending("negative")) ?? false
        let keyEvent = decoder.boolean(fields["key_event"], "key_event", path: path.appending("key_event")) ?? (kind == .macro)
        let counting = decoder.choice(fields["key_event_counting"], "key_event_counting", as: KeyEventCounting.self,
                                      path: path.appending("key_event_counting"))
        if counting != nil, !keyEvent, let node = fields["key_event_counting"] {
            decoder.error("`key_event_counting` is for key events; `\(name)` is not one", at: node.span,
                          path: path.appending("key_event_counting"), hint: "add `key_event: true`, or remove `key_event_counting`")
        }
        let owner = decoder.string(fields["owner"], "owner", path: path.appending("owner"))?.value
        let status = decoder.choice(fields["status"], "status", as: EventStatus.self, path: path.appending("status")) ?? .planned
        let consent = consentTypes(fields["consent"], "consent", path: path.appending("consent"))
        let renamedFrom = decoder.name(fields["renamed_from"], "renamed_from", path: path.appending("renamed_from"))
        if let renamedFrom, renamedFrom.value == name {
            decoder.error("`renamed_from` names the event itself", at: renamedFrom.span, path: path.appending("renamed_from"),
                          hint: "write the event's previous name, or remove `renamed_from`")
        }
        var trigger = Located(Trigger.custom(event: name), at: key.span)
        var hasExplicitTrigger = false
        var triggerSpans = TriggerSpans()
        if let triggerNode = fields["trigger"] {
            hasExplicitTrigger = true
            if let loaded = loadTrigger(triggerNode, eventName: name, path: path.appending("trigger"), spans: &triggerSpans) { trigger = loaded }
        }
        var params: [Param] = []
        if let paramsNode = fields["params"], let map = decoder.mapping(paramsNode, "`params`", path: path.appending("params")) {
            params.reserveCapacity(map.count)
            for (i, paramName) in map.keys.enumerated() {
                let key = map.key(i)
                guard let paramName else {
                    decoder.error("parameter names must be plain names, found \(key.kindDescription)", at: key.span, path: path.appending("params"))
                    continue
                }
                if let param = loadParam(name: paramName, key: key, node: map.value(i), path: path.appending("params", paramName)) {
                    params.append(param)
                }
            }
        }
        let suppressions = loadSuppressions(fields["suppress"], path: path)
        return Event(name: name) { event in
            event.kind = kind
            event.stage = stage
            event.pages = pages
            event.description = description
            event.leadsTo = kind == .micro ? leadsTo : nil
            event.signal = signal
            event.negative = negative
            event.keyEvent = keyEvent
            event.keyEventCounting = counting ?? .oncePerEvent
            event.consent = consent
            event.owner = owner
            event.status = status
            event.renamedFrom = renamedFrom
            event.trigger = trigger
            event.hasExplicitTrigger = hasExplicitTrigger
            event.triggerSpans = triggerSpans
            event.params = params
            event.suppressions = suppressions
            event.span = key.span
            event.definitionSpan = SourceSpan(file: key.span.file, start: key.span.start, end: node.span.end)
        }
    }

    mutating func loadTrigger(_ node: YAMLNode, eventName: String, path: EntityPath, spans: inout TriggerSpans) -> Located<Trigger>? {
        guard let fields = decoder.mapping(node, "`trigger`", path: path) else { return nil }
        decoder.checkKeys(fields, allowed: Trigger.kinds, in: "`trigger`")
        let kinds = fields.present(Trigger.kinds)
        guard kinds.count == 1, let pair = kinds.first, let kind = pair.key.text else {
            if kinds.isEmpty {
                decoder.error("`trigger` needs exactly one kind: " + Trigger.kinds.map { "`\($0)`" }.joined(separator: ", "),
                              at: node.span, path: path, hint: "for example `trigger: {click: {selector: 'button.buy'}}`")
            } else {
                let names = kinds.compactMap { $0.key.scalar.map { "`\($0.text)`" } }
                decoder.error("`trigger` has \(names.count) kinds, \(names.joined(separator: " and ")); an event has exactly one trigger",
                              at: kinds[1].key.span, path: path, hint: "keep one kind, or split this into two events")
            }
            return nil
        }
        let kindPath = path.appending(kind)
        guard let options = decoder.mapping(pair.value, "`\(kind)`", path: kindPath) else { return nil }
        let span = SourceSpan(file: pair.key.span.file, start: pair.key.span.start, end: pair.value.span.end)
        for (i, key) in options.keys.enumerated() {
            if let key { spans.options.append((key, options.value(i).span)) }
        }
        spans.percents = options["percent"]?.sequence?.map(\.span) ?? []
        func require(_ key: String, example: String) -> Located<String>? {
            if let value = decoder.name(options[key], key, path: kindPath.appending(key)) { return value }
            if options[key] == nil || options[key]?.isNull == true {
                decoder.error("missing required key `\(key)` in the `\(kind)` trigger", at: pair.key.span, path: kindPath,
                              hint: "for example `\(kind): {\(key): \(example)}`")
            }
            return nil
        }
        func exactlyOne(_ keys: [String], example: String) -> (String, Located<String>)? {
            let present = options.present(keys)
            guard present.count == 1, let only = present.first, let key = only.key.text else {
                let list = keys.map { "`\($0)`" }.joined(separator: ", ")
                if present.isEmpty {
                    decoder.error("the `\(kind)` trigger needs exactly one of \(list)", at: pair.key.span, path: kindPath,
                                  hint: "for example `\(kind): \(example)`")
                } else {
                    decoder.error("the `\(kind)` trigger takes exactly one of \(list), found \(present.count)",
                                  at: present[1].key.span, path: kindPath, hint: "keep one of them")
                }
                return nil
            }
            guard let value = decoder.name(only.value, key, path: kindPath.appending(key)) else { return nil }
            return (key, value)
        }
        func percents(_ key: String, required: Bool) -> [Int]? {
            guard let listNode = options[key] else {
                if required {
                    decoder.error("missing required key `\(key)` in the `\(kind)` trigger", at: pair.key.span, path: kindPath,
                                  hint: "for example `\(kind): {\(key): [25, 50, 75, 90]}`")
                    return nil
                }
                return []
            }
            // A single number is a list of one.
            if case .int(let single)? = listNode.value { return [single] }
            guard let items = decoder.list(listNode, key, of: "integer percents like `[25, 50, 75]`", path: kindPath.appending(key)) else { return nil }
            var values: [Int] = []
            for item in items {
                guard case .int(let value)? = item.value else {
                    decoder.error("`\(key)` values must be integers from 1 to 100, found \(FieldDecoder.found(item))",
                                  at: item.span, path: kindPath.appending(key))
                    return nil
                }
                values.append(value)
            }
            return values
        }
        let trigger: Trigger?
        switch kind {
        case "click":
            decoder.checkKeys(options, allowed: ["selector"], in: "the `click` trigger")
            trigger = require("selector", example: "'button.add-to-cart'").map { .click(selector: $0.value) }
        case "link_click":
            decoder.checkKeys(options, allowed: ["url_contains", "url_regex", "selector"], in: "the `link_click` trigger")
            trigger = exactlyOne(["url_contains", "url_regex", "selector"], example: "{url_contains: '.pdf'}").map { key, value in
                switch key {
                case "url_contains": .linkClick(.urlContains(value.value))
                case "url_regex": .linkClick(.urlRegex(value.value))
                default: .linkClick(.selector(value.value))
                }
            }
        case "form_submit":
            decoder.checkKeys(options, allowed: ["form_id", "selector", "check_validation"], in: "the `form_submit` trigger")
            let check = decoder.boolean(options["check_validation"], "check_validation", path: kindPath.appending("check_validation")) ?? true
            trigger = exactlyOne(["form_id", "selector"], example: "{form_id: newsletter}").map { key, value in
                key == "form_id" ? .formSubmit(.formID(value.value), checkValidation: check)
                    : .formSubmit(.selector(value.value), checkValidation: check)
            }
        case "scroll":
            decoder.checkKeys(options, allowed: ["percent"], in: "the `scroll` trigger")
            trigger = percents("percent", required: true).map { .scroll(percents: $0) }
        case "video":
            decoder.checkKeys(options, allowed: ["percent", "start", "complete"], in: "the `video` trigger")
            let list = percents("percent", required: false)
            let start = decoder.boolean(options["start"], "start", path: kindPath.appending("start")) ?? false
            let complete = decoder.boolean(options["complete"], "complete", path: kindPath.appending("complete")) ?? false
            trigger = list.map { .video(percents: $0, start: start, complete: complete) }
        case "timer":
            decoder.checkKeys(options, allowed: ["seconds"], in: "the `timer` trigger")
            if let seconds = options["seconds"], !seconds.isNull {
                if case .int(let value)? = seconds.value {
                    trigger = .timer(seconds: value)
                } else {
                    decoder.error("`seconds` must be an integer number of seconds, found \(FieldDecoder.found(seconds))",
                                  at: seconds.span, path: kindPath.appending("seconds"), hint: "for example `timer: {seconds: 30}`")
                    trigger = nil
                }
            } else {
                decoder.error("missing required key `seconds` in the `timer` trigger", at: pair.key.span, path: kindPath,
                              hint: "for example `timer: {seconds: 30}`")
                trigger = nil
            }
        case "visible":
            decoder.checkKeys(options, allowed: ["selector", "min_percent_visible"], in: "the `visible` trigger")
            let selector = require("selector", example: "'#pricing-table'")
            let minimum = decoder.integer(options["min_percent_visible"], "min_percent_visible", in: 1...100,
                                          path: kindPath.appending("min_percent_visible"))
            trigger = selector.map { .visible(selector: $0.value, minPercentVisible: minimum?.value ?? 50) }
        case "page_view":
            decoder.checkKeys(options, allowed: [], in: "the `page_view` trigger")
            trigger = .pageView
        default:  // custom
            decoder.checkKeys(options, allowed: ["event"], in: "the `custom` trigger")
            if let value = decoder.name(options["event"], "event", path: kindPath.appending("event")) {
                trigger = .custom(event: value.value)
            } else {
                trigger = .custom(event: eventName)
            }
        }
        return trigger.map { Located($0, at: span) }
    }

    mutating func loadParam(name: String, key: YAMLNode, node: YAMLNode, path: EntityPath) -> Param? {
        guard let fields = decoder.mapping(node, "parameter `\(name)`", path: path) else { return nil }
        decoder.checkKeys(fields, allowed: Self.paramKeys, in: "parameter `\(name)`")
        let type = decoder.choice(fields["type"], "type", as: ParamType.self, path: path.appending("type")) ?? .string
        let required = decoder.boolean(fields["required"], "required", path: path.appending("required")) ?? false
        let description = decoder.string(fields["description"], "description", path: path)?.value
        var values: [Located<ParamValue>]?
        if let items = decoder.list(fields["values"], "values", of: "allowed values", path: path.appending("values")) {
            values = []
            for item in items {
                guard let value = item.value else {
                    decoder.error("allowed values must be single values, found \(item.kindDescription)", at: item.span, path: path.appending("values"))
                    continue
                }
                values?.append(Located(ParamValue(value), at: item.span))
            }
        }
        let (pattern, minimum, maximum) = loadConstraints(fields, name: name, type: type, path: path)
        var source = type == .items ? ParamSource.dataLayer("ecommerce.items") : ParamSource.dataLayer(name)
        if type == .items, name != "items" {
            decoder.error("only a parameter named `items` can have type `items`; GA4 reads products from `items` alone", at: key.span,
                          path: path.appending("type"), hint: "rename it to `items`, or give it another type")
        }
        if type == .items, values != nil, let node = fields["values"] {
            decoder.error("`items` cannot list allowed values: it is an array of products", at: node.span, path: path.appending("values"),
                          hint: "remove `values`")
        }
        var explicitSource = false
        if let from = decoder.name(fields["from"], "from", path: path.appending("from")) {
            explicitSource = true
            if let parsed = parseSource(from, type: type, path: path.appending("from")) { source = parsed }
        }
        let renamedFrom = decoder.name(fields["renamed_from"], "renamed_from", path: path.appending("renamed_from"))
        if let renamedFrom, renamedFrom.value == name {
            decoder.error("`renamed_from` names the parameter itself", at: renamedFrom.span, path: path.appending("renamed_from"),
                          hint: "write the parameter's previous name, or remove `renamed_from`")
        }
        var param = Param(name: name, type: type, required: required, description: description, values: values,
                          source: source, renamedFrom: renamedFrom, span: key.span)
        param.hasExplicitSource = explicitSource
        param.pattern = pattern
        param.minimum = minimum
        param.maximum = maximum
        return param
    }

    /// `pattern` (string parameters: a regular expression values must match) and `min`/`max`
    /// (numeric parameters: the range values must fall in).
    mutating func loadConstraints(_ fields: Fields, name: String, type: ParamType, path: EntityPath)
        -> (Located<String>?, Located<Double>?, Located<Double>?) {
        var pattern: Located<String>?
        if let text = decoder.string(fields["pattern"], "pattern", path: path.appending("pattern")) {
            if type != .string {
                decoder.error("`pattern` applies to string parameters, and `\(name)` is \(type == .integer ? "an" : "a") \(type.rawValue)",
                              at: fields["pattern"]?.span, path: path.appending("pattern"), hint: "remove `pattern`, or use `min` and `max` for numbers")
            } else if (try? NSRegularExpression(pattern: text.value)) == nil {
                decoder.error("`pattern` is not a valid regular expression: `\(text.value)`", at: text.span, path: path.appending("pattern"),
                              hint: "write an RE2 regular expression, such as `^T-[0-9]+$`")
            } else {
                pattern = text
            }
        }
        func bound(_ key: String) -> Located<Double>? {
            guard let node = fields[key] else { return nil }
            let number: Double? = switch node.value {
            case .int(let i): Double(i)
            case .float(let d) where d.isFinite: d
            default: nil
            }
            guard let number else {
                decoder.error("`\(key)` must be a number, found \(node.kindDescription)", at: node.span, path: path.appending(key))
                return nil
            }
            guard type == .number || type == .integer else {
                decoder.error("`\(key)` applies to number and integer parameters, and `\(name)` is \(type == .items ? "items" : "a \(type.rawValue)")",
                              at: node.span, path: path.appending(key), hint: "remove `\(key)`, or use `values` or `pattern` for text")
                return nil
            }
            return Located(number, at: node.span)
        }
        let minimum = bound("min"), maximum = bound("max")
        if let minimum, let maximum, minimum.value > maximum.value {
            decoder.error("`min` (\(ParamValue.numberText(minimum.value))) is larger than `max` (\(ParamValue.numberText(maximum.value)))",
                          at: minimum.span, path: path.appending("min"), hint: "swap them")
            return (pattern, nil, nil)
        }
        return (pattern, minimum, maximum)
    }

    /// The prefixes `from` may start with, and what each reads.
    static let sourcePrefixes = ["builtin", "constant", "attribute", "query", "cookie"]

    /// `from`'s value as a source: `builtin:NAME`, `constant:VALUE`, `attribute:NAME`,
    /// `query:KEY`, `cookie:NAME`, or a dataLayer key path.
    mutating func parseSource(_ from: Located<String>, type: ParamType, path: EntityPath) -> ParamSource? {
        let text = from.value
        // The colon is searched among bytes (a Character search decodes grapheme clusters).
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")), Self.sourcePrefixes.contains(String(text[..<colon])) else {
            if Self.isDataLayerPath(text) { return .dataLayer(text) }
            decoder.error("`from` must be a dataLayer key path like `ecommerce.value`, or `builtin:`, `constant:`, `attribute:`, `query:` or `cookie:` and a name, found `\(text)`",
                          at: from.span, path: path, hint: "key paths are names separated by dots, without spaces")
            return nil
        }
        let kind = String(text[..<colon]), rest = String(text[text.index(after: colon)...])
        guard !rest.isEmpty else {
            decoder.error("`from: \(kind):` needs a name after the colon", at: from.span, path: path,
                          hint: kind == "constant" ? "write `constant:web`" : "write `\(kind):NAME`")
            return nil
        }
        switch kind {
        case "builtin":
            if let variable = BuiltinVariable(rawValue: rest) { return .builtin(variable) }
            let all = BuiltinVariable.allCases.map(\.rawValue)
            let near = Suggestion.nearest(to: rest, in: all)
            decoder.error("unknown built-in variable `\(rest)`" + (near.map { "; did you mean `builtin:\($0)`?" } ?? ""), at: from.span, path: path,
                          hint: near == nil ? "the built-in variables are " + all.joined(separator: ", ") : "write `builtin:\(near ?? "")`")
            return nil
        case "constant":
            let fits: Bool
            switch type {
            case .string: fits = true
            case .integer: fits = Int(rest) != nil
            case .number: fits = Double(rest) != nil
            case .boolean: fits = rest == "true" || rest == "false"
            case .items: fits = false
            }
            guard fits else {
                decoder.error("the constant `\(rest)` does not fit the parameter's type, \(type.rawValue)",
                              at: from.span, path: path, hint: "change the constant or the parameter's `type`")
                return nil
            }
            return .constant(rest)
        default:
            guard rest.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && !SafeText.isControl($0) && $0 != "{" && $0 != "}" }) else {
                decoder.error("`\(rest)` is not a valid \(kind) name: no spaces or braces", at: from.span, path: path)
                return nil
            }
            return kind == "attribute" ? .elementAttribute(rest) : kind == "query" ? .queryParameter(rest) : .cookie(rest)
        }
    }

    /// A dataLayer key path: non-empty segments separated by dots, no whitespace or braces.
    static func isDataLayerPath(_ text: String) -> Bool {
        // ASCII (nearly every key): one pass over the bytes.
        var atSegmentStart = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                if atSegmentStart { return false }
                atSegmentStart = true
            case 0x09...0x0D, 0x20, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return false
            case 0x80...:
                return isDataLayerPathScalars(text)
            default:
                atSegmentStart = false
            }
        }
        return !atSegmentStart
    }

    /// ``isDataLayerPath(_:)`` scalar by scalar, for text that is not ASCII.
    static func isDataLayerPathScalars(_ text: String) -> Bool {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy { scalar in
                !scalar.properties.isWhitespace && scalar != "{" && scalar != "}" && scalar != "\"" && scalar != "'"
            }
        }
    }
}
