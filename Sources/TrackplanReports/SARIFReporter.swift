import Foundation
import TrackplanCore

/// Formats a report as SARIF 2.1.0, as GitHub code scanning reads it.
public struct SARIFReporter: Reporter {
    /// The directory file URIs are written relative to, as `%SRCROOT%` (the repository root),
    /// so annotations land on the right file wherever trackplan was run from.
    public var baseDirectory: String
    /// The directory the report's relative paths are relative to.
    public var workingDirectory: String

    /// Creates a reporter.
    public init(baseDirectory: String = repositoryRoot(), workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.baseDirectory = baseDirectory
        self.workingDirectory = workingDirectory
    }

    struct RuleEntry {
        var id: String
        var severity: Severity
        var summary: String
        var rationale: String
        var helpText: String
    }

    static func ruleEntries(_ rules: [RuleDescription]) -> [RuleEntry] {
        rules.map { d in
            RuleEntry(id: d.id, severity: d.severity, summary: d.summary, rationale: d.rationale,
                      helpText: "\(d.summary)\n\n\(d.rationale)\n\nRun `trackplan rules \(d.id)` for examples.")
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The SARIF log as pretty-printed JSON with a final newline.
    public func format(_ report: FindingReport) -> String {
        let entries = Self.ruleEntries(report.rules)
        let index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
        let rules: [JSONValue] = entries.map { entry in
            .object([
                JSONMember("id", .string(entry.id)),
                JSONMember("name", .string(entry.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
                JSONMember("shortDescription", .object([JSONMember("text", .string(entry.summary))])),
                JSONMember("fullDescription", .object([JSONMember("text", .string(entry.rationale))])),
                JSONMember("help", .object([JSONMember("text", .string(entry.helpText)), JSONMember("markdown", .string(entry.helpText))])),
                JSONMember("defaultConfiguration", .object([JSONMember("level", .string(Self.level(entry.severity)))])),
                JSONMember("properties", .object([JSONMember("tags", .array([.string("tracking-plan")]))])),
            ])
        }
        var results: [JSONValue] = []
        for plan in report.subjects {
            for d in plan.diagnostics {
                var message = d.message
                if let hint = d.hint { message += "\nhelp: \(hint)" }
                var result: [JSONMember] = [
                    JSONMember("ruleId", .string(d.ruleID)),
                    JSONMember("ruleIndex", .int(index[d.ruleID] ?? 0)),
                    JSONMember("level", .string(Self.level(d.severity))),
                    JSONMember("message", .object([JSONMember("text", .string(message))])),
                ]
                if let span = d.span {
                    var location: [JSONMember] = [JSONMember("physicalLocation", physicalLocation(span))]
                    if let path = d.path {
                        location.append(JSONMember("logicalLocations", .array([.object([JSONMember("fullyQualifiedName", .string(path.description))])])))
                    }
                    result.append(JSONMember("locations", .array([.object(location)])))
                }
                if !d.related.isEmpty {
                    result.append(JSONMember("relatedLocations", .array(d.related.enumerated().map { i, related in
                        .object([
                            JSONMember("id", .int(i + 1)),
                            JSONMember("physicalLocation", physicalLocation(related.span)),
                            JSONMember("message", .object([JSONMember("text", .string(related.message))])),
                        ])
                    })))
                }
                if !d.categories.isEmpty {
                    result.append(JSONMember("properties", .object([JSONMember("tags", .array(d.categories.map(JSONValue.string)))])))
                }
                result.append(JSONMember("partialFingerprints", .object([
                    JSONMember("trackplanEntity/v1", .string("\(d.ruleID):\(d.path?.description ?? d.span?.file.path ?? ""):\(d.message)")),
                ])))
                results.append(.object(result))
            }
        }
        var invocation: [JSONMember] = [JSONMember("executionSuccessful", .bool(report.unreadable.isEmpty))]
        if !report.unreadable.isEmpty {
            invocation.append(JSONMember("toolExecutionNotifications", .array(report.unreadable.map {
                .object([JSONMember("level", .string("error")), JSONMember("message", .object([JSONMember("text", .string($0.description))]))])
            })))
        }
        let log: JSONValue = .object([
            JSONMember("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([.object([
                JSONMember("tool", .object([JSONMember("driver", .object([
                    JSONMember("name", .string("trackplan")),
                    JSONMember("version", .string(TrackplanVersion.current)),
                    JSONMember("semanticVersion", .string(TrackplanVersion.current)),
                    JSONMember("informationUri", .string("https://github.com/trackplan/trackplan")),
                    JSONMember("rules", .array(rules)),
                ]))])),
                JSONMember("originalUriBaseIds", .object([
                    JSONMember("%SRCROOT%", .object([JSONMember("uri", .string(sourceRootURI))])),
                ])),
                JSONMember("invocations", .array([.object(invocation)])),
                JSONMember("results", .array(results)),
            ])])),
        ])
        return log.serialized() + "\n"
    }

    func physicalLocation(_ span: SourceSpan) -> JSONValue {
        let location = artifactLocation(span.file.path)
        return .object([
            JSONMember("artifactLocation", .object([JSONMember("uri", .string(location.uri))]
                + (location.relative ? [JSONMember("uriBaseId", .string("%SRCROOT%"))] : []))),
            JSONMember("region", .object([
                JSONMember("startLine", .int(span.start.line)),
                JSONMember("startColumn", .int(span.start.column)),
                JSONMember("endLine", .int(span.end.line)),
                JSONMember("endColumn", .int(max(span.end.column, span.start.line == span.end.line ? span.start.column + 1 : 1))),
            ])),
        ])
    }

    /// The URI of `path`: relative to the base directory (`%SRCROOT%`) when it is under it,
    /// else an absolute `file://` URI.
    func artifactLocation(_ path: String) -> (uri: String, relative: Bool) {
        let absolute = PathUtil.normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        let base = PathUtil.normalize(baseDirectory)
        if absolute.hasPrefix(base + "/") {
            let relative = String(absolute.dropFirst(base.count + 1))
            return (relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative, true)
        }
        return ("file://" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute), false)
    }

    /// The `%SRCROOT%` base as a `file://` URI ending in `/`.
    var sourceRootURI: String {
        let base = PathUtil.normalize(baseDirectory)
        return "file://" + (base.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? base) + (base.hasSuffix("/") ? "" : "/")
    }
}

extension SARIFReporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers."

    /// Creates the reporter from the shared options.
    public init(options: ReporterOptions) {
        self.init(baseDirectory: options.baseDirectory, workingDirectory: options.workingDirectory)
    }
}
