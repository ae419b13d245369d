import Foundation
import TrackplanCore

/// Finds the page types a page URL belongs to through the plan's `match` rules: `path` (exact,
/// a trailing slash allowed), `path_prefix`, `path_regex` (matching anywhere in the path unless
/// anchored, as GTM's "matches RegEx" does). Results are cached per URL.
public struct PageTypeMatcher: @unchecked Sendable {
    private let rules: [(match: PageMatch, regex: NSRegularExpression?)]
    private var cache: [String: [Int]] = [:]
    /// The page types matched, in plan order.
    public let pageTypes: [PageTypeSpec]

    /// A matcher of `pageTypes`.
    public init(_ pageTypes: [PageTypeSpec]) {
        self.pageTypes = pageTypes
        rules = pageTypes.map { pageType in
            var regex: NSRegularExpression?
            if case .pathRegex(let pattern) = pageType.match { regex = try? NSRegularExpression(pattern: pattern) }
            return (pageType.match, regex)
        }
    }

    /// The indices (in ``pageTypes``) of the page types `url` matches, in plan order.
    public mutating func indices(of url: String) -> [Int] {
        if let cached = cache[url] { return cached }
        let path = URLText.path(of: url)
        let result = rules.indices.filter { i in
            switch rules[i].match {
            case .path(let exact): return path == exact || path == exact + "/" && !exact.hasSuffix("/")
            case .pathPrefix(let prefix): return path.hasPrefix(prefix)
            case .pathRegex:
                guard let regex = rules[i].regex else { return false }
                return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            }
        }
        if cache.count < 100_000 { cache[url] = result }
        return result
    }

    /// The ids of the page types `url` matches, in plan order.
    public mutating func ids(of url: String) -> [String] { indices(of: url).map { pageTypes[$0].id } }
}
