import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TrackplanAnalyze
@testable import TrackplanCore

/// A JSON number as a Double (`"Infinity"` as the JSON outputs write an infinite lift).
func number(_ v: JSONValue?) -> Double? {
    switch v {
    case .int(let i): Double(i)
    case .double(let d): d
    case .string("Infinity"): .infinity
    default: nil
    }
}

@Suite struct TwoByTwoTests {
    @Test func computesTheTextbookFigures() throws {
        // 40 of 100 with the micro converted, 10 of 100 without.
        let t = TwoByTwo(a: 40, b: 60, c: 10, d: 90)
        #expect(t.lift == 4)
        // Expected values from Python's math module (Tests/analysis_reference.py uses the same formulas).
        #expect(abs((t.phi ?? 0) - 0.34641016151377546) < 1e-12)
        #expect(abs((t.chiSquare ?? 0) - 24) < 1e-9)
        #expect(abs((t.pValue ?? 0) - 9.63357008643093e-07) < 1e-15)
        let interval = try #require(t.liftInterval)
        #expect(abs(interval.lowerBound - 2.1195280437313433) < 1e-9)
        #expect(abs(interval.upperBound - 7.548850343037993) < 1e-9)
        #expect(TwoByTwo(a: 5, b: 5, c: 0, d: 10).lift == .infinity)
        #expect(TwoByTwo(a: 0, b: 5, c: 0, d: 10).lift == nil)
        #expect(TwoByTwo(a: 0, b: 0, c: 3, d: 10).phi == nil)
    }

    @Test func benjaminiHochbergMatchesItsDefinition() {
        let q = benjaminiHochberg([0.01, 0.04, 0.03, nil, 0.005])
        #expect(q.map { $0.map { ($0 * 1e6).rounded() / 1e6 } } == [0.02, 0.04, 0.04, nil, 0.02])
    }
}

@Suite struct AnalyzeRealDataTests {
    static let export = "realdata/ga360_as_ga4_events.ndjson"
    static let plan = TestPaths.root.appendingPathComponent("Tests/Fixtures/verify/merch-store.yaml").path
    static let micros = ["select_item", "view_item", "add_to_cart", "remove_from_cart", "begin_checkout"]

    func reference(_ unit: String, steps: [String]) throws -> JSONValue {
        let result = try PythonScript.run("analysis_reference.py", [TestPaths.shared.appendingPathComponent(Self.export).path, "purchase",
                                                                   Self.micros.joined(separator: ","), steps.joined(separator: ","), "--unit", unit])
        #expect(result.status == 0)
        return try JSONParser.parse(result.stdout)
    }

    func close(_ a: JSONValue?, _ b: JSONValue?, _ what: String) {
        guard let x = number(a), let y = number(b) else { Issue.record("\(what): \(String(describing: a)) vs \(String(describing: b))"); return }
        #expect(x == y || abs(x - y) <= 1e-9 * max(1, abs(y)), "\(what): \(x) vs \(y)")
    }

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)), arguments: ["session", "user"])
    func liftAndFunnelMatchAnIndependentComputation(_ unit: String) throws {
        let steps = ["view_item", "add_to_cart", "begin_checkout"]
        var options = AnalysisOptions()
        options.unit = AnalysisOptions.Unit(rawValue: unit) ?? .session
        options.funnelSteps = steps
        let outcome = AnalysisPipeline.run(plan: Self.plan, inputs: [TestPaths.shared.appendingPathComponent(Self.export).path], options: options)
        let ours = try JSONParser.parse(AnalysisJSON.document(outcome, planPath: "plan.yaml"))
        let theirs = try reference(unit, steps: steps)
        #expect(ours["units"] == theirs["units"])
        guard case .array(let ourRows) = ours["lift"] ?? .null, case .array(let theirRows) = theirs["lift"] ?? .null else {
            Issue.record("no lift rows"); return
        }
        #expect(Set(ourRows.compactMap { if case .string(let m) = $0["micro"] ?? .null { m } else { nil } }) == Set(Self.micros))
        for row in theirRows {
            let ours = try #require(ourRows.first { $0["micro"] == row["micro"] })
            let name = "\(row["micro"] ?? .null)"
            #expect(ours["converted_with"] == row["a"], "\(name)")
            if case .int(let a) = row["a"] ?? .null, case .int(let b) = row["b"] ?? .null { #expect(ours["with_micro"] == .int(a + b), "\(name)") }
            #expect(ours["converted_without"] == row["c"], "\(name)")
            for (mine, reference) in [("rate_with", "rate_with"), ("rate_without", "rate_without"), ("lift", "lift"), ("phi", "phi"), ("p", "p"), ("q", "q")] {
                close(ours[mine], row[reference], "\(name) \(mine)")
            }
            guard case .array(let ci) = ours["lift_ci95"] ?? .null, case .array(let refCI) = row["ci"] ?? .null else { Issue.record("no CI"); continue }
            close(ci.first, refCI.first, "\(name) CI low")
            close(ci.last, refCI.last, "\(name) CI high")
        }
        guard case .array(let ourSteps) = ours["funnel"]?["steps"] ?? .null else { Issue.record("no funnel"); return }
        #expect(ourSteps.map { $0["closed"] ?? .null } == (theirs["funnel"]?["closed"]).map { if case .array(let a) = $0 { a } else { [] } })
        #expect(ourSteps.map { $0["open"] ?? .null } == (theirs["funnel"]?["open"]).map { if case .array(let a) = $0 { a } else { [] } })
        if unit == "session" {
            // The figures four implementations agreed on (../shared/realdata/SOURCES.md).
            #expect(ourSteps.map { $0["closed"] ?? .null } == [.int(501), .int(149), .int(46), .int(20)])
            #expect(ours["units"] == .int(1830))
        }
    }

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)))
    func judgesThePlan() {
        let outcome = AnalysisPipeline.run(plan: Self.plan, inputs: [TestPaths.shared.appendingPathComponent(Self.export).path], options: AnalysisOptions())
        #expect(outcome.report.diagnostics.map { "\($0.span?.start.line ?? 0): \($0.severity.rawValue): \($0.message) [\($0.ruleID)]" } == [
            "15: info: `select_item` correlates only weakly with `purchase` (phi below 0.1): phi 0.084, lift 2.92× (95% CI 1.59–5.39), 502 sessions with it [micro-weak]",
            "23: info: `view_item` correlates only weakly with `purchase` (phi below 0.1): phi 0.084, lift 2.93× (95% CI 1.59–5.41), 501 sessions with it [micro-weak]",
            "39: info: `remove_from_cart` correlates only weakly with `purchase` (phi below 0.1): phi 0.064, lift 4.42× (95% CI 1.43–13.60), 33 sessions with it [micro-weak]",
            "39: warning: `remove_from_cart` is declared a negative signal, but sessions with it convert more to `purchase`: phi 0.064, lift 4.42× (95% CI 1.43–13.60), 33 sessions with it [negative-disagrees]",
        ])
        #expect(outcome.exitStatus == .success)
        #expect(outcome.analysis?.funnel.map(\.name) == ["consideration", "decision", "purchase"])
    }
}

@Suite struct FirebaseTests {
    static let rows = "realdata/firebase_analytics_153293282.sample_rows.ndjson"

    @Test(.enabled(if: Requirement.shared(rows), Requirement.sharedReason(rows)))
    func analyzesTheFirebaseRowsPerUser() throws {
        let micros = ["level_start_quickplay", "level_complete_quickplay", "level_fail_quickplay"]
        let reference = try PythonScript.run("analysis_reference.py", [TestPaths.shared.appendingPathComponent(Self.rows).path, "post_score",
                                                                      micros.joined(separator: ","), micros[0], "--unit", "user"])
        let theirs = try JSONParser.parse(reference.stdout)
        var options = AnalysisOptions()
        options.unit = .user
        options.minUnits = 5
        let outcome = AnalysisPipeline.run(plan: TestPaths.root.appendingPathComponent("Tests/Fixtures/analyze/flood-it.yaml").path,
                                           inputs: [TestPaths.shared.appendingPathComponent(Self.rows).path], options: options)
        let analysis = try #require(outcome.analysis)
        #expect(JSONValue.int(analysis.units) == theirs["units"])
        guard case .array(let rows) = theirs["lift"] ?? .null else { Issue.record("no reference rows"); return }
        for row in rows {
            let mine = try #require(analysis.lift.first { JSONValue.string($0.micro) == row["micro"] })
            #expect(JSONValue.int(mine.table.a) == row["a"])
            #expect(JSONValue.int(mine.table.b) == row["b"])
            #expect(JSONValue.int(mine.table.c) == row["c"])
            #expect(JSONValue.int(mine.table.d) == row["d"])
        }
    }
}

@Suite struct AnalyzeCLITests {
    static let plan = """
    trackplan: 1
    name: Shop
    stages:
      - id: consideration
      - id: decision
    events:
      add_to_cart:
        stage: consideration
        leads_to: purchase
        signal: 5
      share:
        stage: consideration
        leads_to: purchase
      wishlist:
        stage: consideration
        leads_to: purchase
      purchase:
        kind: macro
        stage: decision

    """

    /// An export of `sessions` sessions: those in `carts` add to cart, those in `buyers` buy,
    /// those in `sharers` share.
    static func export(sessions: Int, carts: Set<Int>, buyers: Set<Int>, sharers: Set<Int>) -> String {
        var lines: [String] = []
        func row(_ name: String, _ s: Int, _ t: Int) -> String {
            #"{"event_name": "\#(name)", "event_timestamp": \#(1_700_000_000_000_000 + s * 10_000_000 + t * 1_000_000), "user_pseudo_id": "u\#(s)", "event_params": [{"key": "ga_session_id", "value": {"string_value": null, "int_value": \#(s), "float_value": null, "double_value": null}}]}"#
        }
        for s in 0..<sessions {
            lines.append(row("page_view", s, 0))
            if carts.contains(s) { lines.append(row("add_to_cart", s, 1)) }
            if sharers.contains(s) { lines.append(row("share", s, 2)) }
            if buyers.contains(s) { lines.append(row("purchase", s, 3)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func judgesDeclaredSignalsAndReportsBadRows() throws {
        // 200 sessions: add_to_cart in the even ones, purchases in those ≡ 0 or 1 (mod 8) except
        // the sharers (100..<160), who never buy: add_to_cart does not correlate (phi 0), share
        // correlates negatively (a negative signal not declared as such).
        let sharers = Set(100..<160)
        let buyers = Set((0..<200).filter { $0 % 8 < 2 && !sharers.contains($0) })
        let export = Self.export(sessions: 200, carts: Set((0..<200).filter { $0 % 2 == 0 }), buyers: buyers, sharers: sharers)
        let dir = try TempDirectory(["plan.yaml": Self.plan, "events.ndjson": export])
        let result = try CLI.run(["analyze", "plan.yaml", "events.ndjson", "--format", "json"], in: dir.url)
        #expect(result.status == 0)
        let document = try JSONParser.parse(result.stdout)
        guard case .array(let findings) = document["findings"] ?? .null else { Issue.record("no findings"); return }
        #expect(findings.map { "\($0["id"] ?? .null) \($0["message"] ?? .null)" } == [
            #"string("signal-disagrees") string("`add_to_cart` is declared a strong signal (5 of 5) but barely goes with `purchase`: phi 0.000, lift 1.00× (95% CI 0.55–1.81), 100 sessions with it")"#,
            #"string("negative-disagrees") string("Sessions with `share` convert less to `purchase`: phi -0.307, lift 0.00× (95% CI 0.00–0.51), 60 sessions with it")"#,
            #"string("micro-not-seen") string("`wishlist` never appears in the data: no lift can be measured (a tracking gap, not \"no effect\")")"#,
            #"string("macro-unpredicted") string("no micro-conversion predicts `purchase` (the best phi is 0.000)")"#,
        ])
        let failing = try CLI.run(["analyze", "plan.yaml", "events.ndjson", "--fail-on", "warning"], in: dir.url)
        #expect(failing.status == 1)
        // A wrong timestamp type: located, the row left out, exit 2.
        try dir.write("wrong-time.ndjson", export + #"{"event_name": "purchase", "event_timestamp": "yesterday", "user_pseudo_id": "u1", "event_params": []}"# + "\n")
        let wrongTime = try CLI.run(["analyze", "plan.yaml", "wrong-time.ndjson"], in: dir.url)
        #expect(wrongTime.status == 2)
        #expect(wrongTime.stdout.contains("wrong-time.ndjson:397:1: error: `event_timestamp` is the text `yesterday`, not microseconds since 1970; the row was skipped [export-problem]"))
        // A broken line and a row without a session id: located, left out, exit 2.
        try dir.write("broken.ndjson", export + "{\"event_name\": \n" + #"{"event_name": "purchase", "user_pseudo_id": "x", "event_params": []}"# + "\n")
        let broken = try CLI.run(["analyze", "plan.yaml", "broken.ndjson"], in: dir.url)
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("broken.ndjson:397:16: error: the line is not JSON: the text ends early: expected a value; it was skipped [export-problem]"))
        #expect(broken.stdout.contains("Data: 397 events read, 396 counted into 200 sessions; 1 set aside without a session id (ga_session_id) (first: broken.ndjson line 398); 200 events of 1 names the plan does not have"))
        let usage = try CLI.run(["analyze", "plan.yaml", "events.ndjson", "--macro", "purchse"], in: dir.url)
        #expect(usage.status == 64)
        #expect(usage.stderr == "Error: `purchse` is not an active event of the plan; did you mean `purchase`?\n")
    }
}

@Suite struct BigQuerySQLTests {
    static let export = AnalyzeRealDataTests.export

    /// The rows of the emitted query run on DuckDB (through sqlglot) over the export.
    func run(_ options: AnalysisOptions) throws -> [JSONValue] {
        let query: String
        switch AnalysisPipeline.sql(plan: AnalyzeRealDataTests.plan, table: "my-project.analytics_1.events_*", options: options) {
        case .success(let text): query = text
        case .failure(let failure): Issue.record("no query: \(failure)"); return []
        }
        let dir = try TempDirectory(["query.sql": query])
        let result = try PythonScript.run("bigquery_check.py", [dir.url.appendingPathComponent("query.sql").path, "my-project.analytics_1.events_*",
                                                                TestPaths.shared.appendingPathComponent(Self.export).path])
        #expect(result.status == 0)
        return try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }


    @Test(.enabled(if: Requirement.shared(export) && Requirement.hasSQLEngines,
                   Comment(rawValue: "\(Requirement.sharedReason(export).rawValue); and \(Requirement.pythonReason(Requirement.sqlEngines).rawValue)")),
          arguments: [("session", nil, nil), ("user", nil, nil), ("session", "2016-09-01", "2016-12-31")] as [(String, String?, String?)])
    func theQueryAgreesWithTheLocalEngine(_ unit: String, _ from: String?, _ to: String?) throws {
        var options = AnalysisOptions()
        options.unit = AnalysisOptions.Unit(rawValue: unit) ?? .session
        options.funnelSteps = ["view_item", "add_to_cart", "begin_checkout"]
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        options.from = from.flatMap(formatter.date)
        options.to = to.flatMap(formatter.date)
        let rows = try run(options)
        let local = AnalysisPipeline.run(plan: AnalyzeRealDataTests.plan, inputs: [TestPaths.shared.appendingPathComponent(Self.export).path], options: options)
        let analysis = try #require(local.analysis)
        #expect(rows.first { $0["section"] == .string("units") }?["reached_in_order"] == .int(analysis.units))
        let liftRows = rows.filter { $0["section"] == .string("lift") }
        #expect(liftRows.count == analysis.lift.count)
        for row in analysis.lift {
            let sql = try #require(liftRows.first { $0["name"] == .string(row.micro) }, "\(row.micro)")
            #expect(sql["with_micro"] == .int(row.table.withMicro))
            #expect(sql["converted_with"] == .int(row.table.a))
            #expect(sql["without_micro"] == .int(row.table.withoutMicro))
            #expect(sql["converted_without"] == .int(row.table.c))
            #expect(sql["insufficient_data"] == .bool(row.insufficient))
            let pairs: [(String, Double?)] = [("rate_with", row.table.rateWith), ("rate_without", row.table.rateWithout), ("lift", row.table.lift),
                                              ("lift_ci_low", row.table.liftInterval?.lowerBound), ("lift_ci_high", row.table.liftInterval?.upperBound),
                                              ("phi", row.table.phi), ("chi_square", row.table.chiSquare)]
            for (column, mine) in pairs {
                let theirs = number(sql[column])
                #expect(mine == theirs || abs((mine ?? .nan) - (theirs ?? .nan)) <= 1e-9 * max(1, abs(mine ?? 0)), "\(row.micro) \(column): \(String(describing: mine)) vs \(String(describing: theirs))")
            }
            // erfc in SQL is Abramowitz-Stegun's approximation: absolute error under 1.5e-7.
            #expect(abs((number(sql["p_value"]) ?? 9) - (row.table.pValue ?? 0)) < 2e-7, "\(row.micro) p")
            #expect(abs((number(sql["q_value"]) ?? 9) - (row.qValue ?? 0)) < 2e-7 * Double(analysis.lift.count), "\(row.micro) q")
        }
        let funnel = rows.filter { $0["section"] == .string("funnel") }
        #expect(funnel.map { $0["name"] ?? .null } == analysis.funnel.map { .string($0.name) })
        #expect(funnel.map { $0["reached_in_order"] ?? .null } == analysis.funnel.map { .int($0.closed) })
        #expect(funnel.map { $0["reached_any_order"] ?? .null } == analysis.funnel.map { .int($0.open) })
        if from != nil { #expect(analysis.quality.outsideDates > 0) }
    }

    @Test func refusesTablesThatAreNotTableNames() {
        #expect(BigQuerySQL.validTable("my-project.analytics_123456.events_*"))
        #expect(BigQuerySQL.validTable("p.d.events_20240101"))
        #expect(!BigQuerySQL.validTable("p.d.events_*` WHERE 1=1 --"))
        #expect(!BigQuerySQL.validTable("events_*"))
    }
}

@Suite struct EventLogTests {
    static let otto = "realdata/otto_train_fixture.jsonl"

    @Test(.enabled(if: Requirement.shared(otto), Requirement.sharedReason(otto)))
    func analyzesTheOttoSessionsAsAPlainEventLog() throws {
        // Independent count: each session's event types, with Foundation's JSON parser.
        let text = try String(contentsOf: TestPaths.shared.appendingPathComponent(Self.otto), encoding: .utf8)
        var types: [Set<String>] = []
        for line in text.split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let events = try #require(record["events"] as? [[String: Any]])
            types.append(Set(events.compactMap { $0["type"] as? String }))
        }
        let a = types.filter { $0.contains("carts") && $0.contains("orders") }.count
        let withCarts = types.filter { $0.contains("carts") }.count
        let orders = types.filter { $0.contains("orders") }.count
        let dir = try TempDirectory()
        let result = try CLI.run(["analyze", TestPaths.root.appendingPathComponent("Tests/Fixtures/analyze/otto.yaml").path,
                                  TestPaths.shared.appendingPathComponent(Self.otto).path, "--events-field", "events", "--event-field", "type",
                                  "--session-field", "session", "--time-field", "ts", "--min-units", "5", "--format", "json"], in: dir.url)
        #expect(result.status == 0)
        let document = try JSONParser.parse(result.stdout)
        #expect(document["units"] == .int(types.count))
        #expect(document["data"]?["events"] == .int(862))
        guard case .array(let rows) = document["lift"] ?? .null else { Issue.record("no lift"); return }
        let carts = try #require(rows.first { $0["micro"] == .string("carts") })
        #expect(carts["with_micro"] == .int(withCarts))
        #expect(carts["converted_with"] == .int(a))
        #expect(carts["converted_without"] == .int(orders - a))
        guard case .array(let steps) = document["funnel"]?["steps"] ?? .null else { Issue.record("no funnel"); return }
        let open: [JSONValue] = steps.map { $0["open"] ?? .null }
        #expect(open == [JSONValue.int(20), .int(withCarts), .int(orders)])
    }

    @Test func readsCSVWithConfigurableFields() throws {
        let dir = try TempDirectory(["plan.yaml": EventLogTests.plan, "log.csv": """
        user,when,what
        u1,2026-11-01T10:00:00Z,clicks
        u1,2026-11-01T10:01:00Z,"carts"
        u1,2026-11-01T10:02:00Z,orders
        u2,1762000000,clicks
        u3,"2026-11-01T10:00:00Z,clicks

        """])
        let result = try CLI.run(["analyze", "plan.yaml", "log.csv", "--user-field", "user", "--session-field", "user",
                                  "--time-field", "when", "--event-field", "what", "--min-units", "1", "--format", "json"], in: dir.url)
        #expect(result.status == 2)
        let document = try JSONParser.parse(result.stdout)
        #expect(document["units"] == .int(2))
        guard case .array(let findings) = document["findings"] ?? .null else { Issue.record("no findings"); return }
        #expect(findings.contains { $0["message"] == .string("an unterminated quoted field (fields cannot span lines); the line was skipped") })
    }

    static let plan = """
    trackplan: 1
    name: Log
    stages:
      - id: decision
    events:
      clicks:
        stage: decision
        leads_to: orders
      carts:
        stage: decision
        leads_to: orders
      orders:
        kind: macro
        stage: decision

    """
}

@Suite struct AnalysisExampleTests {
    static let export = AnalyzeRealDataTests.export

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)))
    func theCommittedExampleIsWhatScriptsAnalysisExampleWrites() throws {
        let dir = try TempDirectory()
        let data = TestPaths.shared.appendingPathComponent(Self.export).path
        let markdown = try CLI.run(["analyze", "examples/analysis/merch-store.yaml", data, "--format", "markdown",
                                    "-o", dir.url.appendingPathComponent("ANALYSIS.md").path])
        #expect(markdown.status == 0)
        let json = try CLI.run(["analyze", "examples/analysis/merch-store.yaml", data, "--format", "json",
                                "-o", dir.url.appendingPathComponent("analysis.json").path])
        #expect(json.status == 0)
        for name in ["ANALYSIS.md", "ANALYSIS-lift.svg", "ANALYSIS-funnel.svg", "analysis.json"] {
            let written = try String(contentsOf: dir.url.appendingPathComponent(name), encoding: .utf8)
            let committed = try String(contentsOf: TestPaths.root.appendingPathComponent("examples/analysis/\(name)"), encoding: .utf8)
            #expect(written == committed, "examples/analysis/\(name) is stale: run scripts/analysis-example")
        }
        // The charts are well-formed XML.
        for name in ["ANALYSIS-lift.svg", "ANALYSIS-funnel.svg"] {
            let parser = XMLParser(contentsOf: TestPaths.root.appendingPathComponent("examples/analysis/\(name)"))
            #expect(parser?.parse() == true, "\(name)")
        }
    }
}

@Suite struct BuildWithAnalysisTests {
    @Test func trackingShowsTheMeasuredLiftNextToTheDeclaredSignal() throws {
        let dir = try TempDirectory()
        let result = try CLI.run(["build", "examples/analysis/merch-store.yaml", "--out", dir.url.path, "--analysis", "examples/analysis/analysis.json"])
        #expect(result.status == 0)
        let tracking = try String(contentsOf: dir.url.appendingPathComponent("TRACKING.md"), encoding: .utf8)
        #expect(tracking.contains("| Signal | ★★★★☆ |\n| Measured | phi 0.258, lift 14.64× (95% CI 7.86–27.28) on `purchase`, 187 sessions with it — correlation, from `trackplan analyze` |\n"))
        #expect(tracking.contains("| Measured | phi 0.690, lift ∞ (95% CI 105.87–27517.24) on `purchase`, 82 sessions with it — correlation, from `trackplan analyze` |"))
        let bad = try CLI.run(["build", "examples/analysis/merch-store.yaml", "--out", dir.url.path, "--analysis", "examples/analysis/merch-store.yaml"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: cannot read the analysis `examples/analysis/merch-store.yaml`:"))
    }
}
