import TrackplanCore

/// Reads GA4 BigQuery export rows (one JSON object per line): `event_name`, `event_timestamp`
/// (microseconds), `user_pseudo_id`, `event_params` (`[{key, value: {string_value, int_value,
/// float_value, double_value}}]`), `user_properties` and `items`. The session is
/// `user_pseudo_id` + the `ga_session_id` parameter.
enum GA4ExportReader {
    static func row(_ row: JSONValue, line: Int, summary: inout CaptureSummary, onEvent: (ObservedEvent) throws -> Void) throws {
        summary.records += 1
        guard case .object = row else {
            summary.problem(line: line, "the row is not a JSON object; it was skipped")
            return
        }
        guard case .string(let name) = row["event_name"] ?? .null, !name.isEmpty else {
            summary.problem(line: line, "the row has no `event_name`; it was skipped")
            return
        }
        var event = ObservedEvent(name: name, layer: .warehouse, evidence: Evidence(file: summary.path, line: line))
        event.clientID = text(row["user_pseudo_id"])
        event.date = text(row["event_date"])
        switch row["event_timestamp"] {
        case .int(let micros): event.timestamp = Double(micros) / 1000
        case .double(let micros) where micros.isFinite: event.timestamp = micros / 1000
        case .string(let s) where Double(s) != nil: event.timestamp = Double(s).map { $0 / 1000 }
        case .none, .null: break
        case let other?:
            summary.problem(line: line, "`event_timestamp` is \(Self.kind(other)), not microseconds since 1970; the row was skipped")
            return
        }
        event.params = keyValues(row["event_params"])
        event.userProperties = keyValues(row["user_properties"])
        for param in event.params {
            switch (param.name, param.value) {
            case ("ga_session_id", .integer(let id)): event.sessionID = String(id)
            case ("ga_session_id", .string(let id)): event.sessionID = id
            case ("page_location", .string(let url)): event.pageURL = url
            default: break
            }
        }
        // The export keeps the transaction id in the `ecommerce` record.
        if !event.params.contains(where: { $0.name == "transaction_id" }),
           case .string(let id) = row["ecommerce"]?["transaction_id"] ?? .null, !id.isEmpty, id != "(not set)" {
            event.params.append(ObservedParam("transaction_id", .string(id)))
        }
        if case .array(let items) = row["items"] ?? .null, !items.isEmpty {
            event.params.append(ObservedParam("items", DataLayerReader.observed(.array(items), key: "items")))
        }
        event.evidence.page = event.pageURL
        summary.events += 1
        try onEvent(event)
    }

    /// `[{key, value: {string_value, int_value, float_value, double_value}}]` as typed params:
    /// the type is the column that is not null.
    static func keyValues(_ value: JSONValue?) -> [ObservedParam] {
        guard case .array(let entries) = value ?? .null else { return [] }
        return entries.compactMap { entry in
            guard let key = text(entry["key"]) else { return nil }
            let v = entry["value"]
            if case .string(let s) = v?["string_value"] ?? .null { return ObservedParam(key, .string(s)) }
            switch v?["int_value"] ?? .null {
            case .int(let i): return ObservedParam(key, .integer(i))
            case .string(let s): if let i = Int(s) { return ObservedParam(key, .integer(i)) }
            case .double(let d): if d == d.rounded(), abs(d) < 9e15 { return ObservedParam(key, .integer(Int(d))) }
            default: break
            }
            for column in ["double_value", "float_value"] {
                switch v?[column] ?? .null {
                case .int(let i): return ObservedParam(key, .number(Double(i)))
                case .double(let d) where !d.isNaN: return ObservedParam(key, .number(d))
                case .string(let s): if let d = Double(s) { return ObservedParam(key, .number(d)) }
                default: break
                }
            }
            return ObservedParam(key, .null)
        }
    }

    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "the text `\(s.prefix(40))`"
        case .bool: "a boolean"
        case .array: "a list"
        case .object: "an object"
        case .double: "not a finite number"
        default: "not a number"
        }
    }

    static func text(_ value: JSONValue?) -> String? {
        switch value ?? .null {
        case .string(let s): s
        case .int(let i): String(i)
        default: nil
        }
    }
}
