import TrackplanCore

/// The analysis as JSON (`"schema": "trackplan.analysis/1"`), also read by
/// `trackplan build --analysis`.
public enum AnalysisJSON {
    /// The schema id.
    public static let schema = "trackplan.analysis/1"

    static func double(_ x: Double?) -> JSONValue {
        guard let x else { return .null }
        return x.isFinite ? .double(x) : .string(x > 0 ? "Infinity" : "-Infinity")
    }

    /// The document.
    public static func document(_ outcome: AnalysisPipeline.Outcome, planPath: String) -> String {
        var members: [JSONMember] = [JSONMember("schema", .string(schema)), JSONMember("plan", .string(planPath)),
                                     JSONMember("exit_status", .int(Int(outcome.exitStatus.code)))]
        if let a = outcome.analysis {
            members.append(JSONMember("unit", .string(a.unit.rawValue)))
            members.append(JSONMember("units", .int(a.units)))
            members.append(JSONMember("lift", .array(a.lift.map { row in
                let t = row.table
                return .object([
                    JSONMember("micro", .string(row.micro)), JSONMember("macro", .string(row.macro)),
                    JSONMember("with_micro", .int(t.withMicro)), JSONMember("converted_with", .int(t.a)),
                    JSONMember("without_micro", .int(t.withoutMicro)), JSONMember("converted_without", .int(t.c)),
                    JSONMember("rate_with", double(t.rateWith)), JSONMember("rate_without", double(t.rateWithout)),
                    JSONMember("lift", double(t.lift)),
                    JSONMember("lift_ci95", t.liftInterval.map { .array([double($0.lowerBound), double($0.upperBound)]) } ?? .null),
                    JSONMember("phi", double(t.phi)), JSONMember("chi_square", double(t.chiSquare)),
                    JSONMember("p", double(t.pValue)), JSONMember("q", double(row.qValue)),
                    JSONMember("insufficient_data", .bool(row.insufficient)),
                    JSONMember("declared_signal", row.declaredSignal.map(JSONValue.int) ?? .null),
                    JSONMember("declared_negative", .bool(row.declaredNegative)),
                ])
            })))
            members.append(JSONMember("unseen_micros", .array(a.unseenMicros.map(JSONValue.string))))
            members.append(JSONMember("funnel", .object([
                JSONMember("macro", a.funnelMacro.map(JSONValue.string) ?? .null),
                JSONMember("steps", .array(a.funnel.map { step in
                    .object([JSONMember("name", .string(step.name)), JSONMember("events", .array(step.events.map(JSONValue.string))),
                             JSONMember("closed", .int(step.closed)), JSONMember("open", .int(step.open))])
                })),
            ])))
            members.append(JSONMember("by_page_type", .array(a.byPageType.map {
                .object([JSONMember("page_type", .string($0.pageType)), JSONMember("units", .int($0.units)), JSONMember("converted", .int($0.converted))])
            })))
            members.append(JSONMember("data", .object([
                JSONMember("events", .int(a.quality.events)), JSONMember("counted", .int(a.quality.counted)),
                JSONMember("outside_dates", .int(a.quality.outsideDates)),
                JSONMember("set_aside", .object(DataQuality.Reason.allCases.compactMap { reason in
                    a.quality.setAside[reason].map { JSONMember("\(reason)", .int($0.count)) }
                })),
            ])))
        }
        members.append(JSONMember("findings", .array(outcome.report.diagnostics.map { d in
            .object([JSONMember("id", .string(d.ruleID)), JSONMember("severity", .string(d.severity.rawValue)),
                     JSONMember("message", .string(d.message)),
                     JSONMember("location", d.span.map { .object([JSONMember("file", .string($0.file.path)), JSONMember("line", .int($0.start.line))]) } ?? .null),
                     JSONMember("hint", d.hint.map(JSONValue.string) ?? .null)])
        })))
        return JSONValue.object(members).serialized() + "\n"
    }
}
