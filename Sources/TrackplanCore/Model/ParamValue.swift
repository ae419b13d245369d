/// A single value a parameter may take, whatever format the plan came from (YAML, a GTM lookup
/// table, a Segment JSON Schema enum).
public enum ParamValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null

    /// The value as a plan would write it: `pro`, `5`, `2.5`, `true`, `null`.
    public var text: String {
        switch self {
        case .null: "null"
        case .boolean(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): s
        }
    }

    /// A number as a person writes it: `0`, `2.5` (whole numbers without `.0`).
    public static func numberText(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// Whether the value fits a parameter of `type` (an integer fits `number` too).
    public func fits(_ type: ParamType) -> Bool {
        switch (self, type) {
        case (.string, .string), (.integer, .number), (.number, .number), (.integer, .integer), (.boolean, .boolean):
            true
        default:
            false
        }
    }
}
