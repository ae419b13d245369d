/// A group of known findings recorded in a baseline: one rule on one entity of one subject.
public struct BaselineEntry: Sendable, Hashable, Comparable {
    /// The subject's path as recorded (a plan's root path).
    public var plan: String
    /// The rule id.
    public var rule: String
    /// The entity path (`events.add_to_cart`), or the file for problems without one.
    public var path: String
    /// How many findings of this rule on this entity are known.
    public var count: Int

    /// Creates an entry.
    public init(plan: String, rule: String, path: String, count: Int) {
        self.plan = plan
        self.rule = rule
        self.path = path
        self.count = count
    }

    public static func < (a: BaselineEntry, b: BaselineEntry) -> Bool {
        (a.plan, a.rule, a.path) < (b.plan, b.rule, b.path)
    }

    /// The entry as the baseline file and the JSON report write it.
    public var json: JSONValue {
        .object([JSONMember("plan", .string(plan)), JSONMember("rule", .string(rule)),
                 JSONMember("path", .string(path)), JSONMember("count", .int(count))])
    }
}
