import Foundation

/// Personal data in values: e-mail addresses and phone numbers, which Google Analytics' terms
/// forbid sending. Used by the `pii-param` lint rule on allowed values and by `verify` on every
/// value sent, so it scans bytes first: the common value (no `@`, not phone-shaped) costs one pass.
public enum PersonalData {
    /// "an e-mail address" or "a phone number" when `text` contains one (an e-mail address also
    /// percent-encoded, as in a URL's query).
    public static func kind(in text: String) -> String? {
        var hasAt = false, hasPercent = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { hasAt = true; break }
            if byte == UInt8(ascii: "%") { hasPercent = true }
        }
        if hasAt || hasPercent && text.contains("%40") {
            let decoded = hasAt ? text : (text.removingPercentEncoding ?? text)
            if decoded.range(of: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", options: .regularExpression) != nil {
                return "an e-mail address"
            }
        }
        return isPhoneNumber(text.utf8) ? "a phone number" : nil
    }

    /// Whether `bytes`, spaces around it aside, is shaped like a phone number: 8 to 24 characters
    /// of digits, spaces, `+().-`, at least 8 digits, starting with `+`, `(` or a digit, and
    /// written with a separator or a leading `+` or `(` (a bare run of digits is an id); dates
    /// (`2026-11-23…`) are not phone numbers.
    public static func isPhoneNumber(_ bytes: String.UTF8View) -> Bool {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == UInt8(ascii: " ") || bytes[bytes.index(before: end)] == 0x09 { end = bytes.index(before: end) }
        let trimmed = bytes[start..<end]
        guard trimmed.count >= 8, trimmed.count <= 24, let first = trimmed.first,
              first == UInt8(ascii: "+") || first == UInt8(ascii: "(") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        var digits = 0, separated = first == UInt8(ascii: "+") || first == UInt8(ascii: "(")
        var shape: [UInt8] = []
        for (k, byte) in trimmed.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1; if k < 10 { shape.append(UInt8(ascii: "9")) }
            case UInt8(ascii: "+") where k == 0: break
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { separated = true }
                if k < 10 { shape.append(byte) }
            default: return false
            }
        }
        // 2026-11-23 is a date, not a number to call.
        if shape.starts(with: Array("9999-99-99".utf8)) { return false }
        return digits >= 8 && separated
    }

    /// `text` with all but its first character and its domain hidden, for quoting personal data
    /// without repeating it: `t…@gmail.com`, `+49…89`.
    public static func masked(_ text: String) -> String {
        let decoded = (text.removingPercentEncoding ?? text)
        if let range = decoded.range(of: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", options: .regularExpression) {
            let email = decoded[range]
            let at = email.firstIndex(of: "@") ?? email.startIndex
            return "\(email.prefix(1))…\(email[at...])"
        }
        return "\(text.prefix(3))…\(text.suffix(2))"
    }
}
