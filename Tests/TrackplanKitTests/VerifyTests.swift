import Foundation
import Testing
@testable import TrackplanCapture
@testable import TrackplanCore
@testable import TrackplanVerify

/// The verify findings of `plan` (under Tests/Fixtures/verify) against `inputs` (under ../shared), rendered.
func verifyLines(_ plan: String, _ inputs: [String], options: VerifyOptions = VerifyOptions()) -> (VerifyPipeline.Outcome, [String]) {
    let planPath = TestPaths.root.appendingPathComponent("Tests/Fixtures/verify/\(plan)").path
    let outcome = VerifyPipeline.run(plan: planPath, inputs: inputs.map {
        VerifyInput(path: TestPaths.shared.appendingPathComponent($0).path, displayPath: ($0 as NSString).lastPathComponent)
    }, options: options)
    let lines = outcome.report.diagnostics.map { d in
        let location = d.span.map { "\(($0.file.path as NSString).lastPathComponent):\($0.start.line):\($0.start.column): " } ?? ""
        return location + "\(d.severity.rawValue): \(d.message) [\(d.ruleID)]"
    }
    return (outcome, lines)
}

@Suite struct VerifyCheckExampleTests {
    @Test(arguments: VerifyChecks.ids)
    func eachCheckReportsItsExampleAndCanBeTurnedOff(_ id: String) throws {
        let check = try #require(VerifyChecks.all.first { $0.id == id })
        let findings = VerifyDocumentation.findings(of: check)
        #expect(!findings.isEmpty, "the example of \(id) reports nothing")
        #expect(findings.allSatisfy { $0.contains("[\(id)]") })
        var options = VerifyOptions()
        options.severities[id] = .some(nil)
        #expect(!VerifyDocumentation.run(check.example, options: options).report.diagnostics.contains { $0.ruleID == id })
    }

    @Test func theChecksAreDocumentedWithWhatTheirExamplesReport() throws {
        // docs/verify.md is generated (swift run trackplan-dev regenerate); RegenerationTests
        // compares it. Here: every check has its section and its exact report.
        let docs = VerifyDocumentation.markdown()
        for check in VerifyChecks.all {
            #expect(docs.contains("\n## \(check.id)\n"))
            for finding in VerifyDocumentation.findings(of: check) { #expect(docs.contains(finding)) }
        }
        #expect(Set(VerifyChecks.ids).count == VerifyChecks.ids.count)
        #expect(Set(VerifyChecks.ids).isDisjoint(with: ["plan-schema"]))
    }
}

@Suite struct VerifyRealCaptureTests {
    static let hits = "realdata/ga4-hits"
    static let har = "realdata/ga4-hits/har"

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func personalabsSendsItsValueAsTheTextNaN() {
        let (outcome, lines) = verifyLines("personalabs.yaml", ["\(Self.har)/fb-pixel-inspector.personalabs.requests-merged.har"])
        #expect(lines == [
            "personalabs.yaml:19:7: error: `value` of `begin_checkout` should be a number but was a string in 1 of 1 hit (100%); types seen: string 100% [param-type-mismatch]",
            "personalabs.yaml:21:3: info: `purchase` was not seen, although the captures visited its page type checkout (its status is `planned`) [event-not-seen]",
        ])
        #expect(outcome.report.diagnostics.first?.related.map(\.message) == ["seen in HAR entry 191 (event 2 of the request), on https://www.personalabs.com/shop-checkout/"])
        // The HAR is one line; entry 191 starts at byte 1,015,427 (found with Python's json.raw_decode).
        #expect(outcome.report.diagnostics.first?.related.first.map { "\($0.span.start)" } == "1:1015428")
        #expect(outcome.exitStatus == .failure)
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func oraquickSendsAnUpperCaseCustomEvent() throws {
        let (outcome, lines) = verifyLines("oraquick.yaml", ["\(Self.har)/fb-pixel-inspector.oraquick.requests-merged.har"])
        #expect(lines.filter { $0.contains("error") } == [
            "fb-pixel-inspector.oraquick.requests-merged.har:1:\(try #require(outcome.report.diagnostics.first { $0.ruleID == "unplanned-event" }?.span?.start.column)): error: `PROCEED_TO_CHECKOUT` was sent to GA4 once, but the plan has no such event [unplanned-event]",
        ])
        #expect(outcome.report.diagnostics.first { $0.ruleID == "unplanned-event" }?.hint
            == "did you mean `proceed_to_checkout`? Otherwise add `PROCEED_TO_CHECKOUT` to the plan's events (with `renamed_from` if it replaces one), or stop sending it")
        let coverage = try #require(outcome.result?.run.coverage)
        #expect(coverage.overall == Coverage.Figure(seen: 0, total: 4))
        #expect(outcome.result?.run.automatic == ["page_view": 6, "scroll": 5])
        #expect(Set(coverage.byPageType.filter(\.visited).map(\.id)) == ["home", "education", "product", "cart", "checkout"])
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func garbarinoRepeatsItsProductShelves() throws {
        let (outcome, lines) = verifyLines("garbarino.yaml", ["\(Self.hits)/loadrunner/garbarino_ga4_requests.jsonl"])
        #expect(lines == [
            "garbarino.yaml:19:3: warning: `view_item_list` was sent to GA4 again within 1000 ms with the same page and parameters: 5 of 17 hits (29.4%) repeat an earlier one [duplicate-event]",
            "garbarino.yaml:29:3: warning: `select_item` carries `value`, which the plan does not list, in 1 of 1 hit (100%) [unexpected-param]",
            "garbarino.yaml:65:3: warning: `add_shipping_info` carries 2 parameters the plan does not list (share of its 1 hit): `affiliation` 100%, `shipping` 100% [unexpected-param]",
            "garbarino.yaml:75:3: warning: `add_payment_info` carries 3 parameters the plan does not list (share of its 1 hit): `affiliation` 100%, `shipping` 100%, `shipping_tier` 100% [unexpected-param]",
            "garbarino.yaml:85:3: info: `purchase` was not seen, although the captures visited its page type checkout (its status is `planned`) [event-not-seen]",
            "garbarino_ga4_requests.jsonl:11:1: error: `ads_conversion_Tramitaci_n_de_la_compr_1` was sent to GA4 6 times, but the plan has no such event [unplanned-event]",
        ])
        let run = try #require(outcome.result?.run)
        #expect(run.coverage.overall == Coverage.Figure(seen: 7, total: 8))
        #expect(run.stats("view_item_list").counts == [.collect: 17])
        #expect(run.stats("view_item_list").pageTypes == ["home": 15, "product": 1])
        // The shared parameters were sent with every planned event.
        #expect(run.stats("view_item").params["device_type"]?.present == [.collect: 1])
    }

    static let export = "realdata/ga360_as_ga4_events.ndjson"

    /// Per event name: rows, and rows whose page_location path matches each regex — computed
    /// with Foundation's JSON parser, apart from the verifier.
    func independentCounts(_ path: String) throws -> [String: Int] {
        let text = try String(contentsOf: TestPaths.shared.appendingPathComponent(path), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts[try #require(row["event_name"] as? String), default: 0] += 1
        }
        return counts
    }

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)))
    func theMerchandiseStoreExportCoversThePlan() throws {
        let (outcome, lines) = verifyLines("merch-store.yaml", [Self.export])
        let counts = try independentCounts(Self.export)
        let run = try #require(outcome.result?.run)
        for line in run.coverage.events { #expect(line.seen == counts[line.name] ?? 0, "\(line.name)") }
        #expect(run.coverage.overall == Coverage.Figure(seen: 6, total: 6))
        #expect(run.automatic == ["page_view": counts["page_view"] ?? 0])
        #expect(run.unplanned == ["ua_event": 214])
        #expect(run.stats("purchase").params["transaction_id"]?.present == [.warehouse: 80])
        #expect(lines.first == "merch-store.yaml:15:3: warning: `select_item` carries 6 parameters the plan does not list (share of its 1652 rows): `ua_hit_number` 100%, `ua_hit_type` 100%, `ua_action_type` 100%, `ua_eventCategory` 100%, `ua_eventAction` 100%, `ua_eventLabel` 78.9% [unexpected-param]")
        #expect(lines.last == "ga360_as_ga4_events.ndjson:26:1: error: `ua_event` was in the export 214 times, but the plan has no such event [unplanned-event]")
        // Every catalog page the export's events were on matches the plan's case-insensitive regex.
        #expect(run.stats("add_to_cart").pageTypes == ["catalog": 358])
    }

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)))
    func theGA4SampleExportLacksItemsOnViewItem() throws {
        let (_, lines) = verifyLines("merch-store.yaml", ["realdata/ga4_obfuscated_sample_ecommerce.sample_rows.ndjson"])
        #expect(lines.filter { !$0.contains("info:") } == [
            "merch-store.yaml:30:7: error: `view_item` lacks the required parameter `items` in 4 of 4 rows (100%) [required-param-missing]",
            "ga4_obfuscated_sample_ecommerce.sample_rows.ndjson:19:1: error: `view_promotion` was in the export 3 times, but the plan has no such event [unplanned-event]",
            "ga4_obfuscated_sample_ecommerce.sample_rows.ndjson:110:1: error: `add_payment_info` was in the export once, but the plan has no such event [unplanned-event]",
        ])
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func aHARWithoutGA4HitsIsNotAnAllClear() throws {
        let data = try Data(contentsOf: TestPaths.shared.appendingPathComponent("\(Self.har)/fb-pixel-inspector.personalabs.requests-merged.har"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var log = try #require(root["log"] as? [String: Any])
        let entries = try #require(log["entries"] as? [[String: Any]])
        log["entries"] = entries.filter { !((($0["request"] as? [String: Any])?["url"] as? String ?? "").contains("/g/collect")) }
        let dir = try TempDirectory()
        try JSONSerialization.data(withJSONObject: ["log": log]).write(to: dir.url.appendingPathComponent("no-ga4.har"))
        let result = try CLI.run(["verify", TestPaths.root.appendingPathComponent("Tests/Fixtures/verify/personalabs.yaml").path, "no-ga4.har"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("no-ga4.har:1:1: error: `no-ga4.har` holds no event to check (0 GA4 requests, 0 events; skipped 208 other requests, 6 Universal Analytics hits) [capture-empty]\n"))
    }
}

@Suite struct VerifyCLITests {
    static let plan = """
    trackplan: 1
    name: Shop
    stages:
      - id: consideration
      - id: decision
    page_types:
      product: {match: {path_prefix: /p/}}
      blog: {match: {path_prefix: /blog/}}
    events:
      add_to_cart:
        stage: consideration
        leads_to: purchase
        pages: [product]
        status: implemented
        params:
          value: {type: number, required: true, from: ecommerce.value}
      read_post:
        stage: consideration
        leads_to: purchase
        pages: [blog]
      purchase:
        kind: macro
        stage: decision
        params:
          transaction_id: {type: string, required: true, from: ecommerce.transaction_id}

    """
    static let hits = """
    https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.2&dl=https%3A%2F%2Fshop.example%2Fp%2Fshirt&en=add_to_cart&epn.value=20
    https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.2&dl=https%3A%2F%2Fshop.example%2Fcart&en=purchase&ep.transaction_id=T-1

    """

    func directory() throws -> TempDirectory { try TempDirectory(["plan.yaml": Self.plan, "hits.txt": Self.hits]) }

    @Test func passesWhenEveryGatePasses() throws {
        let dir = try directory()
        let result = try CLI.run(["verify", "plan.yaml", "hits.txt", "--min-coverage", "100%"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout == """
        no problems: every event seen matches the plan

        Coverage: 2 of 2 planned events seen (100%) (events on every page, and on the page types visited: product)
          by stage: consideration 1/1, decision 1/1
          by kind: micro 1/1, macro 1/1
          by page type: product 1/1, blog not visited

        Events:
          add_to_cart  1 hit; on product ×1; params: value 100% integer
          read_post    not exercised (its page types were not visited)
          purchase     1 hit; params: transaction_id 100% string

        Pages of no page type: /cart ×1

        Inputs:
          hits.txt (list of GA4 hits): 2 GA4 requests, 2 events

        Gate --fail-on error: passed
        Gate --min-coverage 100%: passed (coverage 100%)

        """)
    }

    @Test func failsTheCoverageGateWhenEveryEventCounts() throws {
        let dir = try directory()
        let result = try CLI.run(["verify", "plan.yaml", "hits.txt", "--min-coverage", "0.9", "--scope", "all"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("plan.yaml:17:3: info: `read_post` was not seen (none of its page types was visited) (its status is `planned`) [event-not-seen]"))
        #expect(result.stdout.contains("Coverage: 2 of 3 planned events seen (66.7%) (every planned event counts: --scope all)"))
        #expect(result.stdout.contains("Gate --min-coverage 90%: failed (coverage 66.7%)"))
    }

    @Test func requiredEventsAndFailLevels() throws {
        let dir = try directory()
        try dir.write("cart-only.txt", String(Self.hits.split(separator: "\n")[0]) + "\n")
        let missing = try CLI.run(["verify", "plan.yaml", "cart-only.txt", "--require", "purchase"], in: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stdout.hasPrefix("plan.yaml:21:3: error: `purchase` was not seen in any input; it is required (--require) [event-not-seen]\n"))
        #expect(missing.stdout.contains("Gate --require: failed (not seen: `purchase`)"))
        let unknown = try CLI.run(["verify", "plan.yaml", "hits.txt", "--require", "purchse"], in: dir.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "Error: --require names `purchse`, which is not an active event of the plan; did you mean `purchase`?\n")
        try dir.write("typo.txt", Self.hits.replacingOccurrences(of: "epn.value=20", with: "ep.value=20"))
        #expect(try CLI.run(["verify", "plan.yaml", "typo.txt"], in: dir.url).status == 1)
        #expect(try CLI.run(["verify", "plan.yaml", "typo.txt", "--rule", "param-type-mismatch=warning"], in: dir.url).status == 0)
        #expect(try CLI.run(["verify", "plan.yaml", "typo.txt", "--rule", "param-type-mismatch=warning", "--fail-on", "warning"], in: dir.url).status == 1)
        let badRule = try CLI.run(["verify", "plan.yaml", "typo.txt", "--rule", "param-type=off"], in: dir.url)
        #expect(badRule.status == 64)
        #expect(badRule.stderr.contains("unknown check `param-type`; did you mean `param-type-mismatch`?"))
    }

    @Test func unreadableInputsExitTwoAndSayWhy() throws {
        let dir = try directory()
        try dir.write("broken.ndjson", "{\"event_name\": \"purchase\", \"event_params\": []}\n{\"event_name\": \n")
        let missing = try CLI.run(["verify", "plan.yaml", "hits.txt", "nope.har"], in: dir.url)
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("error: cannot read capture `nope.har`: no such file"))
        let broken = try CLI.run(["verify", "plan.yaml", "broken.ndjson"], in: dir.url)
        #expect(broken.status == 2)
        #expect(broken.stdout.contains("broken.ndjson:2:16: error: the line is not JSON: the text ends early: expected a value; it was skipped [capture-problem]\n"))
        #expect(broken.stdout.contains("Inputs: 1 problem reading them (exit status 2)"))
        let badPlan = try CLI.run(["verify", "missing.yaml", "hits.txt"], in: dir.url)
        #expect(badPlan.status == 2)
        try dir.write("bad.yaml", "trackplan: 1\nname: x\nevents: 3\n")
        let invalid = try CLI.run(["verify", "bad.yaml", "hits.txt"], in: dir.url)
        #expect(invalid.status == 2)
        #expect(invalid.stdout.contains("nothing verified: the plan has errors; fix them first (`trackplan lint` lists them)"))
    }

    @Test func readsStandardInput() throws {
        let dir = try directory()
        let result = try CLI.run(["verify", "plan.yaml", "-", "--format", "json"], in: dir.url, stdin: Self.hits)
        #expect(result.status == 0)
        let document = try JSONParser.parse(result.stdout)
        guard case .array(let inputs) = document["inputs"] ?? .null else { Issue.record("no inputs"); return }
        #expect(inputs.first?["path"] == .string("standard input"))
        #expect(inputs.first?["events"] == .int(2))
    }

    @Test func writesJSONMarkdownAndSARIF() throws {
        let dir = try directory()
        try dir.write("typo.txt", Self.hits.replacingOccurrences(of: "epn.value=20", with: "ep.value=20"))
        let json = try CLI.run(["verify", "plan.yaml", "typo.txt", "--format", "json"], in: dir.url)
        #expect(json.status == 1)
        let document = try JSONParser.parse(json.stdout)
        #expect(document["schema"] == .string("trackplan.verify/1"))
        #expect(document["passed"] == .bool(false))
        #expect(document["coverage"]?["overall"] == .object([JSONMember("seen", .int(2)), JSONMember("total", .int(2)), JSONMember("ratio", .int(1))]))
        guard case .array(let findings) = document["findings"] ?? .null else { Issue.record("no findings array"); return }
        #expect(findings.first?["id"] == .string("param-type-mismatch"))
        #expect(findings.first?["event"] == .string("add_to_cart"))
        #expect(findings.first?["param"] == .string("value"))
        #expect(findings.first?["location"] == .object([JSONMember("file", .string("plan.yaml")), JSONMember("line", .int(16)), JSONMember("column", .int(7))]))
        let markdown = try CLI.run(["verify", "plan.yaml", "typo.txt", "--format", "markdown"], in: dir.url)
        #expect(markdown.stdout.hasPrefix("## trackplan verify: failed\n"))
        #expect(markdown.stdout.contains("| `add_to_cart` | micro | 1 | product ×1 | `value` 100% string |"))
        #expect(markdown.stdout.contains("#### `add_to_cart`\n\n- **error** `param-type-mismatch`: `value` of `add_to_cart` should be a number but was a string in 1 of 1 hit (100%); types seen: string 100% (plan.yaml:16)"))
        let sarif = try CLI.run(["verify", "plan.yaml", "typo.txt", "--format", "sarif"], in: dir.url)
        let log = try JSONParser.parse(sarif.stdout)
        guard case .array(let runs) = log["runs"] ?? .null, case .array(let results) = runs.first?["results"] ?? .null else {
            Issue.record("no SARIF results"); return
        }
        #expect(results.first?["ruleId"] == .string("param-type-mismatch"))
    }

    @Test func joinsADataLayerDumpWithTheHitsOfTheSamePages() throws {
        let dir = try directory()
        try dir.write("datalayer.json", """
        [{"event": "gtm.js"},
         {"event": "add_to_cart", "ecommerce": {"value": 20}},
         {"event": "purchase", "ecommerce": {"transaction_id": "T-1", "value": 20}},
         {"event": "purchase", "ecommerce": {"transaction_id": "T-2"}}]
        """)
        try dir.write("lost.txt", Self.hits.replacingOccurrences(of: "&en=add_to_cart&epn.value=20", with: "&en=add_to_cart"))
        let result = try CLI.run(["verify", "plan.yaml", "datalayer.json", "lost.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("plan.yaml:16:7: error: `add_to_cart` lacks the required parameter `value` in 1 of 1 hit (100%) [required-param-missing]"))
        #expect(result.stdout.contains("plan.yaml:16:7: error: `value` of `add_to_cart` was in the data layer (`ecommerce.value`, 1 of 1 push (100%)) but not in the hit: the GTM tag does not send it [param-lost-in-container]"))
        #expect(result.stdout.contains("plan.yaml:21:3: warning: `purchase` was pushed to the data layer twice but sent to GA4 only once [pushed-not-sent]"))
        #expect(result.stdout.contains("  add_to_cart  1 push; 1 hit; on product ×1; params: value 50% integer"))
    }

    @Test func rulesListsAndExplainsTheChecks() throws {
        let list = try CLI.run(["rules"])
        #expect(list.stdout.contains("The checks of `trackplan verify` (docs/verify.md):"))
        #expect(list.stdout.contains("pushed-not-sent "))
        let explain = try CLI.run(["rules", "duplicate-event"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("duplicate-event (a `trackplan verify` check; default severity: warning)\n"))
        #expect(explain.stdout.contains("plan.yaml:11:3: warning: `add_to_cart` was pushed again right after itself with the same keys: 1 of 2 pushes (50%) repeat the one before [duplicate-event]"))
    }
}

@Suite struct ValueRuleTests {
    @Test func findsPersonalDataWithoutFlaggingIDs() {
        #expect(PersonalData.kind(in: "ana@example.com") == "an e-mail address")
        #expect(PersonalData.kind(in: "https://shop.example/thanks?email=ana%40example.com") == "an e-mail address")
        #expect(PersonalData.kind(in: "+49 89 1234567") == "a phone number")
        #expect(PersonalData.kind(in: "(555) 123-4567") == "a phone number")
        #expect(PersonalData.kind(in: "011-4555-1234") == "a phone number")
        for harmless in ["1032665442.1686166428", "12345678901", "ORD201608051608", "2026-11-23 10:00:00", "@home", "a@b", "v1.2.3-beta", ""] {
            #expect(PersonalData.kind(in: harmless) == nil, "\(harmless)")
        }
        #expect(PersonalData.masked("ana@example.com") == "a…@example.com")
        #expect(PersonalData.masked("+49 89 1234567") == "+49…67")
    }

    @Test func typesFitAsGA4SendsThem() {
        #expect(ValueRules.fits(.integer(3), .number, layer: .collect))
        #expect(ValueRules.fits(.number(3), .integer, layer: .collect))
        #expect(!ValueRules.fits(.number(3.5), .integer, layer: .collect))
        #expect(!ValueRules.fits(.string("25.00"), .number, layer: .collect))
        #expect(ValueRules.fits(.string("true"), .boolean, layer: .collect))
        #expect(!ValueRules.fits(.string("true"), .boolean, layer: .dataLayer))
        #expect(ValueRules.fits(.integer(1), .boolean, layer: .warehouse))
        #expect(ValueRules.fits(.null, .string, layer: .warehouse))
        #expect(!ValueRules.fits(.array(count: 2), .items, layer: .dataLayer))
    }

    @Test func percentagesNeverRoundToAllOrNothing() {
        #expect(VerifyRun.percent(1) == "100%")
        #expect(VerifyRun.percent(0.9996) == "99.9%")
        #expect(VerifyRun.percent(0.0004) == "<0.1%")
        #expect(VerifyRun.percent(2.0 / 3.0) == "66.7%")
        #expect(VerifyRun.percent(0.25) == "25%")
    }
}
