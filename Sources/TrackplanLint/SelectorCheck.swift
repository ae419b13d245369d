import Foundation
import TrackplanCore
import TrackplanFormat

/// A check of CSS selectors against what a browser's `querySelector` accepts (CSS Selectors
/// Level 4): balanced brackets, parentheses and quotes; combinators (`>`, `+`, `~`, `,`) between
/// compound selectors; identifiers after `#` and `.` and as element names; attribute selectors
/// (`[name]`, `[name=value]` with an identifier or a quoted value, `~= |= ^= $= *=`, `i`/`s`);
/// known pseudo-classes and pseudo-elements, with the arguments of `:not()`, `:is()`,
/// `:where()`, `:has()` and `:nth-*()` checked too. jQuery's extensions (`:contains()`, `:eq()`,
/// `:first`, `:visible`, …) are named, with the standard alternative as the hint.
public enum SelectorCheck {
    /// Why `selector` is not a valid CSS selector, or nil when it is.
    public static func problem(_ selector: String) -> String? {
        check(selector)?.problem
    }

    /// What to do about `selector`'s problem, when there is specific advice.
    public static func hint(_ selector: String) -> String? {
        check(selector)?.hint
    }

    /// The problem and, when there is one, specific advice.
    static func check(_ selector: String, relative: Bool = false) -> (problem: String, hint: String?)? {
        let s = Array(selector.unicodeScalars)
        if selector.allSatisfy(\.isWhitespace) { return ("the selector is empty", nil) }
        var i = 0
        var haveCompound = false       // a compound selector since the last combinator
        var pendingCombinator: Unicode.Scalar?
        var afterPseudoElement = false
        func isName(_ c: Unicode.Scalar) -> Bool {
            NameWords.isLetter(c) || NameWords.isDigit(c) || c == "-" || c == "_" || c.value > 0x7F || c == "\\"
        }
        /// The identifier starting at `start` (escapes kept), and where it ends.
        func identifier(at start: Int) -> (text: String, end: Int) {
            var j = start
            while j < s.count, isName(s[j]) {
                guard s[j] == "\\" else { j += 1; continue }
                // An escape: up to six hex digits and one optional space, or any one character.
                var k = j + 1
                while k < s.count, k - j <= 6, s[k].properties.isASCIIHexDigit { k += 1 }
                if k == j + 1 { j += 2; continue }
                if k < s.count, s[k] == " " { k += 1 }
                j = k
            }
            j = min(j, s.count)
            return (String(String.UnicodeScalarView(s[start..<j])), j)
        }
        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t", "\n":
                i += 1
            case ">", "+", "~", ",":
                if !haveCompound {
                    if c == "," { return ("there is an empty selector before `,`", nil) }
                    if let previous = pendingCombinator {
                        return ("`\(previous)` is followed by `\(c)` with no selector between them", nil)
                    }
                    if c != ",", pendingCombinator == nil, i == firstNonSpace(s), !relative {
                        return ("the selector starts with the combinator `\(c)`", nil)
                    }
                }
                if pendingCombinator != nil && !haveCompound && !relative { return ("two combinators in a row", nil) }
                pendingCombinator = c
                haveCompound = false
                afterPseudoElement = false
                i += 1
            case "[":
                guard let close = matching(s, from: i, open: "[", close: "]") else { return ("`[` is not closed with `]`", nil) }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                if let problem = attributeProblem(inner) { return problem }
                haveCompound = true; pendingCombinator = nil
                i = close + 1
            case "(":
                return ("`(` appears outside a pseudo-class such as `:not(…)`", nil)
            case "]", ")":
                return ("`\(c)` has no matching opening bracket", nil)
            case "\"", "'":
                return ("a quote appears outside an attribute selector", nil)
            case "#", ".":
                guard i + 1 < s.count, isName(s[i + 1]) else { return ("`\(c)` must be followed by a name", nil) }
                let name = identifier(at: i + 1)
                if !isIdentifier(name.text) {
                    let attribute = c == "#" ? "[id='\(name.text)']" : "[class~='\(name.text)']"
                    return ("`\(c)\(name.text)` is not valid: a name after `\(c)` cannot start with a digit or `-` and a digit",
                            "write `\(attribute)`, which matches the same elements")
                }
                i = name.end
                haveCompound = true; pendingCombinator = nil
            case ":":
                i += 1
                var isElement = false
                if i < s.count, s[i] == ":" { i += 1; isElement = true }
                guard i < s.count, isName(s[i]) else { return ("`:` must be followed by a pseudo-class name", nil) }
                let name = identifier(at: i)
                i = name.end
                var argument: String?
                if i < s.count, s[i] == "(" {
                    guard let close = matching(s, from: i, open: "(", close: ")") else { return ("`(` is not closed with `)`", nil) }
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    if inner.allSatisfy(\.isWhitespace) { return ("a pseudo-class has empty parentheses", nil) }
                    argument = inner
                    i = close + 1
                }
                if let problem = pseudoProblem(name.text.lowercased(), argument: argument, isElement: isElement) { return problem }
                if isElement || Self.legacyPseudoElements.contains(name.text.lowercased()) { afterPseudoElement = true }
                haveCompound = true; pendingCombinator = nil
            case "*":
                i += 1
                haveCompound = true; pendingCombinator = nil
            default:
                guard isName(c) else { return ("`\(c)` cannot appear here in a CSS selector", nil) }
                let name = identifier(at: i)
                if !isIdentifier(name.text) {
                    return ("`\(name.text)` is not a valid element name: names cannot start with a digit", nil)
                }
                if afterPseudoElement || (haveCompound && pendingCombinator == nil && i > 0 && !" \t\n".unicodeScalars.contains(s[i - 1])) {
                    return ("the element name `\(name.text)` must come first in its compound selector", "write it before the `#`, `.`, `[` or `:` parts")
                }
                i = name.end
                haveCompound = true; pendingCombinator = nil
            }
        }
        if let pendingCombinator, !haveCompound { return ("the selector ends with `\(pendingCombinator)`", nil) }
        return nil
    }

    /// Whether `text` is a CSS identifier: not starting with a digit, nor `-` and a digit.
    static func isIdentifier(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return false }
        if NameWords.isDigit(first) { return false }
        if first == "-" {
            guard scalars.count > 1 else { return false }
            if NameWords.isDigit(scalars[1]) { return false }
        }
        return true
    }

    /// The problem of the inside of an attribute selector `[…]`.
    static func attributeProblem(_ inner: String) -> (problem: String, hint: String?)? {
        let text = inner.trimmingCharacters(in: .whitespaces)
        var s = Substring(text)
        // The attribute name, with an optional namespace (`*|href`, `|href`).
        let nameEnd = s.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "|" || $0 == "*" || $0 == "\\" || !$0.isASCII) } ?? s.endIndex
        let name = s[..<nameEnd]
        guard let first = name.unicodeScalars.first, !name.isEmpty, isIdentifier(String(name.split(separator: "|").last ?? "")) || first == "*" else {
            return ("the attribute selector `[\(text)]` has no attribute name", nil)
        }
        s = s[nameEnd...].drop { $0 == " " }
        if s.isEmpty { return nil }
        var matcher = ""
        if let op = s.first, "~|^$*".contains(op) { matcher.append(op); s = s.dropFirst() }
        guard s.first == "=" else { return ("`[\(text)]` needs `=` (or `~=`, `|=`, `^=`, `$=`, `*=`) after the attribute name", nil) }
        s = s.dropFirst().drop { $0 == " " }
        guard let valueStart = s.first else { return ("`[\(text)]` has no value after `\(matcher)=`", nil) }
        var rest: Substring
        if valueStart == "\"" || valueStart == "'" {
            guard let end = s.dropFirst().firstIndex(of: valueStart) else { return ("a quote is not closed in `[\(text)]`", nil) }
            rest = s[s.index(after: end)...]
        } else {
            let end = s.firstIndex(of: " ") ?? s.endIndex
            let value = String(s[..<end])
            let valid = isIdentifier(value) && value.unicodeScalars.allSatisfy {
                NameWords.isLetter($0) || NameWords.isDigit($0) || $0 == "-" || $0 == "_" || $0.value > 0x7F
            }
            if !valid {
                return ("the value `\(value)` in `[\(text)]` must be quoted: unquoted values are plain names",
                        "write `[\(name)\(matcher)='\(value)']`")
            }
            rest = s[end...]
        }
        let flag = rest.trimmingCharacters(in: .whitespaces).lowercased()
        if !flag.isEmpty, flag != "i", flag != "s" {
            return ("`\(flag)` after the value in `[\(text)]` is not `i` or `s`", nil)
        }
        return nil
    }

    /// Pseudo-classes browsers know (CSS Selectors Level 4 and widely shipped ones).
    static let pseudoClasses: Set<String> = [
        "active", "any-link", "autofill", "checked", "default", "defined", "disabled", "empty", "enabled", "first-child",
        "first-of-type", "focus", "focus-visible", "focus-within", "fullscreen", "hover", "in-range", "indeterminate",
        "invalid", "last-child", "last-of-type", "link", "modal", "only-child", "only-of-type", "optional", "out-of-range",
        "paused", "picture-in-picture", "placeholder-shown", "playing", "popover-open", "read-only", "read-write", "required",
        "root", "scope", "target", "user-invalid", "user-valid", "valid", "visited", "open", "closed", "host", "muted",
        "current", "past", "future", "local-link", "target-within",
    ]
    /// Functional pseudo-classes and what their argument is.
    static let functionalPseudoClasses: [String: String] = [
        "not": "selectors", "is": "selectors", "where": "selectors", "matches": "selectors", "has": "relative",
        "nth-child": "nth", "nth-last-child": "nth", "nth-of-type": "nth", "nth-last-of-type": "nth",
        "lang": "any", "dir": "dir", "host": "selectors", "host-context": "selectors", "state": "any",
    ]
    /// Pseudo-elements, with `::`.
    static let pseudoElements: Set<String> = [
        "after", "before", "first-letter", "first-line", "marker", "placeholder", "selection", "backdrop",
        "file-selector-button", "cue", "grammar-error", "spelling-error", "target-text", "part", "slotted", "highlight",
        "view-transition", "details-content",
    ]
    /// Pseudo-elements also accepted with one colon.
    static let legacyPseudoElements: Set<String> = ["after", "before", "first-letter", "first-line"]
    /// jQuery extensions → the standard way to say it.
    static let jQueryExtensions: [String: String] = [
        "contains": "browsers cannot match on text: match a class or attribute of the element (`[data-action='book']`), or use a `link_click` trigger with `url_contains`",
        "eq": "use `:nth-child(N+1)` (jQuery counts from 0, CSS from 1)",
        "gt": "use `:nth-child(n+N)`", "lt": "use `:nth-child(-n+N)`",
        "first": "use `:first-child` or `:first-of-type`", "last": "use `:last-child` or `:last-of-type`",
        "even": "use `:nth-child(even)`", "odd": "use `:nth-child(odd)`",
        "visible": "CSS cannot test visibility: use a `visible` trigger instead", "hidden": "CSS cannot test visibility: use a class or attribute",
        "selected": "use `:checked`", "input": "use `input, select, textarea, button`", "button": "use `button, input[type='button']`",
        "checkbox": "use `input[type='checkbox']`", "radio": "use `input[type='radio']`", "submit": "use `[type='submit']`",
        "text": "use `input[type='text']`", "password": "use `input[type='password']`", "image": "use `input[type='image']`",
        "file": "use `input[type='file']`", "reset": "use `[type='reset']`", "header": "use `h1, h2, h3, h4, h5, h6`",
        "parent": "use `:not(:empty)`", "animated": "CSS cannot test animation state",
    ]

    /// The problem of a pseudo-class or pseudo-element `name` with its `argument`, if any.
    static func pseudoProblem(_ name: String, argument: String?, isElement: Bool) -> (problem: String, hint: String?)? {
        if isElement {
            return pseudoElements.contains(name) ? nil : ("unknown pseudo-element `::\(name)`", nil)
        }
        if let kind = functionalPseudoClasses[name], let argument {
            switch kind {
            case "selectors", "relative":
                if let inner = check(argument, relative: kind == "relative") {
                    return ("in `:\(name)(\(argument))`: \(inner.problem)", inner.hint)
                }
            case "nth":
                if !isNth(argument) {
                    return ("`:\(name)(\(argument))` needs `An+B` (`2n+1`, `3`, `odd`, `even`), optionally `of` a selector", nil)
                }
            case "dir":
                let value = argument.trimmingCharacters(in: .whitespaces).lowercased()
                if value != "ltr" && value != "rtl" { return ("`:dir()` takes `ltr` or `rtl`, found `\(argument)`", nil) }
            default:
                break
            }
            return nil
        }
        if let advice = jQueryExtensions[name], !(pseudoClasses.contains(name) && argument == nil) {
            return ("`:\(name)\(argument.map { "(\($0))" } ?? "")` is a jQuery extension, not CSS; browsers reject it", advice)
        }
        if argument == nil, pseudoClasses.contains(name) || legacyPseudoElements.contains(name) { return nil }
        if argument != nil, pseudoClasses.contains(name) { return ("`:\(name)` takes no argument", nil) }
        if argument == nil, functionalPseudoClasses[name] != nil { return ("`:\(name)` needs an argument: `:\(name)(…)`", nil) }
        let near = Suggestion.nearest(to: name, in: Array(pseudoClasses) + Array(functionalPseudoClasses.keys))
        return ("unknown pseudo-class `:\(name)`" + (near.map { "; did you mean `:\($0)`?" } ?? ""), nil)
    }

    /// Whether `text` is an `An+B` argument, optionally followed by `of S`.
    static func isNth(_ text: String) -> Bool {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let of = body.range(of: " of ") {
            guard check(String(body[of.upperBound...])) == nil else { return false }
            body = String(body[..<of.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if body == "odd" || body == "even" { return true }
        let compact = body.replacingOccurrences(of: " ", with: "")
        return compact.range(of: "^[+-]?(\\d+)?n([+-]\\d+)?$|^[+-]?\\d+$", options: .regularExpression) != nil
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
