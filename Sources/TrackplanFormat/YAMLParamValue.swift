import TrackplanCore

extension ParamValue {
    /// The plan's YAML scalar as an allowed value: YAML's floats are numbers, its integers
    /// integers.
    init(_ value: YAMLValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .boolean(b)
        case .int(let i): self = .integer(i)
        case .float(let d): self = .number(d)
        case .string(let s): self = .string(s)
        }
    }
}
