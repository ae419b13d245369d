import Foundation
import TrackplanCore
import TrackplanSpec

/// Typed data layer helpers for the site's code: one function per event the site pushes (a
/// `custom` trigger), its parameters typed from the plan (allowed values as literal unions,
/// required or optional, GA4 `items` as a typed array), doc comments from the plan, page-type
/// constants, and opt-in runtime checks that report with `verify`'s finding ids.
///
/// `module` style is an ES module; `script` style wraps the same code in a `Trackplan`
/// namespace for a plain `<script>` (compiled, it defines the global `Trackplan`).
public struct TypeScriptHelpers: Sendable {
    /// How the file is consumed.
    public enum Style: String, Sendable {
        /// `export`ed declarations: an ES module.
        case module
        /// A `namespace Trackplan`: a plain `<script>`.
        case script
    }

    /// What the plan promises to send.
    public var spec: MeasurementSpec
    /// The plan file's name, for the header.
    public var source: String
    /// Module or script.
    public var style: Style

    /// Creates helpers.
    public init(spec: MeasurementSpec, source: String, style: Style = .module) {
        self.spec = spec
        self.source = source
        self.style = style
    }

    /// One pushed event: its function and the data layer keys its parameters come from.
    struct Pushed {
        var spec: EventSpec
        var pushedName: String
        var function: String
        var typeName: String
        var params: [(param: ParamSpec, key: String, property: String)]
    }

    /// The events the site pushes, in plan order, with unique function names.
    var pushed: [Pushed] {
        var used: Set<String> = ["push", "check", "enableChecks", "dataLayer"]
        return spec.events.compactMap { event in
            guard case .custom(let name) = event.trigger else { return nil }
            var base = Self.pascal(event.name)
            if base.isEmpty || base.first?.isNumber == true { base = "Event" + base }
            var function = "track" + base, k = 2
            while used.contains(function) { function = "track\(base)\(k)"; k += 1 }
            used.insert(function)
            let params = event.params.compactMap { param -> (ParamSpec, String, String)? in
                guard case .dataLayer(let key) = param.source else { return nil }
                return (param, key, param.name)
            }
            return Pushed(spec: event, pushedName: name, function: function,
                          typeName: String(function.dropFirst("track".count)) + "Params", params: params)
        }
    }

    /// `add_to_cart` → `AddToCart`.
    static func pascal(_ name: String) -> String {
        name.split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A TypeScript string literal.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A property name, quoted unless it is an identifier.
    static func property(_ name: String) -> String {
        let identifier = name.range(of: "^[A-Za-z_$][A-Za-z0-9_$]*$", options: .regularExpression) != nil
        return identifier ? name : literal(name)
    }

    /// Doc comment text: `*/` cannot close the comment early.
    static func doc(_ text: String) -> String {
        text.replacingOccurrences(of: "*/", with: "*\\/").replacingOccurrences(of: "\n", with: " ")
    }

    static func valueLiteral(_ value: ParamValue) -> String {
        switch value {
        case .string(let s): literal(s)
        case .integer(let i): String(i)
        case .number(let d): d.isFinite ? ParamValue.numberText(d) : "0"
        case .boolean(let b): b ? "true" : "false"
        case .null: "null"
        }
    }

    /// The TypeScript type of a parameter.
    static func type(_ param: ParamSpec) -> String {
        if let values = param.allowedValues, !values.isEmpty, param.type != .items {
            return values.map(valueLiteral).joined(separator: " | ")
        }
        switch param.type {
        case .string: return "string"
        case .number, .integer: return "number"
        case .boolean: return "boolean"
        case .items: return "Item[]"
        }
    }

    /// The file.
    public func render() -> String {
        var body: [String] = []
        let export = "export "
        body.append("""
        /** The plan's page types, by id. */
        \(export)const PageTypes = {
        \(spec.pageTypes.map { "  /** \(Self.doc($0.title)): \(Self.doc(matchText($0.match))). */\n  \(Self.property($0.id)): \(Self.literal($0.id))," }.joined(separator: "\n"))
        } as const;

        /** A page type id of the plan. */
        \(export)type PageType = (typeof PageTypes)[keyof typeof PageTypes];

        /** A GA4 e-commerce item. GA4 needs an `item_id` or an `item_name`. */
        \(export)interface Item {
          item_id?: string;
          item_name?: string;
          affiliation?: string;
          coupon?: string;
          discount?: number;
          index?: number;
          item_brand?: string;
          item_category?: string;
          item_category2?: string;
          item_category3?: string;
          item_category4?: string;
          item_category5?: string;
          item_list_id?: string;
          item_list_name?: string;
          item_variant?: string;
          location_id?: string;
          price?: number;
          quantity?: number;
          [parameter: string]: string | number | undefined;
        }
        """)
        for event in pushed {
            if !event.params.isEmpty {
                var lines = ["/** The parameters of {@link \(event.function)}. */", "\(export)interface \(event.typeName) {"]
                for (param, key, property) in event.params {
                    var comment = param.description.map { Self.doc($0) + " " } ?? ""
                    comment += "(data layer `\(Self.doc(key))`"
                    if param.type == .integer { comment += "; an integer" }
                    if let pattern = param.pattern { comment += "; matches `\(Self.doc(pattern))`" }
                    if let range = param.range {
                        if range.lowerBound > -Double.greatestFiniteMagnitude { comment += "; at least \(ParamValue.numberText(range.lowerBound))" }
                        if range.upperBound < Double.greatestFiniteMagnitude { comment += "; at most \(ParamValue.numberText(range.upperBound))" }
                    }
                    comment += ")"
                    lines.append("  /** \(comment) */")
                    lines.append("  \(Self.property(property))\(param.required ? "" : "?"): \(Self.type(param));")
                }
                lines.append("}")
                body.append(lines.joined(separator: "\n"))
            }
            var doc = ["/**"]
            if let description = event.spec.description { doc.append(" * \(Self.doc(description))") }
            doc.append(" *")
            var facts = [event.spec.isMicro ? "Micro-conversion" : "Macro-conversion"]
            if let stage = event.spec.stage { facts.append("stage `\(Self.doc(stage))`") }
            if let leadsTo = event.spec.leadsTo { facts.append("leads to `\(Self.doc(leadsTo))`") }
            if let signal = event.spec.signal { facts.append("signal \(signal) of 5" + (event.spec.negative ? " (negative)" : "")) }
            if let pages = event.spec.pages { facts.append("on " + pages.map { "`\(Self.doc($0))`" }.joined(separator: ", ")) }
            doc.append(" * " + facts.joined(separator: " · ") + ".")
            doc.append(" * Pushes `{event: \(Self.doc(Self.literal(event.pushedName)))" + (event.params.isEmpty ? "" : ", …") + "}` to `window.dataLayer`.")
            doc.append(" */")
            let signature = event.params.isEmpty ? "" : "params: \(event.typeName)"
            let entries = event.params.map { "[\(Self.literal($0.key)), params.\($0.property.range(of: "^[A-Za-z_$][A-Za-z0-9_$]*$", options: .regularExpression) != nil ? $0.property : "[\(Self.literal($0.property))]")]" }
            body.append(doc.joined(separator: "\n") + "\n\(export)function \(event.function)(\(signature)): void {\n  push(\(Self.literal(event.pushedName)), [\(entries.joined(separator: ", "))]);\n}")
        }
        body.append(runtime(export: export))
        var text = body.joined(separator: "\n\n") + "\n"
        if style == .script {
            text = text.replacingOccurrences(of: "\n", with: "\n  ").replacingOccurrences(of: "\n  \n", with: "\n\n")
            text = "namespace Trackplan {\n  " + text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n}\n"
        }
        let how = style == .module
            ? "An ES module; `trackplan codegen typescript --script` writes the version for a plain <script> (the global `Trackplan`)."
            : "For a plain <script>: compiled, it defines the global `Trackplan` (`Trackplan.trackPurchase(…)`)."
        return """
        // Generated by trackplan from \(source): typed data layer pushes for \(Self.literal(spec.planName)).
        // Do not edit: edit the plan and run `trackplan codegen typescript` (or `trackplan build`).
        // \(how) No dependencies; targets ES2017 or later.

        \(text)
        """
    }

    func matchText(_ match: PageMatch) -> String {
        switch match {
        case .path(let p): "path is `\(p)`"
        case .pathPrefix(let p): "path starts with `\(p)`"
        case .pathRegex(let p): "path matches `\(p)`"
        }
    }

    /// The push helper, the rules of every pushed event and the runtime checks.
    func runtime(export: String) -> String {
        var rules: [String] = []
        for event in pushed where !event.params.isEmpty {
            let items = event.params.map { (param, key, _) -> String in
                var fields = ["key: \(Self.literal(key))", "param: \(Self.literal(param.name))", "type: \(Self.literal(param.type.rawValue))",
                              "required: \(param.required)"]
                if let values = param.allowedValues, !values.isEmpty, param.type != .items {
                    fields.append("values: [\(values.map(Self.valueLiteral).joined(separator: ", "))]")
                }
                if let pattern = param.pattern { fields.append("pattern: \(Self.literal(pattern))") }
                if let range = param.range {
                    if range.lowerBound > -Double.greatestFiniteMagnitude { fields.append("min: \(ParamValue.numberText(range.lowerBound))") }
                    if range.upperBound < Double.greatestFiniteMagnitude { fields.append("max: \(ParamValue.numberText(range.upperBound))") }
                }
                return "    { " + fields.joined(separator: ", ") + " },"
            }
            rules.append("  \(Self.literal(event.pushedName)): [\n" + items.joined(separator: "\n") + "\n  ],")
        }
        return """
        /** What the plan says of one pushed parameter, for the runtime checks. */
        interface Rule {
          key: string;
          param: string;
          type: "string" | "number" | "integer" | "boolean" | "items";
          required: boolean;
          values?: readonly (string | number | boolean | null)[];
          pattern?: string;
          min?: number;
          max?: number;
        }

        const rules: { [event: string]: readonly Rule[] } = {
        \(rules.joined(separator: "\n"))
        };

        let reporter: ((message: string) => void) | undefined;

        /**
         * Turns on runtime checks, for development: every push is checked against the plan, and each
         * problem is reported (by default with `console.warn`) under the finding id `trackplan verify`
         * uses: `required-param-missing`, `param-type-mismatch`, `value-not-allowed`.
         */
        \(export)function enableChecks(report: (message: string) => void = (message) => console.warn(message)): void {
          reporter = report;
        }

        function check(event: string, entries: readonly (readonly [string, unknown])[]): void {
          if (!reporter) return;
          for (const rule of rules[event] || []) {
            const entry = entries.find((e) => e[0] === rule.key);
            const value = entry ? entry[1] : undefined;
            const what = "`" + rule.key + "` of `" + event + "`";
            if (value === undefined || value === null) {
              if (rule.required) reporter("[trackplan required-param-missing] " + what + " is required");
              continue;
            }
            const fits = rule.type === "items" ? Array.isArray(value)
              : rule.type === "integer" ? typeof value === "number" && Number.isInteger(value)
              : typeof value === rule.type;
            if (!fits) {
              reporter("[trackplan param-type-mismatch] " + what + " should be " + rule.type + ", not " + (Array.isArray(value) ? "an array" : typeof value) + " (" + JSON.stringify(value) + ")");
              continue;
            }
            if (rule.values && rule.values.indexOf(value as string | number | boolean) < 0) {
              reporter("[trackplan value-not-allowed] " + what + " is " + JSON.stringify(value) + "; allowed: " + rule.values.map((v) => JSON.stringify(v)).join(", "));
            }
            if (rule.pattern !== undefined && typeof value === "string" && !new RegExp(rule.pattern).test(value)) {
              reporter("[trackplan value-not-allowed] " + what + " is " + JSON.stringify(value) + ", which does not match " + rule.pattern);
            }
            if (typeof value === "number" && ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))) {
              reporter("[trackplan value-not-allowed] " + what + " is " + value + ", outside " + (rule.min ?? "-∞") + "…" + (rule.max ?? "∞"));
            }
          }
        }

        /** Pushes `{event, …}` built from key paths (`ecommerce.value`); undefined values are left out. */
        function push(event: string, entries: readonly (readonly [string, unknown])[]): void {
          const host = globalThis as unknown as { dataLayer?: unknown[] };
          const layer = (host.dataLayer = host.dataLayer || []);
          check(event, entries);
          const payload: { [key: string]: unknown } = { event: event };
          for (const [path, value] of entries) {
            if (value === undefined) continue;
            const keys = path.split(".");
            let target = payload;
            for (let i = 0; i < keys.length - 1; i++) {
              const next = target[keys[i]];
              // A missing container is an array when the next key is an index (`items.0.item_id`).
              const created = /^[0-9]+$/.test(keys[i + 1]) ? [] : {};
              target = (typeof next === "object" && next !== null ? next : (target[keys[i]] = created)) as { [key: string]: unknown };
            }
            target[keys[keys.length - 1]] = value;
          }
          // GA4 merges e-commerce objects across pushes: clear the previous one first.
          if ("ecommerce" in payload) layer.push({ ecommerce: null });
          layer.push(payload);
        }
        """
    }
}
