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

}
