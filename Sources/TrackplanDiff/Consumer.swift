import TrackplanCore

/// Who a plan change can break downstream.
public enum Consumer: String, Sendable, CaseIterable, Comparable {
    /// The site's code that pushes events and values to `window.dataLayer`.
    case dataLayer = "data-layer"
    /// The Google Tag Manager container generated from the plan.
    case gtm
    /// GA4: reports, explorations, key events, custom definitions, Ads conversions imported from them.
    case ga4
    /// Queries over the GA4 BigQuery export.
    case bigquery

    /// The heading used for its table.
    public var title: String {
        switch self {
        case .dataLayer: "Site data layer"
        case .gtm: "GTM container"
        case .ga4: "GA4 reports and key events"
        case .bigquery: "BigQuery queries"
        }
    }

    public static func < (lhs: Consumer, rhs: Consumer) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How much a change matters to those downstream.
public enum ChangeLevel: String, Sendable, CaseIterable, Comparable {
    /// Nothing downstream needs to change.
    case safe
    /// Something downstream may need a look (a trigger moved, values were added).
    case warning
    /// Something downstream stops working or silently changes meaning unless it is migrated.
    case breaking

    /// The diagnostic severity the level is reported at.
    public var severity: Severity {
        switch self {
        case .safe: .info
        case .warning: .warning
        case .breaking: .error
        }
    }

    public static func < (lhs: ChangeLevel, rhs: ChangeLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
