import Foundation
import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// Finds the page types a page URL belongs to through the plan's `match` rules (`path`,
/// `path_prefix`, `path_regex` — a regex matches anywhere in the path unless anchored, as in
/// GTM). Results are cached per URL.
struct PageTypeResolver {
    private let rules: [(id: String, match: PageMatch, regex: NSRegularExpression?)]
    private var cache: [String: [String]] = [:]

    init(_ pageTypes: [PageTypeSpec]) {
        rules = pageTypes.map { pageType in
            var regex: NSRegularExpression?
            if case .pathRegex(let pattern) = pageType.match { regex = try? NSRegularExpression(pattern: pattern) }
            return (pageType.id, pageType.match, regex)
        }
    }

    /// The ids of the page types `url` matches, in plan order.
    mutating func pageTypes(of url: String) -> [String] {
        if let cached = cache[url] { return cached }
        let path = URLText.path(of: url)
        let result = rules.filter { rule in
            switch rule.match {
            case .path(let exact): return path == exact || path == exact + "/" && !exact.hasSuffix("/")
            case .pathPrefix(let prefix): return path.hasPrefix(prefix)
            case .pathRegex:
                guard let regex = rule.regex else { return false }
                return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            }
        }.map(\.id)
        if cache.count < 100_000 { cache[url] = result }
        return result
    }
}
