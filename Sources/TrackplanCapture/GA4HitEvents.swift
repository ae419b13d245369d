/// Turns the decoded pairs of one GA4 hit event into an ``ObservedEvent``.
enum GA4HitEvents {
    /// GA4's two-letter item field prefixes, by the item parameter they carry.
    static let itemFields: [String: String] = [
        "id": "item_id", "nm": "item_name", "br": "item_brand", "ca": "item_category", "c2": "item_category2",
        "c3": "item_category3", "c4": "item_category4", "c5": "item_category5", "pr": "price", "qt": "quantity",
        "va": "item_variant", "cp": "coupon", "ds": "discount", "ln": "item_list_name", "li": "item_list_id",
        "lp": "index", "af": "affiliation", "lo": "location_id", "cn": "creative_name", "cs": "creative_slot",
        "pi": "promotion_id", "pn": "promotion_name",
    ]

    /// Hit parameters that carry standard event parameters under short names.
    static let standardFields: [String: String] = [
        "dl": "page_location", "dt": "page_title", "dr": "page_referrer", "cu": "currency",
    ]

    /// The event, or nil when the pairs carry no event name (`en`).
    static func event(_ pairs: [(key: String, value: String)], evidence: Evidence, timestamp: Double?) -> ObservedEvent? {
        var name: String?
        var params: [ObservedParam] = []
        var userProperties: [ObservedParam] = []
        var items: [String] = []
        var event = ObservedEvent(name: "", layer: .collect, timestamp: timestamp, evidence: evidence)
        for (key, value) in pairs {
            if key == "en" {
                name = value
            } else if key.hasPrefix("ep.") {
                params.append(ObservedParam(String(key.dropFirst(3)), .string(value)))
            } else if key.hasPrefix("epn.") {
                params.append(ObservedParam(String(key.dropFirst(4)), number(value)))
            } else if key.hasPrefix("up.") {
                userProperties.append(ObservedParam(String(key.dropFirst(3)), .string(value)))
            } else if key.hasPrefix("upn.") {
                userProperties.append(ObservedParam(String(key.dropFirst(4)), number(value)))
            } else if key.count >= 3, key.hasPrefix("pr"), key.dropFirst(2).allSatisfy(\.isNumber) {
                items.append(value)
            } else if let standard = standardFields[key] {
                params.append(ObservedParam(standard, .string(value)))
                if key == "dl" { event.pageURL = value }
            } else {
                switch key {
                case "tid": event.measurementID = value
                case "cid": event.clientID = value
                case "sid": event.sessionID = value
                default: break
                }
            }
        }
        guard let name else { return nil }
        if !items.isEmpty {
            let without = items.filter { item in
                !item.split(separator: "~").contains { $0.hasPrefix("id") || $0.hasPrefix("nm") }
            }.count
            params.append(ObservedParam("items", .items(count: items.count, withoutIDOrName: without)))
        }
        event.name = name
        event.evidence.page = event.pageURL
        event.params = params
        event.userProperties = userProperties
        return event
    }

    /// An `epn.` value: a number, or the text when it is not one (reported as a string).
    static func number(_ text: String) -> ObservedValue {
        if let int = Int(text) { return .integer(int) }
        if let double = Double(text), double.isFinite { return .number(double) }
        return .string(text)
    }
}
