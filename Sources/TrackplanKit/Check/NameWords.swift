/// Splitting names into words and writing them in a case convention.
public enum NameWords {
    /// The lowercased words of `name`: split at `_`, `-`, `.`, spaces and case changes
    /// (`addToCart`, `AddToCart`, `add-to-cart` and `add_to_cart` all give add, to, cart).
    public static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(name.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "_" || scalar == "-" || scalar == "." || scalar == " " {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            let isUpper = scalar.properties.isUppercase
            if isUpper, !current.isEmpty {
                let previous = scalars[i - 1]
                let nextIsLower = i + 1 < scalars.count && scalars[i + 1].properties.isLowercase
                // A new word starts at an upper-case letter after a lower-case one or a digit,
                // or at the last capital of an acronym followed by lower case (`HTMLPage`).
                if previous.properties.isLowercase || previous.properties.numericType != nil
                    || (previous.properties.isUppercase && nextIsLower) {
                    words.append(current)
                    current = ""
                }
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// `name` written in `nameCase`.
    public static func convert(_ name: String, to nameCase: NameCase) -> String {
        let words = split(name)
        switch nameCase {
        case .snakeCase: return words.joined(separator: "_")
        case .kebabCase: return words.joined(separator: "-")
        case .camelCase:
            guard let first = words.first else { return "" }
            return first + words.dropFirst().map(capitalized).joined()
        case .pascalCase:
            return words.map(capitalized).joined()
        }
    }

    /// Whether `name` is written in `nameCase` (ASCII letters and digits, starting with a letter).
    public static func follows(_ name: String, _ nameCase: NameCase) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, isLetter(first) else { return false }
        switch nameCase {
        case .snakeCase, .kebabCase:
            let separator: Unicode.Scalar = nameCase == .snakeCase ? "_" : "-"
            guard isLower(first) else { return false }
            var previousWasSeparator = false
            for scalar in scalars {
                if scalar == separator {
                    if previousWasSeparator { return false }
                    previousWasSeparator = true
                } else if isLower(scalar) || isDigit(scalar) {
                    previousWasSeparator = false
                } else {
                    return false
                }
            }
            return !previousWasSeparator
        case .camelCase, .pascalCase:
            guard nameCase == .camelCase ? isLower(first) : isUpper(first) else { return false }
            // No separators, and no run of two capitals (acronyms are written `Url`, not `URL`).
            var previousUpper = false
            for scalar in scalars {
                guard isLetter(scalar) || isDigit(scalar) else { return false }
                if isUpper(scalar), previousUpper { return false }
                previousUpper = isUpper(scalar)
            }
            return true
        }
    }

    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    static func isLower(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    static func isUpper(_ s: Unicode.Scalar) -> Bool { s >= "A" && s <= "Z" }
    static func isLetter(_ s: Unicode.Scalar) -> Bool { isLower(s) || isUpper(s) }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
}
