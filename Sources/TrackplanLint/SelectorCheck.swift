import Foundation
import TrackplanCore
import TrackplanFormat

/// A structural check of CSS selectors: what a browser's `querySelector` would reject.
///
/// It checks balanced brackets, parentheses and quotes, that combinators (`>`, `+`, `~`, `,`)
/// sit between two compound selectors, and that `#`, `.` and `[` are followed by a name.
/// It does not know every pseudo-class; it finds the mistakes people make in plans.
public enum SelectorCheck {
    /// Why `selector` is not a valid CSS selector, or nil when it is.
    public static func problem(_ selector: String) -> String? {
        let s = Array(selector.unicodeScalars)
        if selector.allSatisfy(\.isWhitespace) { return "the selector is empty" }
        var i = 0
        var haveCompound = false       // a compound selector since the last combinator
        var pendingCombinator: Unicode.Scalar?
        func isName(_ c: Unicode.Scalar) -> Bool {
            NameWords.isLetter(c) || NameWords.isDigit(c) || c == "-" || c == "_" || c.value > 0x7F || c == "\\"
        }
        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t", "\n":
                i += 1
            case ">", "+", "~", ",":
                if !haveCompound {
                    if c == "," { return "there is an empty selector before `,`" }
                    if let previous = pendingCombinator {
                        return "`\(previous)` is followed by `\(c)` with no selector between them"
                    }
                    if c != "," && pendingCombinator == nil && i == firstNonSpace(s) {
                        return "the selector starts with the combinator `\(c)`"
                    }
                }
                if pendingCombinator != nil && !haveCompound { return "two combinators in a row" }
                pendingCombinator = c
                haveCompound = false
                i += 1
            case "[":
                guard let close = matching(s, from: i, open: "[", close: "]") else { return "`[` is not closed with `]`" }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<close])).trimmingCharacters(in: .whitespaces)
                guard let first = inner.unicodeScalars.first, isName(first) || first == "*" || first == "|" else {
                    return "the attribute selector `[\(inner)]` has no attribute name"
                }
                haveCompound = true; pendingCombinator = nil
                i = close + 1
            case "(":
                return "`(` appears outside a pseudo-class such as `:not(…)`"
            case "]", ")":
                return "`\(c)` has no matching opening bracket"
            case "\"", "'":
                return "a quote appears outside an attribute selector"
            case "#", ".":
                guard i + 1 < s.count, isName(s[i + 1]) else { return "`\(c)` must be followed by a name" }
                i += 1
                while i < s.count, isName(s[i]) { i += s[i] == "\\" ? 2 : 1 }
                haveCompound = true; pendingCombinator = nil
            case ":":
                i += 1
                if i < s.count, s[i] == ":" { i += 1 }
                guard i < s.count, isName(s[i]) else { return "`:` must be followed by a pseudo-class name" }
                while i < s.count, isName(s[i]) { i += 1 }
                if i < s.count, s[i] == "(" {
                    guard let close = matching(s, from: i, open: "(", close: ")") else { return "`(` is not closed with `)`" }
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    if inner.allSatisfy(\.isWhitespace) { return "a pseudo-class has empty parentheses" }
                    i = close + 1
                }
                haveCompound = true; pendingCombinator = nil
            case "*":
                i += 1
                haveCompound = true; pendingCombinator = nil
            default:
                guard isName(c) else { return "`\(c)` cannot appear here in a CSS selector" }
                while i < s.count, isName(s[i]) { i += s[i] == "\\" ? 2 : 1 }
                haveCompound = true; pendingCombinator = nil
            }
        }
        if let pendingCombinator, !haveCompound { return "the selector ends with `\(pendingCombinator)`" }
        return nil
    }

    static func firstNonSpace(_ s: [Unicode.Scalar]) -> Int {
        s.firstIndex { $0 != " " && $0 != "\t" && $0 != "\n" } ?? 0
    }

    /// The index of the bracket closing the one at `start`, skipping quoted strings and nesting.
    static func matching(_ s: [Unicode.Scalar], from start: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Int? {
        var depth = 0
        var quote: Unicode.Scalar?
        var i = start
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 2; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == open {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }
}

/// Checks regular expressions against what GTM's RE2 engine accepts.
public enum RegexCheck {
    /// The help for `problem`: RE2's limits when the pattern uses what RE2 lacks, otherwise how
    /// to fix the syntax.
    static func hint(for problem: String) -> String {
        problem.contains("RE2")
            ? "GTM matches with RE2; rewrite the pattern without lookaround or backreferences"
            : "fix the pattern's syntax; escape characters meant literally, such as `\\(`, `\\.` or `\\?`"
    }

    /// An unbalanced parenthesis outside character classes and escapes, if any.
    static func parenthesisProblem(_ s: [Unicode.Scalar]) -> String? {
        var depth = 0, inClass = false, i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; if i < s.count, s[i] == "]" { i += 1 }; continue }
            if c == "(" { depth += 1 }
            if c == ")" {
                if depth == 0 { return "`)` has no matching `(`" }
                depth -= 1
            }
            i += 1
        }
        return depth > 0 ? "`(` is not closed with `)`" : nil
    }

    /// Why `pattern` is not a valid RE2 regular expression, or nil when it is.
    public static func problem(_ pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                if i + 1 < s.count {
                    let next = s[i + 1]
                    if !inClass, next >= "1" && next <= "9" { return "backreferences (`\\\(next)`) are not supported by RE2" }
                    if !inClass, next == "k", i + 2 < s.count, s[i + 2] == "<" { return "named backreferences (`\\k<…>`) are not supported by RE2" }
                }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                if i < s.count, s[i] == "]" { i += 1 }  // a literal ] first in a class
                continue
            }
            if c == "(", i + 2 < s.count, s[i + 1] == "?" {
                let next = s[i + 2]
                if next == "=" || next == "!" { return "lookahead `(?\(next)…)` is not supported by RE2" }
                if next == "<", i + 3 < s.count, s[i + 3] == "=" || s[i + 3] == "!" { return "lookbehind `(?<\(s[i + 3])…)` is not supported by RE2" }
                if next == ">" { return "atomic groups `(?>…)` are not supported by RE2" }
                if next == "(" { return "conditionals `(?(…)…)` are not supported by RE2" }
            }
            if c == "+", i > 0, ["*", "+", "?", "}"].contains(s[i - 1]), !(i > 1 && s[i - 2] == "\\") {
                return "possessive quantifiers (`\(s[i - 1])+`) are not supported by RE2"
            }
            i += 1
        }
        if inClass { return "`[` is not closed with `]`" }
        if let balance = parenthesisProblem(s) { return balance }
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            return "it does not compile as a regular expression (check brackets, parentheses and quantifiers)"
        }
        return nil
    }
}
