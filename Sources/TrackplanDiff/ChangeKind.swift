import TrackplanCore

/// A kind of plan change, with a stable id, the level it is reported at and what it means.
public struct ChangeKind: Sendable, Equatable {
    /// The stable id (`param-type-changed`), as reports and `--explain` show it.
    public var id: String
    /// The level it is reported at (some kinds pick theirs per change, noted in the summary).
    public var level: ChangeLevel
    /// One line: what changed.
    public var summary: String
    /// Who it can break and why.
    public var rationale: String

    /// Its description as the reporters list rules.
    public var ruleDescription: RuleDescription {
        RuleDescription(id: id, severity: level.severity, summary: summary, rationale: rationale, triggering: [], nonTriggering: [])
    }
}

/// Every change kind `trackplan diff` reports, in the order `--explain` lists them.
public enum ChangeKinds {
    public static let eventAdded = ChangeKind(id: "event-added", level: .safe,
        summary: "An event was added.",
        rationale: "The GTM container gains a tag and a trigger; GA4 starts receiving the event once the site sends it.")
    public static let eventRemoved = ChangeKind(id: "event-removed", level: .breaking,
        summary: "An event was removed (safe when it was already deprecated).",
        rationale: "The container loses its tag, so what the site still pushes is dropped; GA4 reports, key events and BigQuery queries on the event stop receiving data.")
    public static let eventRenamed = ChangeKind(id: "event-renamed", level: .breaking,
        summary: "An event was renamed (`renamed_from`).",
        rationale: "GA4 rules are not retroactive: every report's time series splits at the rename, and queries on the old name stop matching. The notes give the GA4 rule and the SQL that keep the history.")
    public static let eventDeprecated = ChangeKind(id: "event-deprecated", level: .warning,
        summary: "An event was marked deprecated.",
        rationale: "Deprecated events are left out of the generated container: its tag stops firing at the next import.")
    public static let eventKindChanged = ChangeKind(id: "event-kind-changed", level: .warning,
        summary: "An event became a macro-conversion, or a micro-conversion.",
        rationale: "Funnel analyses and the documentation count it differently; whether GA4 counts it as a key event is reported separately.")
    public static let keyEventChanged = ChangeKind(id: "key-event-changed", level: .breaking,
        summary: "An event became a GA4 key event, or stopped being one.",
        rationale: "Key event counts, conversion rates and the Google Ads conversions imported from them change from the release on.")
    public static let eventStageChanged = ChangeKind(id: "event-stage-changed", level: .safe,
        summary: "An event moved to another funnel stage.",
        rationale: "Only the plan's documentation and funnel analyses change.")
    public static let eventPagesChanged = ChangeKind(id: "event-pages-changed", level: .warning,
        summary: "The page types an event fires on changed.",
        rationale: "The GTM trigger's page filter changes: the event starts or stops firing on some pages.")
    public static let eventTriggerChanged = ChangeKind(id: "event-trigger-changed", level: .warning,
        summary: "When an event fires changed (breaking when the data layer event name changed).",
        rationale: "The GTM trigger changes. When the dataLayer event name of a `custom` trigger changes, the site must push the new name or the event stops.")
    public static let paramAdded = ChangeKind(id: "param-added", level: .safe,
        summary: "A parameter was added (breaking when it is required).",
        rationale: "A required parameter is a new contract for the site's data layer pushes; an optional one only adds data.")
    public static let paramRemoved = ChangeKind(id: "param-removed", level: .breaking,
        summary: "A parameter was removed from an event.",
        rationale: "Its custom dimension stops receiving data for this event and BigQuery reads of it return NULL.")
    public static let paramRenamed = ChangeKind(id: "param-renamed", level: .breaking,
        summary: "A parameter was renamed (`renamed_from`).",
        rationale: "Custom dimensions and queries built on the old name stop receiving data; the notes give the migration.")
    public static let paramTypeChanged = ChangeKind(id: "param-type-changed", level: .breaking,
        summary: "A parameter's type changed.",
        rationale: "GA4's BigQuery export stores the value in another column (`string_value`, `int_value`, `double_value`): existing queries silently return NULL.")
    public static let paramRequiredChanged = ChangeKind(id: "param-required-changed", level: .warning,
        summary: "A parameter became required (breaking) or optional.",
        rationale: "Required is a contract with the site's pushes; an optional parameter may be missing, so reports and queries must allow NULL.")
    public static let paramValuesRemoved = ChangeKind(id: "param-values-removed", level: .breaking,
        summary: "Allowed values were removed from a parameter.",
        rationale: "The site must stop sending them, and report filters and queries on them stop matching new data.")
    public static let paramValuesAdded = ChangeKind(id: "param-values-added", level: .warning,
        summary: "Allowed values were added to a parameter, or its list of values was opened or closed.",
        rationale: "Filters, segments and `CASE` expressions that enumerate the values miss the new ones.")
    public static let paramSourceChanged = ChangeKind(id: "param-source-changed", level: .warning,
        summary: "Where a parameter's value comes from changed.",
        rationale: "The container reads another variable; for a data layer key, the site must push the new key.")
    public static let customDimensionRegistered = ChangeKind(id: "custom-dimension-registered", level: .safe,
        summary: "A custom dimension is to be registered in GA4.",
        rationale: "ga4-admin.json lists it; create it in Admin → Custom definitions (it uses one of the property's slots).")
    public static let customDimensionRemoved = ChangeKind(id: "custom-dimension-removed", level: .breaking,
        summary: "No event sends a custom dimension's parameter any more.",
        rationale: "The dimension stops receiving data; reports and explorations that use it go empty. Archive it to free its slot.")
    public static let customMetricRegistered = ChangeKind(id: "custom-metric-registered", level: .safe,
        summary: "A custom metric (a numeric parameter) is to be registered in GA4.",
        rationale: "ga4-admin.json lists it; create it in Admin → Custom definitions → Custom metrics with its unit.")
    public static let customMetricRemoved = ChangeKind(id: "custom-metric-removed", level: .breaking,
        summary: "No event sends a custom metric's numeric parameter any more.",
        rationale: "The metric stops receiving data; reports, explorations and audiences that sum or average it go empty.")
    public static let measurementIDChanged = ChangeKind(id: "measurement-id-changed", level: .breaking,
        summary: "The GA4 measurement id changed.",
        rationale: "Every event goes to another web stream: reports in the old property stop, and BigQuery rows arrive in another dataset.")
    public static let hostnamesChanged = ChangeKind(id: "hostnames-changed", level: .warning,
        summary: "The hostnames the plan's triggers are restricted to changed.",
        rationale: "Every GTM trigger fires on other hosts: production, staging or other domains start or stop sending events.")
    public static let consentChanged = ChangeKind(id: "consent-changed", level: .warning,
        summary: "The consent a tag requires changed (plan-wide, or for one event).",
        rationale: "Tags wait for other consent: GA4 receives more or fewer events from the release on, and consent mode models the rest.")
    public static let pageTypeAdded = ChangeKind(id: "page-type-added", level: .safe,
        summary: "A page type was added.",
        rationale: "Only the plan's documentation changes until events use it.")
    public static let pageTypeRemoved = ChangeKind(id: "page-type-removed", level: .warning,
        summary: "A page type was removed.",
        rationale: "Coverage by page type and the documentation change.")
    public static let pageTypeMatchChanged = ChangeKind(id: "page-type-match-changed", level: .warning,
        summary: "Which URLs a page type matches changed.",
        rationale: "The GTM triggers of its events fire on other pages, and captures are assigned to page types differently by `verify`.")
    public static let planDetailsChanged = ChangeKind(id: "plan-details-changed", level: .safe,
        summary: "Something only people read changed: a description, owner, signal, `leads_to`, a name, the stages or the conventions.",
        rationale: "Nothing downstream changes; the documentation and the GTM notes do.")
    public static let sideUnreadable = ChangeKind(id: "diff-incomplete", level: .breaking,
        summary: "A side of the diff has load errors; the diff covers only what loaded.",
        rationale: "Entities dropped for errors look removed or added; fix the errors for an exact diff.")

    /// Every kind, in order.
    public static let all: [ChangeKind] = [
        eventAdded, eventRemoved, eventRenamed, eventDeprecated, eventKindChanged, keyEventChanged, eventStageChanged,
        eventPagesChanged, eventTriggerChanged, paramAdded, paramRemoved, paramRenamed, paramTypeChanged,
        paramRequiredChanged, paramValuesRemoved, paramValuesAdded, paramSourceChanged, customDimensionRegistered,
        customDimensionRemoved, customMetricRegistered, customMetricRemoved, measurementIDChanged, hostnamesChanged, consentChanged, pageTypeAdded, pageTypeRemoved, pageTypeMatchChanged, planDetailsChanged,
        sideUnreadable,
    ]
}
