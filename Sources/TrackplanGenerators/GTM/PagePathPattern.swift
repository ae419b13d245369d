import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Turns the page types an event fires on into one Page Path condition.
enum PagePathPattern {
    /// The regex for one page type's match.
    static func regex(_ match: PageMatch) -> String {
        switch match {
        case .path(let path): return "^" + PatternText.escapeRegex(path) + "$"
        case .pathPrefix(let prefix): return "^" + PatternText.escapeRegex(prefix)
        case .pathRegex(let regex): return regex
        }
    }

    /// The condition on `{{Page Path}}` for `matches`: EQUALS or STARTS_WITH for one literal
    /// match, otherwise one MATCH_REGEX with the alternatives grouped.
    static func condition(_ matches: [PageMatch]) -> JSONValue? {
        guard let first = matches.first else { return nil }
        if matches.count == 1 {
            switch first {
            case .path(let path): return GTMParameter.condition("EQUALS", GTMBuiltin.pagePath.name, path)
            case .pathPrefix(let prefix): return GTMParameter.condition("STARTS_WITH", GTMBuiltin.pagePath.name, prefix)
            case .pathRegex(let regex): return GTMParameter.condition("MATCH_REGEX", GTMBuiltin.pagePath.name, regex)
            }
        }
        let combined = matches.map { "(?:" + regex($0) + ")" }.joined(separator: "|")
        return GTMParameter.condition("MATCH_REGEX", GTMBuiltin.pagePath.name, combined)
    }
}
