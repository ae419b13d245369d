import TrackplanCore
import TrackplanSpec

/// Compares two versions of a plan by meaning (positions are not compared) and says what each
/// change breaks downstream.
public struct PlanDiff: Sendable {
    /// The plan before.
    public var old: Plan
    /// The plan after.
    public var new: Plan

    /// A diff of `old` → `new`.
    public init(old: Plan, new: Plan) {
        self.old = old
        self.new = new
    }

    /// Every change: the measurement id, page types, events (new order, then removed ones in
    /// old order) with their parameters, then custom dimensions.
    public func changes() -> [PlanChange] {
        var out: [PlanChange] = []
        if old.measurementID?.value != new.measurementID?.value {
            out.append(change(ChangeKinds.measurementIDChanged, .key("ga4"),
                              "the measurement id changed from \(Self.code(old.measurementID?.value)) to \(Self.code(new.measurementID?.value))",
                              [.gtm, .ga4, .bigquery], span: new.measurementID?.span ?? old.measurementID?.span,
                              was: old.measurementID?.span,
                              notes: ["Events go to another web stream from the release on; compare old and new properties over the switch date."]))
        }
        let hostsBefore = old.hostnames.map(\.value), hostsAfter = new.hostnames.map(\.value)
        if Set(hostsBefore) != Set(hostsAfter) {
            out.append(change(ChangeKinds.hostnamesChanged, .key("hostnames"),
                              "the hostnames changed to \(hostsAfter.isEmpty ? "every host" : hostsAfter.map { "`\($0)`" }.joined(separator: ", ")) (was: \(hostsBefore.isEmpty ? "every host" : hostsBefore.map { "`\($0)`" }.joined(separator: ", ")))",
                              [.gtm], span: new.hostnames.first?.span ?? new.rootFile.map(SourceSpan.startOf), was: old.hostnames.first?.span,
                              notes: ["GTM: every trigger's Page Hostname filter changes; events stop or start firing on the hosts left out or added (staging, other domains)."]))
        }
        let consentBefore = Set(old.consent.required.map(\.value)), consentAfter = Set(new.consent.required.map(\.value))
        if consentBefore != consentAfter {
            out.append(change(ChangeKinds.consentChanged, EntityPath(["consent", "required"]),
                              "every tag now requires \(Self.consentList(consentAfter)) (was: \(Self.consentList(consentBefore)))",
                              [.gtm, .ga4], span: new.consent.span ?? new.rootFile.map(SourceSpan.startOf), was: old.consent.span,
                              notes: ["GA4: counts change from the release on as tags wait for other consent; compare periods with care."]))
        }
        out += planDetailChanges()
        out += pageTypeChanges()
        out += eventChanges()
        out += dimensionChanges()
        return out
    }

    // MARK: Details only people read

    /// The plan's name, description, stages and conventions.
    func planDetailChanges() -> [PlanChange] {
        var fields: [String] = []
        if old.name != new.name { fields.append("`name`") }
        if old.description != new.description { fields.append("`description`") }
        if old.stages != new.stages { fields.append("`stages`") }
        if old.conventions != new.conventions { fields.append("`conventions`") }
        if old.gtmPublicID?.value != new.gtmPublicID?.value { fields.append("`gtm.public_id`") }
        guard !fields.isEmpty else { return [] }
        return [change(ChangeKinds.planDetailsChanged, .root, "the plan's " + fields.joined(separator: ", ") + " changed", [],
                       span: new.rootFile.map(SourceSpan.startOf))]
    }

    /// A change for the documentation-only `fields` of an entity, when there are any.
    func details(_ fields: [String], of what: String, _ path: EntityPath, span: SourceSpan?, was: SourceSpan?) -> [PlanChange] {
        guard !fields.isEmpty else { return [] }
        return [change(ChangeKinds.planDetailsChanged, path, "\(what): " + fields.joined(separator: ", ") + " changed", [],
                       span: span, was: was)]
    }

    // MARK: Page types

    func pageTypeChanges() -> [PlanChange] {
        var out: [PlanChange] = []
        for pageType in new.pageTypes {
            guard let before = old.pageType(pageType.id) else {
                out.append(change(ChangeKinds.pageTypeAdded, pageType.path, "page type `\(pageType.id)` was added", [], span: pageType.span))
                continue
            }
            var fields: [String] = []
            if before.name != pageType.name { fields.append("`name`") }
            if before.description != pageType.description { fields.append("`description`") }
            if before.macro?.value != pageType.macro?.value { fields.append("`macro`") }
            out += details(fields, of: "page type `\(pageType.id)`", pageType.path, span: pageType.span, was: before.span)
            if before.match.value != pageType.match.value {
                out.append(change(ChangeKinds.pageTypeMatchChanged, pageType.path.appending("match"),
                                  "page type `\(pageType.id)` now matches \(Self.describe(pageType.match.value)) (was: \(Self.describe(before.match.value)))",
                                  [.gtm], span: pageType.match.span, was: before.match.span))
            }
        }
        for pageType in old.pageTypes where new.pageType(pageType.id) == nil {
            out.append(change(ChangeKinds.pageTypeRemoved, pageType.path, "page type `\(pageType.id)` was removed", [.gtm], span: pageType.span))
        }
        return out
    }

    // MARK: Events

    func eventChanges() -> [PlanChange] {
        var out: [PlanChange] = []
        var matchedOld: Set<String> = []
        var added: [Event] = []
        for event in new.events {
            if let before = old.event(event.name) {
                matchedOld.insert(before.name)
                out += compare(before, event)
            } else if let previous = event.renamedFrom?.value, let before = old.event(previous), new.event(previous) == nil {
                matchedOld.insert(before.name)
                // The site is concerned only when the data layer event it pushes changes name.
                let pushed = Self.pushedName(event), pushedBefore = Self.pushedName(before)
                let sitePushes = pushed != nil && pushed != pushedBefore
                var notes = [
                    "GA4: to keep one series, add a rule in Admin → Events → Modify event: `event_name` equals `\(previous)` → set `event_name` to `\(event.name)` (rules apply from their creation on, not to past data).",
                    "BigQuery: `WHERE event_name IN ('\(previous)', '\(event.name)')` keeps the history.",
                ]
                if sitePushes, let pushed { notes.append("Site: push `\(pushed)`" + (pushedBefore.map { " instead of `\($0)`" } ?? "") + ".") }
                out.append(change(ChangeKinds.eventRenamed, event.path, "event `\(previous)` was renamed to `\(event.name)`",
                                  (sitePushes ? [.dataLayer] : []) + [.gtm, .ga4, .bigquery], span: event.span, was: before.span,
                                  notes: notes))
                out += compare(before, event)
            } else {
                added.append(event)
                out.append(change(ChangeKinds.eventAdded, event.path, "event `\(event.name)` was added", [.gtm, .ga4], span: event.span))
            }
        }
        for before in old.events where !matchedOld.contains(before.name) {
            let wasDeprecated = before.status == .deprecated
            var notes: [String] = []
            if let successor = added.first(where: { Self.sameShape($0, before) }) {
                notes.append("If `\(before.name)` was renamed to `\(successor.name)`, add `renamed_from: \(before.name)` to `\(successor.name)` so the diff reviews it as a rename, with migration notes.")
            }
            if !wasDeprecated {
                notes.append("Deprecate it first (`status: deprecated`) to give reports and queries a transition period.")
            }
            out.append(change(ChangeKinds.eventRemoved, before.path,
                              "event `\(before.name)` was removed" + (wasDeprecated ? " (it was deprecated)" : ""),
                              wasDeprecated ? [] : [.dataLayer, .gtm, .ga4, .bigquery], level: wasDeprecated ? .safe : nil,
                              span: before.span, notes: notes))
        }
        return out
    }

    /// Whether two events look like one renamed: same parameters (names and types) and trigger.
    static func sameShape(_ a: Event, _ b: Event) -> Bool {
        a.params.map { "\($0.name):\($0.type.rawValue)" } == b.params.map { "\($0.name):\($0.type.rawValue)" }
            && Self.triggerShape(a) == Self.triggerShape(b)
    }

    /// A trigger compared for renames: a default `custom` trigger is named after its event.
    static func triggerShape(_ event: Event) -> String {
        if case .custom(let name) = event.trigger.value, name == event.name { return "custom(self)" }
        return "\(event.trigger.value)"
    }

    func compare(_ before: Event, _ after: Event) -> [PlanChange] {
        var out: [PlanChange] = []
        let path = after.path
        let name = "`\(after.name)`"
        if before.status != .deprecated, after.status == .deprecated {
            out.append(change(ChangeKinds.eventDeprecated, path.appending("status"),
                              "event \(name) is now deprecated; its tag is left out of the container", [.gtm, .ga4],
                              span: after.span, was: before.span))
        } else if before.status == .deprecated, after.status != .deprecated {
            out.append(change(ChangeKinds.eventAdded, path.appending("status"),
                              "event \(name) is no longer deprecated; its tag is generated again", [.gtm, .ga4],
                              span: after.span, was: before.span))
        }
        if before.kind != after.kind {
            out.append(change(ChangeKinds.eventKindChanged, path.appending("kind"),
                              "event \(name) changed from a \(Self.kindWord(before.kind)) to a \(Self.kindWord(after.kind))",
                              [.ga4], span: after.span, was: before.span))
        }
        if before.keyEvent != after.keyEvent {
            out.append(change(ChangeKinds.keyEventChanged, path.appending("key_event"),
                              after.keyEvent ? "event \(name) is now a GA4 key event" : "event \(name) is no longer a GA4 key event",
                              [.ga4], span: after.span, was: before.span,
                              notes: ["GA4: \(after.keyEvent ? "mark" : "unmark") it in Admin → Events (ga4-admin.json lists the key events); key event counts and Google Ads conversions imported from it change from then on, not for past data."]))
        }
        if before.keyEvent, after.keyEvent, before.keyEventCounting != after.keyEventCounting {
            out.append(change(ChangeKinds.keyEventChanged, path.appending("key_event_counting"),
                              "event \(name) is now counted \(after.keyEventCounting.words) as a key event (was: \(before.keyEventCounting.words))",
                              [.ga4], span: after.span, was: before.span,
                              notes: ["GA4: change its counting method in Admin → Events; key event counts change from then on, not for past data."]))
        }
        if Set(before.consent.map(\.value)) != Set(after.consent.map(\.value)) {
            out.append(change(ChangeKinds.consentChanged, path.appending("consent"),
                              "event \(name) now requires \(Self.consentList(Set(after.consent.map(\.value)))) besides the plan's consent (was: \(Self.consentList(Set(before.consent.map(\.value)))))",
                              [.gtm, .ga4], span: after.consent.first?.span ?? after.span, was: before.consent.first?.span ?? before.span))
        }
        if before.stage?.value != after.stage?.value {
            out.append(change(ChangeKinds.eventStageChanged, path.appending("stage"),
                              "event \(name) moved from stage \(Self.code(before.stage?.value)) to \(Self.code(after.stage?.value))",
                              [], span: after.stage?.span ?? after.span, was: before.stage?.span))
        }
        var fields: [String] = []
        if before.description != after.description { fields.append("`description`") }
        if before.owner != after.owner { fields.append("`owner`") }
        if before.signal != after.signal { fields.append("`signal`") }
        if before.negative != after.negative { fields.append("`negative`") }
        if before.leadsTo?.value != after.leadsTo?.value { fields.append("`leads_to`") }
        if before.status != after.status, before.status != .deprecated, after.status != .deprecated { fields.append("`status`") }
        if before.suppressions != after.suppressions { fields.append("`suppress`") }
        let paramFields = after.params.compactMap { param -> String? in
            guard let previous = before.params.first(where: { $0.name == param.name || $0.name == param.renamedFrom?.value }),
                  previous.description != param.description else { return nil }
            return "the description of `\(param.name)`"
        }
        out += details(fields + paramFields, of: "event \(name)", path, span: after.span, was: before.span)
        // Page types compare as a set: their order means nothing.
        if before.pages.map({ Set($0.map(\.value)) }) != after.pages.map({ Set($0.map(\.value)) }) {
            out.append(change(ChangeKinds.eventPagesChanged, path.appending("pages"),
                              "event \(name) now fires on \(Self.pages(after.pages)) (was: \(Self.pages(before.pages)))",
                              [.gtm], span: after.pages?.first?.span ?? after.span, was: before.pages?.first?.span))
        }
        if Self.triggerShape(before) != Self.triggerShape(after), before.name == after.name || Self.pushedName(before) == nil
            || Self.pushedName(after) == nil {
            var level: ChangeLevel? = nil
            var consumers: [Consumer] = [.gtm]
            var notes: [String] = []
            let oldPush = Self.pushedName(before), newPush = Self.pushedName(after)
            if let newPush, newPush != oldPush {
                level = .breaking
                consumers = [.dataLayer, .gtm]
                notes.append("Site: push `\(newPush)` to the data layer" + (oldPush.map { " instead of `\($0)`" } ?? "") + ".")
            }
            out.append(change(ChangeKinds.eventTriggerChanged, path.appending("trigger"),
                              "the trigger of \(name) changed from \(Self.describe(before.trigger.value)) to \(Self.describe(after.trigger.value))",
                              consumers, level: level, span: after.trigger.span ?? after.span, was: before.trigger.span, notes: notes))
        }
        out += paramChanges(before, after)
        return out
    }

    /// The dataLayer event name the site pushes for `event`, for `custom` triggers.
    static func pushedName(_ event: Event) -> String? {
        if case .custom(let name) = event.trigger.value { return name }
        return nil
    }

    // MARK: Parameters

    func paramChanges(_ before: Event, _ after: Event) -> [PlanChange] {
        var out: [PlanChange] = []
        var matched: Set<String> = []
        var added: [Param] = []
        let event = "`\(after.name)`"
        for param in after.params {
            let path = after.path.param(param.name)
            if let previous = before.params.first(where: { $0.name == param.name }) {
                matched.insert(previous.name)
                out += compare(previous, param, in: after)
            } else if let oldName = param.renamedFrom?.value, let previous = before.params.first(where: { $0.name == oldName }),
                      !after.params.contains(where: { $0.name == oldName }) {
                matched.insert(previous.name)
                out.append(change(ChangeKinds.paramRenamed, path, "parameter `\(oldName)` of \(event) was renamed to `\(param.name)`",
                                  [.dataLayer, .gtm, .ga4, .bigquery], span: param.span, was: previous.span,
                                  notes: [
                                    "GA4: register a custom dimension for `\(param.name)`; the one for `\(oldName)` keeps only past data.",
                                    "BigQuery: `(SELECT \(Self.column(param.type)) FROM UNNEST(event_params) WHERE key IN ('\(oldName)', '\(param.name)'))` reads both.",
                                  ]))
                out += compare(previous, param, in: after)
            } else {
                added.append(param)
                let description = "\(param.required ? "required" : "optional") parameter `\(param.name)` (\(param.type.rawValue))"
                out.append(change(ChangeKinds.paramAdded, path, "event \(event) gained \(param.required ? "a" : "an") \(description)",
                                  param.required ? [.dataLayer, .gtm, .ga4] : [.gtm, .ga4], level: param.required ? .breaking : nil,
                                  span: param.span,
                                  notes: param.required ? ["Site: every push of `\(after.name)` must carry `\(param.name)`."] : []))
            }
        }
        for previous in before.params where !matched.contains(previous.name) {
            var notes = ["BigQuery: reads of `\(previous.name)` on `\(after.name)` return NULL for new data."]
            if let successor = added.first(where: { $0.type == previous.type }), added.count == 1 {
                notes.insert("If `\(previous.name)` was renamed to `\(successor.name)`, add `renamed_from: \(previous.name)` to it so the diff reviews it as a rename.", at: 0)
            }
            out.append(change(ChangeKinds.paramRemoved, before.path.param(previous.name),
                              "parameter `\(previous.name)` was removed from \(event)", [.gtm, .ga4, .bigquery],
                              span: previous.span, notes: notes))
        }
        return out
    }

    func compare(_ before: Param, _ after: Param, in event: Event) -> [PlanChange] {
        var out: [PlanChange] = []
        let path = event.path.param(after.name)
        let what = "parameter `\(after.name)` of `\(event.name)`"
        if before.type != after.type {
            out.append(change(ChangeKinds.paramTypeChanged, path.appending("type"),
                              "\(what) changed type from \(before.type.rawValue) to \(after.type.rawValue)",
                              [.dataLayer, .ga4, .bigquery], span: after.span, was: before.span,
                              notes: [
                                before.type == .items || after.type == .items
                                    ? "BigQuery: GA4 exports items in the top-level `items` column, not in `event_params`; queries reading one find nothing in the other."
                                    : "BigQuery: its values move from `\(Self.column(before.type))` to `\(Self.column(after.type))`; queries reading the old column return NULL for new data. Read both with `(SELECT \(Self.migration(to: after.type)) FROM UNNEST(event_params) WHERE key = '\(after.name)')`.",
                                "Site: push \(Self.article(after.type)) for `\(after.name)`.",
                              ]))
        }
        if before.required != after.required {
            out.append(change(ChangeKinds.paramRequiredChanged, path.appending("required"),
                              after.required ? "\(what) is now required" : "\(what) is now optional",
                              after.required ? [.dataLayer] : [.ga4, .bigquery], level: after.required ? .breaking : nil,
                              span: after.span, was: before.span,
                              notes: after.required ? ["Site: every push of `\(event.name)` must carry `\(after.name)`."]
                                  : ["Reports and queries must allow it to be missing (NULL)."]))
        }
        let oldValues = before.values?.map(\.value), newValues = after.values?.map(\.value)
        switch (oldValues, newValues) {
        case let (oldList?, newList?):
            let removed = oldList.filter { !newList.contains($0) }, added = newList.filter { !oldList.contains($0) }
            if !removed.isEmpty {
                out.append(change(ChangeKinds.paramValuesRemoved, path.appending("values"),
                                  "\(what) no longer allows \(Self.list(removed))", [.dataLayer, .ga4, .bigquery],
                                  span: after.values?.first?.span ?? after.span, was: before.values?.first?.span,
                                  notes: ["Site: stop sending \(Self.list(removed)). Reports and queries filtering on \(removed.count == 1 ? "it" : "them") stop matching new data."]))
            }
            if !added.isEmpty {
                out.append(change(ChangeKinds.paramValuesAdded, path.appending("values"),
                                  "\(what) now also allows \(Self.list(added))", [.ga4, .bigquery],
                                  span: after.values?.first?.span ?? after.span, was: before.values?.first?.span,
                                  notes: ["Filters, segments and `CASE` expressions that list the values should add \(Self.list(added))."]))
            }
        case (nil, let newList?):
            out.append(change(ChangeKinds.paramValuesRemoved, path.appending("values"),
                              "\(what) now allows only \(Self.list(newList)) (was: any value)", [.dataLayer],
                              span: after.values?.first?.span ?? after.span, was: before.span,
                              notes: ["Site: send only these values."]))
        case (let oldList?, nil):
            out.append(change(ChangeKinds.paramValuesAdded, path.appending("values"),
                              "\(what) now allows any value (was: \(Self.list(oldList)))", [.ga4, .bigquery],
                              span: after.span, was: before.values?.first?.span,
                              notes: ["Filters and `CASE` expressions that list the values no longer cover them all."]))
        case (nil, nil):
            break
        }
        let oldRule = Self.constraint(before), newRule = Self.constraint(after)
        if oldRule != newRule {
            let loosened = newRule == nil
            out.append(change(loosened ? ChangeKinds.paramValuesAdded : ChangeKinds.paramValuesRemoved, path.appending(after.pattern != nil || before.pattern != nil ? "pattern" : "min"),
                              "\(what) " + (newRule.map { "now allows only \($0)" } ?? "now allows any value") + " (was: " + (oldRule.map { "only \($0)" } ?? "any value") + ")",
                              loosened ? [.ga4, .bigquery] : [.dataLayer],
                              span: after.pattern?.span ?? after.minimum?.span ?? after.maximum?.span ?? after.span,
                              was: before.pattern?.span ?? before.minimum?.span ?? before.maximum?.span ?? before.span,
                              notes: [loosened ? "Reports and queries that relied on the rule may meet other values." : "Site: send only values that fit; others are reported by `trackplan verify`."]))
        }
        // A parameter's default source is the data layer key of its own name: a rename moves it
        // along, which the rename already says.
        let defaultBefore = before.source == .dataLayer(before.name), defaultAfter = after.source == .dataLayer(after.name)
        if before.source != after.source, !(defaultBefore && defaultAfter) {
            let dataLayer: Bool = { if case .dataLayer = after.source { true } else { false } }()
            out.append(change(ChangeKinds.paramSourceChanged, path.appending("from"),
                              "\(what) now comes from \(Self.describe(after.source)) (was: \(Self.describe(before.source)))",
                              dataLayer ? [.dataLayer, .gtm] : [.gtm], span: after.span, was: before.span,
                              notes: dataLayer ? ["Site: push the value under \(Self.describe(after.source))."] : []))
        }
        return out
    }

    // MARK: Custom dimensions and metrics

    func dimensionChanges() -> [PlanChange] {
        let specBefore = MeasurementSpec(plan: old), specAfter = MeasurementSpec(plan: new)
        // An event parameter and a user property of the same name are two definitions in GA4.
        func key(_ dimension: CustomDimension) -> String { dimension.scope + ":" + dimension.parameterName }
        let beforeKeys = Set(specBefore.customDimensions.map(key)), afterKeys = Set(specAfter.customDimensions.map(key))
        var out: [PlanChange] = []
        for dimension in specAfter.customDimensions where !beforeKeys.contains(key(dimension)) {
            let isUser = dimension.scope == "USER"
            let origin = isUser ? "a user property" : "sent by \(Self.list(dimension.events.map(ParamValue.string)))"
            out.append(change(ChangeKinds.customDimensionRegistered, .key("ga4").appending(isUser ? "user_dimensions" : "custom_dimensions", dimension.parameterName),
                              "custom dimension `\(dimension.parameterName)` is to be registered (\(origin))",
                              [.ga4], span: Self.declaration(of: dimension.parameterName, userProperty: isUser, sentBy: dimension.events, in: new),
                              notes: ["GA4: create it in Admin → Custom definitions, scope \(isUser ? "User, user property" : "Event, parameter") `\(dimension.parameterName)`."]))
        }
        for dimension in specBefore.customDimensions where !afterKeys.contains(key(dimension)) {
            let isUser = dimension.scope == "USER"
            let reason = isUser ? "the plan no longer sets user property `\(dimension.parameterName)`"
                : "no event sends `\(dimension.parameterName)`"
            out.append(change(ChangeKinds.customDimensionRemoved, .key("ga4").appending(isUser ? "user_dimensions" : "custom_dimensions", dimension.parameterName),
                              "custom dimension `\(dimension.parameterName)` no longer receives data: \(reason)",
                              [.ga4], span: Self.declaration(of: dimension.parameterName, userProperty: isUser, sentBy: dimension.events, in: old),
                              notes: ["GA4: archive it in Admin → Custom definitions to free its slot once reports no longer need it."]))
        }
        let metricNamesBefore = Set(specBefore.customMetrics.map(\.parameterName)), metricNamesAfter = Set(specAfter.customMetrics.map(\.parameterName))
        for metric in specAfter.customMetrics where !metricNamesBefore.contains(metric.parameterName) {
            out.append(change(ChangeKinds.customMetricRegistered, .key("ga4").appending("custom_metrics", metric.parameterName),
                              "custom metric `\(metric.parameterName)` (\(metric.measurementUnit.lowercased())) is to be registered" + (metric.events.isEmpty ? "" : " (sent by \(Self.list(metric.events.map(ParamValue.string))))"),
                              [.ga4], span: Self.declaration(of: metric.parameterName, sentBy: metric.events, in: new),
                              notes: ["GA4: create it in Admin → Custom definitions → Custom metrics, scope Event, unit \(metric.measurementUnit)."]))
        }
        for metric in specBefore.customMetrics where !metricNamesAfter.contains(metric.parameterName) {
            out.append(change(ChangeKinds.customMetricRemoved, .key("ga4").appending("custom_metrics", metric.parameterName),
                              "custom metric `\(metric.parameterName)` no longer receives data: no event sends `\(metric.parameterName)` as a number",
                              [.ga4], span: Self.declaration(of: metric.parameterName, sentBy: metric.events, in: old),
                              notes: ["GA4: archive it in Admin → Custom definitions once reports no longer need it."]))
        }
        return out
    }

    /// Where a custom definition's data comes from in `plan`: the user property, or the parameter
    /// in the first event that sends it (the event itself when the parameter has no span).
    static func declaration(of name: String, userProperty: Bool = false, sentBy events: [String], in plan: Plan) -> SourceSpan? {
        if userProperty { return plan.userProperties.first { $0.name == name }?.span }
        let sender = events.first.flatMap { plan.event($0) }
        return sender?.params.first { $0.name == name }?.span ?? sender?.span
    }

    // MARK: Helpers

    func change(_ kind: ChangeKind, _ subject: EntityPath, _ message: String, _ consumers: [Consumer],
                level: ChangeLevel? = nil, span: SourceSpan?, was: SourceSpan? = nil, notes: [String] = []) -> PlanChange {
        var related: [Diagnostic.Related] = []
        if let was, was != span { related.append(.init("before", at: was)) }
        return PlanChange(kind: kind, level: level ?? kind.level, subject: subject, message: message,
                          consumers: consumers.sorted(), notes: notes, span: span, related: related)
    }

    static func code(_ text: String?) -> String { text.map { "`\($0)`" } ?? "none" }

    /// Consent types in their fixed order, or "no consent".
    static func consentList(_ types: Set<ConsentType>) -> String {
        let ordered = ConsentType.allCases.filter(types.contains)
        return ordered.isEmpty ? "no consent" : ordered.map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }

    static func kindWord(_ kind: EventKind) -> String { kind == .macro ? "macro-conversion" : "micro-conversion" }

    static func pages(_ pages: [Located<String>]?) -> String {
        guard let pages else { return "every page" }
        return pages.isEmpty ? "no page" : pages.map { "`\($0.value)`" }.joined(separator: ", ")
    }

    /// A parameter's pattern and range, as a diff states them: "values matching `^T-`",
    /// "values from 0 to 10".
    static func constraint(_ param: Param) -> String? {
        if let pattern = param.pattern { return "values matching `\(pattern.value)`" }
        switch (param.minimum?.value, param.maximum?.value) {
        case let (low?, high?): return "values from \(ParamValue.numberText(low)) to \(ParamValue.numberText(high))"
        case let (low?, nil): return "values of at least \(ParamValue.numberText(low))"
        case let (nil, high?): return "values of at most \(ParamValue.numberText(high))"
        case (nil, nil): return nil
        }
    }

    static func list(_ values: [ParamValue]) -> String {
        values.map { "`\($0.text)`" }.joined(separator: ", ")
    }

    static func describe(_ match: PageMatch) -> String { "\(match.key) `\(match.pattern)`" }

    static func describe(_ source: ParamSource) -> String {
        switch source {
        case .dataLayer(let key): "dataLayer key `\(key)`"
        case .builtin(let variable): "built-in `\(variable.gtmName)`"
        case .constant(let value): "the constant `\(value)`"
        case .elementAttribute(let name): "the element attribute `\(name)`"
        case .queryParameter(let key): "the URL query parameter `\(key)`"
        case .cookie(let name): "the cookie `\(name)`"
        }
    }

    static func describe(_ trigger: Trigger) -> String {
        switch trigger {
        case .click(let selector): "a click on `\(selector)`"
        case .linkClick(.urlContains(let text)): "a click on a link whose URL contains `\(text)`"
        case .linkClick(.urlRegex(let regex)): "a click on a link whose URL matches `\(regex)`"
        case .linkClick(.selector(let selector)): "a click on a link matching `\(selector)`"
        case .formSubmit(.formID(let id), let check): "the submission of form `#\(id)`" + (check ? "" : " (also when invalid)")
        case .formSubmit(.selector(let selector), let check): "the submission of form `\(selector)`" + (check ? "" : " (also when invalid)")
        case .scroll(let percents): "scrolling past " + percents.map { "\($0)%" }.joined(separator: ", ")
        case .video(let percents, let start, let complete):
            "video progress " + ((start ? ["start"] : []) + percents.map { "\($0)%" } + (complete ? ["complete"] : [])).joined(separator: ", ")
        case .timer(let seconds): "\(seconds) seconds on the page"
        case .visible(let selector, let percent): "`\(selector)` becoming \(percent)% visible"
        case .pageView: "a page view"
        case .custom(let event): "the data layer event `\(event)`"
        }
    }

    /// The BigQuery export column that holds values of `type`.
    static func column(_ type: ParamType) -> String {
        switch type {
        case .string, .boolean: "value.string_value"
        case .integer: "value.int_value"
        case .number: "value.double_value"
        case .items: "items"
        }
    }

    /// An expression reading a value of `type` from whichever column it was stored in.
    static func migration(to type: ParamType) -> String {
        switch type {
        case .string, .boolean: "COALESCE(value.string_value, CAST(value.int_value AS STRING), CAST(value.double_value AS STRING))"
        case .integer: "COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64), CAST(value.double_value AS INT64))"
        case .number: "COALESCE(value.double_value, CAST(value.int_value AS FLOAT64), SAFE_CAST(value.string_value AS FLOAT64))"
        case .items: "items"
        }
    }

    static func article(_ type: ParamType) -> String {
        switch type {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .items: "an array of items"
        }
    }
}
