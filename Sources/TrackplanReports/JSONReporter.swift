import TrackplanCore

/// Formats a report as JSON: a stable, documented shape for scripts.
///
/// ```json
/// {"version": 1, "tool": {"name": "trackplan", "version": "…"},
///  "diagnostics": [{"rule": "…", "severity": "error", "message": "…", "path": "events.x",
///                   "file": "plan.yaml", "line": 3, "column": 5, "endLine": 3, "endColumn": 10,
///                   "hint": "…", "related": [{"message": "…", "file": "…", "line": 1, "column": 1}]}],
///  "unreadable": [{"path": "…", "reason": "…"}],
///  "summary": {"plans": 1, "errors": 1, "warnings": 0, "infos": 0, "unreadable": 0, "text": "…"}}
/// ```
public struct JSONReporter: Reporter {
    /// Creates a reporter.
    public init() {}

    /// The report as pretty-printed JSON with a final newline.
    public func format(_ report: FindingReport) -> String {
        var diagnostics: [JSONValue] = []
        for plan in report.subjects {
            for d in plan.diagnostics {
                diagnostics.append(.object(Self.members(d, plan: plan.path)))
            }
        }
        let root: JSONValue = .object([
            JSONMember("version", .int(1)),
            JSONMember("tool", .object([JSONMember("name", .string("trackplan")), JSONMember("version", .string(TrackplanVersion.current))])),
            JSONMember("diagnostics", .array(diagnostics)),
            JSONMember("unreadable", .array(report.unreadable.map {
                .object([JSONMember("path", .string($0.path)), JSONMember("reason", .string($0.reason))])
            })),
            JSONMember("baseline", .object([
                JSONMember("suppressed", .int(report.baselineSuppressed)),
                JSONMember("stale", .array(report.staleBaselineEntries.map { $0.json })),
            ])),
        ] + (report.notes.isEmpty ? [] : [JSONMember("notes", .array(report.notes.map(JSONValue.string)))]) + [
            JSONMember("summary", .object([
                JSONMember(report.noun + "s", .int(report.subjects.count)),
                JSONMember("errors", .int(report.count(.error))),
                JSONMember("warnings", .int(report.count(.warning))),
                JSONMember("infos", .int(report.count(.info))),
                JSONMember("unreadable", .int(report.unreadable.count)),
                JSONMember("text", .string(report.summary)),
            ])),
        ])
        return root.serialized() + "\n"
    }

    static func members(_ d: Diagnostic, plan: String) -> [JSONMember] {
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        var members: [JSONMember] = [
            JSONMember("rule", .string(d.ruleID)),
            JSONMember("severity", .string(d.severity.rawValue)),
            JSONMember("message", .string(d.message)),
            JSONMember("path", optional(d.path?.description)),
            JSONMember("plan", .string(plan)),
            JSONMember("file", optional(d.span?.file.path)),
            JSONMember("line", d.span.map { .int($0.start.line) } ?? .null),
            JSONMember("column", d.span.map { .int($0.start.column) } ?? .null),
            JSONMember("endLine", d.span.map { .int($0.end.line) } ?? .null),
            JSONMember("endColumn", d.span.map { .int($0.end.column) } ?? .null),
            JSONMember("hint", optional(d.hint)),
            JSONMember("related", .array(d.related.map {
                .object([
                    JSONMember("message", .string($0.message)),
                    JSONMember("file", .string($0.span.file.path)),
                    JSONMember("line", .int($0.span.start.line)),
                    JSONMember("column", .int($0.span.start.column)),
                ])
            })),
        ]
        if !d.categories.isEmpty { members.append(JSONMember("categories", .array(d.categories.map(JSONValue.string)))) }
        return members
    }
}

extension JSONReporter {
    public static let id = "json"
    public static let summary = "A stable, documented JSON document for scripts."

    /// Creates the reporter from the shared options.
    public init(options: ReporterOptions) {
        self.init()
    }
}
