import Foundation
import TrackplanCore

/// Names from other tools made into names GA4 accepts: letters, digits and underscores,
/// starting with a letter, at most 40 characters, unique regardless of case.
public struct GA4Names: Sendable {
    /// A name as it came and as it is now.
    public struct Renaming: Sendable, Hashable {
        public var original: String
        public var name: String
        /// Why it was renamed (`not a GA4 name`, `same name as …, but for case`).
        public var reason: String
    }

    /// Names given so far, lowercased → the name given.
    private var taken: [String: String] = [:]

    /// No names yet.
    public init() {}

    /// Whether GA4 accepts `name` as an event or parameter name.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              name.utf8.count <= GA4Facts.maxEventNameLength else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// `text` in snake_case: percent-escapes decoded, words split at spaces, punctuation and
    /// lower-to-upper case changes, lowercased, joined with `_`; a leading digit gets `n_`
    /// before it, and the result is cut to 40 characters at a word boundary when it can be.
    public static func snakeCase(_ text: String) -> String {
        let decoded = text.contains("%") ? (text.removingPercentEncoding ?? text) : text
        var words: [String] = []
        var word = ""
        var previous: Unicode.Scalar?
        for c in decoded.unicodeScalars {
            let isLetterOrDigit = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))
            if !isLetterOrDigit {
                if !word.isEmpty { words.append(word); word = "" }
                previous = nil
                continue
            }
            if let p = previous, c.properties.isUppercase, p.properties.isLowercase {
                words.append(word); word = ""
            }
            word.unicodeScalars.append(c)
            previous = c
        }
        if !word.isEmpty { words.append(word) }
        var name = words.map { $0.lowercased() }.joined(separator: "_")
        if name.isEmpty { name = "unnamed" }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "n_" + name }
        if name.count > GA4Facts.maxEventNameLength {
            var cut = String(name.prefix(GA4Facts.maxEventNameLength))
            if let underscore = cut.lastIndex(of: "_"), cut.distance(from: cut.startIndex, to: underscore) >= 20 {
                cut = String(cut[..<underscore])
            }
            name = cut
        }
        return name
    }

    /// The name to use for `original`: itself when GA4 accepts it and no name taken so far differs
    /// from it only in case; otherwise a snake_case form made unique with `_2`, `_3`…
    public mutating func name(for original: String) -> (name: String, renaming: Renaming?) {
        var reason: String?
        var name = original
        if !Self.isValid(original) {
            name = Self.snakeCase(original)
            reason = "not a GA4 name"
        } else if let other = taken[original.lowercased()], other != original {
            name = Self.snakeCase(original)
            reason = "differs from `\(other)` only in case, which GA4 reports mix up"
        }
        if let other = taken[name.lowercased()], reason != nil || other == name {
            var n = 2
            let base = String(name.prefix(GA4Facts.maxEventNameLength - 3))
            while taken[(base + "_\(n)").lowercased()] != nil { n += 1 }
            reason = (reason.map { $0 + "; " } ?? "") + "`\(name)` was taken by `\(other)`"
            name = base + "_\(n)"
        }
        taken[name.lowercased()] = name
        return (name, reason.map { Renaming(original: original, name: name, reason: $0) })
    }
}
