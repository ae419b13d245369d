/// Splitting names into words and writing them in a case convention.
public enum NameWords {
    /// The lowercased words of `name`: split at `_`, `-`, `.`, spaces and case changes
    /// (`addToCart`, `AddToCart`, `add-to-cart` and `add_to_cart` all give add, to, cart).
    public static func split(_ name: String) -> [String] {
        name.utf8.allSatisfy({ $0 < 0x80 }) ? splitASCII(name) : splitScalars(name)
    }

    /// `split` scalar by scalar, for any name.
    static func splitScalars(_ name: String) -> [String] {
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

    /// `split` for ASCII names, on bytes (the common case, and much faster): each word is
    /// lowercased byte by byte as it is cut, so a short word never allocates.
    static func splitASCII(_ name: String) -> [String] {
        var name = name
        return name.withUTF8 { bytes in
            var words: [String] = []
            @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
            @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
            @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
            func word(_ start: Int, _ end: Int) -> String {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard slice.contains(where: isUpper) else { return String(decoding: slice, as: UTF8.self) }
                return String(unsafeUninitializedCapacity: slice.count) { out in
                    for (i, b) in slice.enumerated() { out[i] = isUpper(b) ? b | 0x20 : b }
                    return slice.count
                }
            }
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b == 95 || b == 45 || b == 46 || b == 32 {  // _ - . space
                    if i > start { words.append(word(start, i)) }
                    start = i + 1
                    continue
                }
                if isUpper(b), i > start {
                    let previous = bytes[i - 1]
                    let nextIsLower = i + 1 < bytes.count && isLower(bytes[i + 1])
                    if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                        words.append(word(start, i))
                        start = i
                    }
                }
            }
            if bytes.count > start { words.append(word(start, bytes.count)) }
            return words
        }
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
    ///
    /// Read as UTF-8 bytes: every character allowed is ASCII, so a byte of a longer character
    /// (0x80 and above) is refused like the character it belongs to.
    public static func follows(_ name: String, _ nameCase: NameCase) -> Bool {
        func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let bytes = name.utf8
        guard let first = bytes.first, isLower(first) || isUpper(first) else { return false }
        switch nameCase {
        case .snakeCase, .kebabCase:
            let separator = nameCase == .snakeCase ? UInt8(ascii: "_") : UInt8(ascii: "-")
            guard isLower(first) else { return false }
            var previousWasSeparator = false
            for byte in bytes {
                if byte == separator {
                    if previousWasSeparator { return false }
                    previousWasSeparator = true
                } else if isLower(byte) || isDigit(byte) {
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
            for byte in bytes {
                guard isLower(byte) || isUpper(byte) || isDigit(byte) else { return false }
                if isUpper(byte), previousUpper { return false }
                previousUpper = isUpper(byte)
            }
            return true
        }
    }

    public static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    public static func isLower(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    public static func isUpper(_ s: Unicode.Scalar) -> Bool { s >= "A" && s <= "Z" }
    public static func isLetter(_ s: Unicode.Scalar) -> Bool { isLower(s) || isUpper(s) }
    public static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
}
