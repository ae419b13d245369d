import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Builders for the parameter objects of a GTM export, where every value is a string.
enum GTMParameter {
    static func template(_ key: String, _ value: String) -> JSONValue {
        .object([JSONMember("type", .string("TEMPLATE")), JSONMember("key", .string(key)), JSONMember("value", .string(value))])
    }

    static func boolean(_ key: String, _ value: Bool) -> JSONValue {
        .object([JSONMember("type", .string("BOOLEAN")), JSONMember("key", .string(key)), JSONMember("value", .string(value ? "true" : "false"))])
    }

    static func integer(_ key: String, _ value: Int) -> JSONValue {
        .object([JSONMember("type", .string("INTEGER")), JSONMember("key", .string(key)), JSONMember("value", .string(String(value)))])
    }

    static func list(_ key: String, _ items: [JSONValue]) -> JSONValue {
        .object([JSONMember("type", .string("LIST")), JSONMember("key", .string(key)), JSONMember("list", .array(items))])
    }

    static func map(_ entries: [JSONValue]) -> JSONValue {
        .object([JSONMember("type", .string("MAP")), JSONMember("map", .array(entries))])
    }

    /// A trigger-level field such as `waitForTags`: `{"type": "BOOLEAN", "value": "false"}`.
    static func field(_ type: String, _ value: String?) -> JSONValue {
        var members = [JSONMember("type", .string(type))]
        if let value { members.append(JSONMember("value", .string(value))) }
        return .object(members)
    }

    /// A condition: `{"type": OP, "parameter": [arg0, arg1]}`, optionally negated or case-insensitive.
    static func condition(_ op: String, _ variable: String, _ value: String, ignoreCase: Bool = false) -> JSONValue {
        var parameters = [template("arg0", "{{\(variable)}}"), template("arg1", value)]
        if ignoreCase { parameters.append(boolean("ignore_case", true)) }
        return .object([JSONMember("type", .string(op)), JSONMember("parameter", .array(parameters))])
    }
}
