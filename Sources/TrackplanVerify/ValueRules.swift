import Foundation
import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// How observed values are judged against planned parameters.
enum ValueRules {
    /// Whether `value` has the planned `type` on `layer`. A number sent for an integer
    /// parameter fits when it is whole; a boolean can only travel as text on hits and in exports
    /// (`true`/`false`, or 1/0).
    static func fits(_ value: ObservedValue, _ type: ParamType, layer: CaptureLayer) -> Bool {
        switch (type, value) {
        case (_, .null): true
        case (.string, .string): true
        case (.number, .integer), (.number, .number), (.integer, .integer): true
        case (.integer, .number(let d)): d == d.rounded()
        case (.boolean, .boolean): true
        case (.boolean, .string(let s)) where layer != .dataLayer: ["true", "false", "1", "0"].contains(s)
        case (.boolean, .integer(let i)) where layer != .dataLayer: i == 0 || i == 1
        case (.items, .items): true
        default: false
        }
    }

    /// Why `value` is not allowed for `param` (outside its list, not matching its pattern,
    /// outside its range), or nil when it is.
    static func violation(_ value: ObservedValue, _ param: ParamSpec) -> String? {
        if let allowed = param.allowedValues, !allowed.isEmpty, !allowed.contains(where: { matches(value, $0) }) {
            return "outside its list"
        }
        if let pattern = param.pattern, case .string(let text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            return "not matching `\(pattern)`"
        }
        if let range = param.range {
            let number: Double? = switch value {
            case .integer(let i): Double(i)
            case .number(let d): d
            default: nil
            }
            if let number, number < range.lowerBound { return "below the minimum \(ParamValue.numberText(range.lowerBound))" }
            if let number, number > range.upperBound { return "above the maximum \(ParamValue.numberText(range.upperBound))" }
        }
        return nil
    }

    static func matches(_ value: ObservedValue, _ allowed: ParamValue) -> Bool {
        switch (value, allowed) {
        case (.string(let a), .string(let b)): a == b
        case (.string(let a), _): a == allowed.text
        case (.integer(let a), .integer(let b)): a == b
        case (.integer(let a), .number(let b)): Double(a) == b
        case (.number(let a), .number(let b)): a == b
        case (.number(let a), .integer(let b)): a == Double(b)
        case (.boolean(let a), .boolean(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// "an e-mail address" or "a phone number" when `text` contains one. Scans bytes first, so
    /// the common value (no `@`, not phone-shaped) costs one pass.
    static func personalData(in text: String) -> String? {
        var hasAt = false, hasPercent = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { hasAt = true; break }
            if byte == UInt8(ascii: "%") { hasPercent = true }
        }
        if hasAt || hasPercent && text.contains("%40") {
            let decoded = hasAt ? text : URLText.decode(text)
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
    static func isPhoneNumber(_ bytes: String.UTF8View) -> Bool {
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
    static func masked(_ text: String) -> String {
        let decoded = URLText.decode(text)
        if let range = decoded.range(of: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", options: .regularExpression) {
            let email = decoded[range]
            let at = email.firstIndex(of: "@") ?? email.startIndex
            return "\(email.prefix(1))…\(email[at...])"
        }
        return "\(text.prefix(3))…\(text.suffix(2))"
    }
}
