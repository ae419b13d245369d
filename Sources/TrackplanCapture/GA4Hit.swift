import TrackplanCore

/// A GA4 `/g/collect` request (protocol `v=2`) split into its events: the query string holds the
/// parameters shared by every event, and a POST body holds one URL-encoded event per line
/// (`\r?\n`), whose values override the shared ones.
public struct GA4Hit: Sendable {
    /// The request's events, in order; each is the list of its decoded `key=value` pairs.
    public var events: [[(key: String, value: String)]]

    /// What a request is, as far as GA4 is concerned.
    public enum Kind: Sendable, Equatable {
        /// A GA4 hit (`/g/collect` with `v=2`).
        case ga4
        /// A Universal Analytics hit (`v=1`, `/collect`, `/j/collect`, `/r/collect`).
        case universalAnalytics
        /// Anything else (other pixels, scripts, pages).
        case other
    }

    /// Classifies a request by its URL.
    public static func kind(url: String) -> Kind {
        guard let pathStart = Self.pathStart(of: url) else { return .other }
        let pathAndQuery = url[pathStart...]
        let path = pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let isGoogle = url.contains("google-analytics.com") || url.contains("analytics.google.com")
            || url.contains("googletagmanager.com")
        if path.hasSuffix("/g/collect") {
            let query = Self.pairs(String(pathAndQuery.dropFirst(path.count).drop { $0 == "?" }))
            let version = query.first { $0.key == "v" }?.value
            if version == "2" || version == nil { return .ga4 }
            return .universalAnalytics
        }
        if isGoogle, path.hasSuffix("/collect") || path.hasSuffix("/j/collect") || path.hasSuffix("/r/collect") {
            return .universalAnalytics
        }
        return .other
    }

    /// Splits a GA4 request into events.
    public init(url: String, body: String?) {
        let queryText = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        let shared = Self.pairs(queryText)
        let lines = (body ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        if lines.isEmpty {
            events = [shared]
            return
        }
        events = lines.map { line in
            let own = Self.pairs(String(line))
            let overridden = Set(own.map(\.key))
            return shared.filter { !overridden.contains($0.key) } + own
        }
    }

    /// Where the path of `url` starts (after `scheme://host`), or nil when it has none.
    static func pathStart(of url: String) -> String.Index? {
        var rest = url[...]
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return rest.firstIndex(of: "/")
    }

    /// The decoded `key=value` pairs of a query string or form body, in order.
    public static func pairs(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (URLText.decode(parts[0]), parts.count > 1 ? URLText.decode(parts[1]) : "")
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

