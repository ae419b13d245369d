import Foundation
import FoundationXML
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct OutputFormatTests {
    /// A plan with an error (name-case), a warning and a hint-bearing finding.
    static let plan = Harness.header + """
    events:
      AddToCart:
        stage: decision
        description: "Adds 50% more, maybe: yes, really"
        leads_to: purchase
      purchase:
        kind: macro
        stage: decision
        description: Order.
        params:
          transaction_id: {type: string}

    """

    func report(_ files: [String: String] = ["plan.yaml": plan]) -> FindingReport {
        Linter().report(["plan.yaml"], loader: PlanLoader(sources: MemorySourceProvider(files)))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = try JSONParser.parse(JSONReporter().format(report()))
        #expect(json["version"] == .int(1))
        #expect(json["summary"]?["errors"] == .int(1))
        guard case .array(let diagnostics)? = json["diagnostics"] else { Issue.record("no diagnostics"); return }
        let nameCase = try #require(diagnostics.first { $0["rule"] == .string("name-case") })
        #expect(nameCase == .object([
            JSONMember("rule", .string("name-case")),
            JSONMember("severity", .string("error")),
            JSONMember("message", .string("event `AddToCart` is not snake_case")),
            JSONMember("path", .string("events.AddToCart")),
            JSONMember("plan", .string("plan.yaml")),
            JSONMember("file", .string("plan.yaml")),
            JSONMember("line", .int(7)),
            JSONMember("column", .int(3)),
            JSONMember("endLine", .int(7)),
            JSONMember("endColumn", .int(12)),
            JSONMember("hint", .string("rename it to `add_to_cart`")),
            JSONMember("related", .array([])),
        ]))
    }

    @Test(.enabled(if: Requirement.shared("reference/sarif-schema-2.1.0.json"), Requirement.sharedReason("reference/sarif-schema-2.1.0.json")),
          .enabled(if: Requirement.hasJSONSchema, Requirement.pythonReason(Requirement.jsonschema)))
    func sarifValidatesAgainstTheSchema() throws {
        let dir = try TempDirectory(["log.sarif": SARIFReporter(baseDirectory: "/work").format(report())])
        let (status, text) = try PythonScript.run("validate_sarif.py", [
            TestPaths.shared.appendingPathComponent("reference/sarif-schema-2.1.0.json").path,
            dir.url.appendingPathComponent("log.sarif").path,
        ])
        #expect(status == 0)
        #expect(text == "0\n", "SARIF schema errors (see stderr)")

        let log = try JSONParser.parse(SARIFReporter().format(report()))
        guard case .array(let runs)? = log["runs"], let run = runs.first,
              case .array(let rules)? = run["tool"]?["driver"]?["rules"],
              case .array(let results)? = run["results"] else { Issue.record("bad SARIF shape"); return }
        #expect(run["tool"]?["driver"]?["semanticVersion"] == .string(TrackplanVersion.current))
        for rule in rules {
            #expect(rule["shortDescription"]?["text"] != nil && rule["fullDescription"]?["text"] != nil && rule["help"]?["text"] != nil)
            #expect(rule["defaultConfiguration"]?["level"] != nil)
        }
        let result = try #require(results.first { $0["ruleId"] == .string("name-case") })
        guard case .int(let index)? = result["ruleIndex"], case .array(let locations)? = result["locations"] else {
            Issue.record("no ruleIndex"); return
        }
        #expect(rules[index]["id"] == .string("name-case"))
        #expect(result["level"] == .string("error"))
        let physical = locations.first?["physicalLocation"]
        #expect(physical?["artifactLocation"]?["uri"] == .string("plan.yaml"))
        #expect(physical?["region"] == .object([
            JSONMember("startLine", .int(7)), JSONMember("startColumn", .int(3)),
            JSONMember("endLine", .int(7)), JSONMember("endColumn", .int(12)),
        ]))
    }

    @Test func sarifPathsAreRelativeToTheRepositoryRoot() throws {
        let reporter = SARIFReporter(baseDirectory: "/repo", workingDirectory: "/repo/tracking")
        #expect(reporter.artifactLocation("plan.yaml") == ("tracking/plan.yaml", true))
        #expect(reporter.artifactLocation("../shared/a.yaml") == ("shared/a.yaml", true))
        #expect(reporter.artifactLocation("/elsewhere/a b.yaml") == ("file:///elsewhere/a%20b.yaml", false))
        let log = try JSONParser.parse(reporter.format(report()))
        guard case .array(let runs)? = log["runs"], let run = runs.first, case .array(let results)? = run["results"],
              case .array(let locations)? = results.first?["locations"] else { Issue.record("bad SARIF shape"); return }
        #expect(run["originalUriBaseIds"] == .object([JSONMember("%SRCROOT%", .object([JSONMember("uri", .string("file:///repo/"))]))]))
        #expect(locations.first?["physicalLocation"]?["artifactLocation"] == .object([
            JSONMember("uri", .string("tracking/plan.yaml")), JSONMember("uriBaseId", .string("%SRCROOT%")),
        ]))
        // From a subdirectory of a real repository, the CLI finds the root by its `.git`.
        let dir = try TempDirectory([".git/HEAD": "ref: refs/heads/main\n", "tracking/plan.yaml": Self.plan])
        let result = try CLI.run(["lint", "--format", "sarif", "plan.yaml"], in: dir.url.appendingPathComponent("tracking"))
        #expect(result.stdout.contains("\"uri\": \"tracking/plan.yaml\",\n"))
        #expect(result.stdout.contains("\"uriBaseId\": \"%SRCROOT%\""))
    }

    @Test func githubCommandsEscapeLikeTheToolkit() {
        #expect(GitHubReporter.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        let files = ["we ird,name:1.yaml": Harness.header + "events:\n  AddToCart:\n    stage: decision\n    description: x\n"]
        let report = Linter().report(["we ird,name:1.yaml"], loader: PlanLoader(sources: MemorySourceProvider(files)))
        let lines = GitHubReporter().format(report).split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "::error file=we ird%2Cname%3A1.yaml,line=7,col=3,endLine=7,endColumn=12,title=trackplan name-case::event `AddToCart` is not snake_case%0Ahelp: rename it to `add_to_cart`"))
        #expect(lines.last == report.summary)
    }

    @Test func junitIsWellFormedXML() throws {
        let xml = JUnitReporter(failOn: .warning).format(report())
        let document = try XMLDocument(xmlString: xml)
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 1)
        let suite = try #require(suites.first as? XMLElement)
        #expect(suite.attribute(forName: "name")?.stringValue == "plan.yaml")
        let failures = try document.nodes(forXPath: "//failure")
        #expect(failures.count == report().diagnostics.filter { $0.severity >= .warning }.count)
        let nameCase = try document.nodes(forXPath: "//testcase[@name='name-case']/failure").first as? XMLElement
        #expect(nameCase?.attribute(forName: "message")?.stringValue == "event `AddToCart` is not snake_case")
        #expect(try document.nodes(forXPath: "//testcase").count == RuleID.loading.count + RuleCatalog.ids.count)
    }

    @Test func baselinesHideKnownFindingsAndListStaleOnes() throws {
        let before = report()
        let baseline = Baseline(recording: before)
        let parsed = try Baseline.parse(baseline.serialized())
        #expect(parsed == baseline)
        #expect(parsed.entries.contains(Baseline.Entry(plan: "plan.yaml", rule: "name-case", path: "events.AddToCart", count: 1)))
        // Same findings, moved lines: everything is hidden.
        let moved = report(["plan.yaml": "\n\n" + Self.plan])
        let applied = baseline.apply(to: moved)
        #expect(applied.diagnostics.isEmpty)
        #expect(applied.baselineSuppressed == before.diagnostics.count)
        // Fix one problem, add another: the new one shows, the fixed one is stale.
        let changed = report(["plan.yaml": Self.plan.replacingOccurrences(of: "AddToCart", with: "add_to_cart")
            .replacingOccurrences(of: "    params:\n", with: "    params:\n      ItemId: {type: string}\n")])
        let result = baseline.apply(to: changed)
        #expect(result.diagnostics.map(\.ruleID).contains("name-case"))
        #expect(result.diagnostics.first { $0.ruleID == "name-case" }?.path?.description == "events.purchase.params.ItemId")
        #expect(result.staleBaselineEntries.contains(Baseline.Entry(plan: "plan.yaml", rule: "name-case", path: "events.AddToCart", count: 1)))
        #expect(throws: BaselineError.self) { try Baseline.parse("{\"findings\": []}") }
        #expect(throws: JSONParser.Error.self) { try Baseline.parse("{\"version\": 1, \"findings\": [") }
    }

    @Test func commandLineOptions() throws {
        let dir = try TempDirectory(["p.yaml": Harness.header + "events:\n  add_to_cart:\n    stage: decision\n    params:\n      items: {type: items}\n"])
        // Warnings only: exit 0, but 1 with --strict or --fail-on warning.
        #expect(try CLI.run(["lint", "p.yaml"], in: dir.url).status == 0)
        #expect(try CLI.run(["lint", "--strict", "p.yaml"], in: dir.url).status == 1)
        #expect(try CLI.run(["lint", "--fail-on", "warning", "p.yaml"], in: dir.url).status == 1)
        // --rule turns a warning into an error, or off.
        let raised = try CLI.run(["lint", "--rule", "event-description=error", "p.yaml"], in: dir.url)
        #expect(raised.status == 1)
        #expect(raised.stdout.contains("p.yaml:7:3: error: event `add_to_cart` has no description of the intent it signals [event-description]"))
        let off = try CLI.run(["lint", "--rule", "event-description=off", "--rule", "micro-leads-to=off", "--rule", "stage-coverage=off", "--rule", "ga4-measurement-id=off", "p.yaml"], in: dir.url)
        #expect(off.stdout == "no problems in 1 plan\n")
        let unknown = try CLI.run(["lint", "--rule", "event-descripton=off", "p.yaml"], in: dir.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown rule `event-descripton`; did you mean `event-description`?"))
        // --output writes the file; --format json goes there.
        let written = try CLI.run(["lint", "--format", "json", "--output", "out/report.json", "p.yaml"], in: dir.url)
        #expect(written.status == 64)  // the directory does not exist: a clear usage error, nothing half-written
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        #expect(try CLI.run(["lint", "--format", "json", "--output", "out/report.json", "p.yaml"], in: dir.url).stdout == "")
        let json = try JSONParser.parse(try String(contentsOf: dir.url.appendingPathComponent("out/report.json"), encoding: .utf8))
        #expect(json["summary"]?["warnings"] == .int(3))
        // Baselines through the CLI.
        #expect(try CLI.run(["lint", "--write-baseline", "base.json", "p.yaml"], in: dir.url).status == 0)
        let quiet = try CLI.run(["lint", "--strict", "--baseline", "base.json", "p.yaml"], in: dir.url)
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "no problems in 1 plan (4 known findings hidden by the baseline)\n")
    }
}
