import TrackplanCapture
import TrackplanCore

/// The verification as JSON (`"schema": "trackplan.verify/1"`): gates, findings, coverage and
/// inputs. The shape is documented in the README; fields are only ever added within version 1.
public enum VerifyJSON {
    /// The schema id written in every document.
    public static let schema = "trackplan.verify/1"

    /// The document.
    public static func document(_ outcome: VerifyPipeline.Outcome, planPath: String) -> String {
        var members: [JSONMember] = [
            JSONMember("schema", .string(schema)),
            JSONMember("plan", .string(planPath)),
            JSONMember("exit_status", .int(Int(outcome.exitStatus.code))),
            JSONMember("passed", .bool(outcome.exitStatus == .success)),
            JSONMember("summary", .string(outcome.report.summary)),
        ]
        if let gates = outcome.gates {
            members.append(JSONMember("gates", .object([
                JSONMember("fail_on", .string(gates.failOn.rawValue)),
                JSONMember("failing_findings", .int(gates.failingFindings)),
                JSONMember("min_coverage", gates.minCoverage.map(JSONValue.double) ?? .null),
                JSONMember("coverage", gates.coverage.map(JSONValue.double) ?? .null),
                JSONMember("coverage_passed", .bool(gates.coveragePassed)),
                JSONMember("required_missing", .array(gates.requiredMissing.map(JSONValue.string))),
                JSONMember("input_problems", .int(gates.inputProblems)),
            ])))
        }
        members.append(JSONMember("findings", .array(outcome.report.diagnostics.map(finding))))
        if let result = outcome.result {
            members.append(JSONMember("coverage", coverage(result.run)))
            members.append(JSONMember("inputs", .array(result.run.inputs.map(input))))
        }
        members.append(JSONMember("unreadable", .array(outcome.report.unreadable.map {
            .object([JSONMember("path", .string($0.path)), JSONMember("reason", .string($0.reason))])
        })))
        return JSONValue.object(members).serialized() + "\n"
    }

    static func finding(_ d: Diagnostic) -> JSONValue {
        let components = d.path?.components ?? []
        let event = components.count >= 2 && components[0] == "events" ? components[1] : nil
        let param = components.count >= 4 && components[2] == "params" ? components[3] : nil
        return .object([
            JSONMember("id", .string(d.ruleID)),
            JSONMember("severity", .string(d.severity.rawValue)),
            JSONMember("message", .string(d.message)),
            JSONMember("event", event.map(JSONValue.string) ?? .null),
            JSONMember("param", param.map(JSONValue.string) ?? .null),
            JSONMember("location", d.span.map(location) ?? .null),
            JSONMember("hint", d.hint.map(JSONValue.string) ?? .null),
            JSONMember("evidence", .array(d.related.map { related in
                .object([JSONMember("what", .string(related.message)), JSONMember("file", .string(related.span.file.path)),
                         JSONMember("line", .int(related.span.start.line))])
            })),
        ])
    }

    static func location(_ span: SourceSpan) -> JSONValue {
        .object([JSONMember("file", .string(span.file.path)), JSONMember("line", .int(span.start.line)),
                 JSONMember("column", .int(span.start.column))])
    }

    static func figure(_ f: Coverage.Figure) -> [JSONMember] {
        [JSONMember("seen", .int(f.seen)), JSONMember("total", .int(f.total)), JSONMember("ratio", f.ratio.map(JSONValue.double) ?? .null)]
    }

    static func counts(_ counts: [String: Int]) -> JSONValue {
        .array(counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            .object([JSONMember("name", .string($0.key)), JSONMember("count", .int($0.value))])
        })
    }

    static func coverage(_ run: VerifyRun) -> JSONValue {
        let c = run.coverage
        let scope = !c.pageInfoKnown ? "no-page-urls" : run.options.scopeAll ? "all" : "visited-page-types"
        return .object([
            JSONMember("scope", .string(scope)),
            JSONMember("overall", .object(figure(c.overall))),
            JSONMember("by_stage", .array(c.byStage.map { .object([JSONMember("stage", $0.id.isEmpty ? .null : .string($0.id))] + figure($0.figure)) })),
            JSONMember("by_kind", .array(c.byKind.map { .object([JSONMember("kind", .string($0.kind.rawValue))] + figure($0.figure)) })),
            JSONMember("by_page_type", .array(c.byPageType.map {
                .object([JSONMember("page_type", .string($0.id)), JSONMember("visited", .bool($0.visited))] + figure($0.figure))
            })),
            JSONMember("events", .array(c.events.map { line in
                .object([
                    JSONMember("name", .string(line.name)),
                    JSONMember("kind", .string(line.kind.rawValue)),
                    JSONMember("stage", line.stage.map(JSONValue.string) ?? .null),
                    JSONMember("status", .string(line.status.rawValue)),
                    JSONMember("in_scope", .bool(line.inScope)),
                    JSONMember("seen", .int(line.seen)),
                    JSONMember("counts", .object(CaptureLayer.allCases.compactMap { layer in
                        line.counts[layer].map { JSONMember(layer.rawValue, .int($0)) }
                    })),
                    JSONMember("page_types", .array(line.pagesSeen.map {
                        .object([JSONMember("page_type", .string($0.id)), JSONMember("count", .int($0.count))])
                    })),
                    JSONMember("params", .array(line.params.map { param in
                        .object([
                            JSONMember("name", .string(param.name)),
                            JSONMember("required", .bool(param.required)),
                            JSONMember("present", .int(param.present)),
                            JSONMember("expected", .int(param.expected)),
                            JSONMember("share", param.expected > 0 ? .double(Double(param.present) / Double(param.expected)) : .null),
                            JSONMember("types", .object(param.types.map { JSONMember($0.name, .int($0.count)) })),
                        ])
                    })),
                ])
            })),
            JSONMember("unplanned", counts(run.unplanned)),
            JSONMember("automatic", counts(run.automatic)),
            JSONMember("unmatched_pages", .array(c.unmatchedPages.map {
                .object([JSONMember("path", .string($0.path)), JSONMember("count", .int($0.count))])
            })),
        ])
    }

    static func input(_ s: CaptureSummary) -> JSONValue {
        .object([
            JSONMember("path", .string(s.path)),
            JSONMember("format", .string(s.format.rawValue)),
            JSONMember("events", .int(s.events)),
            JSONMember("records", .int(s.records)),
            JSONMember("ga4_requests", .int(s.ga4Requests)),
            JSONMember("skipped", .object([
                JSONMember("other_requests", .int(s.skippedOtherRequests)),
                JSONMember("universal_analytics", .int(s.skippedUniversalAnalytics)),
                JSONMember("gtm_events", .int(s.skippedGTMEvents)),
                JSONMember("pushes_without_event", .int(s.pushesWithoutEvent)),
            ])),
            JSONMember("problems", .int(s.problemCount)),
            JSONMember("measurement_ids", .object(s.measurementIDs.sorted { $0.key < $1.key }.map { JSONMember($0.key, .int($0.value)) })),
        ])
    }
}
