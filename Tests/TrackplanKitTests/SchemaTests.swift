import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

/// Cross-checks `Schemas/trackplan.schema.json` with Python's `jsonschema` (see `.ci/run`).
@Suite struct SchemaTests {
    /// Plans that both the loader and the schema must reject.
    static let brokenPlans: [String: String] = [
        "unknown-key": Harness.header + "events:\n  a_view:\n    stgae: decision\n",
        "missing-name": "trackplan: 1\nstages:\n  - id: a\n",
        "bad-version": "trackplan: 2\nname: X\nstages:\n  - id: a\n",
        "no-stages": "trackplan: 1\nname: X\nstages: []\n",
        "signal-type": Harness.header + "events:\n  a_view:\n    signal: high\n",
        "signal-range": Harness.header + "events:\n  a_view:\n    signal: 7\n",
        "two-triggers": Harness.header + "events:\n  a_view:\n    trigger: {click: {selector: a}, page_view: {}}\n",
        "no-trigger-kind": Harness.header + "events:\n  a_view:\n    trigger: {}\n",
        "two-matches": Harness.header + "page_types:\n  p:\n    match: {path: /a, path_regex: a}\n",
        "no-match": Harness.header + "page_types:\n  p:\n    name: P\n",
        "bad-kind": Harness.header + "events:\n  a_view:\n    kind: mega\n",
        "bad-case": Harness.header + "conventions: {case: snake}\n",
        "reasonless-suppression": Harness.header + "events:\n  a_view:\n    suppress: {name-style: ''}\n",
        "unknown-rule": Harness.header + "lint:\n  rules: {no-such-rule: off}\n",
        "bad-measurement-id": Harness.header + "ga4: {measurement_id: UA-1234}\n",
        "bad-builtin": Harness.header + "events:\n  a_view:\n    params:\n      x: {from: 'builtin:click_txt'}\n",
        "bad-param-type": Harness.header + "events:\n  a_view:\n    params:\n      x: {type: text}\n",
        "click-without-selector": Harness.header + "events:\n  a_view:\n    trigger: {click: {}}\n",
        "bad-consent-type": Harness.header + "consent: {required: [analytic_storage]}\n",
        "bad-event-consent": Harness.header + "events:\n  a_view:\n    consent: [cookies]\n",
        "hostname-with-scheme": Harness.header + "hostnames: ['https://www.shop.example']\n",
        "bad-key-event-counting": Harness.header + "events:\n  a_view:\n    kind: macro\n    key_event_counting: once_per_day\n",
        "empty-cookie-source": Harness.header + "events:\n  a_view:\n    params:\n      x: {from: 'cookie:'}\n",
        "bad-shared-param-type": Harness.header + "shared_params:\n  region: {type: text}\n",
        "bad-user-property": Harness.header + "user_properties:\n  tier: {type: string, colour: red}\n",
        "bad-gtm-public-id": Harness.header + "gtm: {public_id: gtm-abc}\n",
    ]

    func validate(_ files: [URL]) throws -> [String: Int] {
        let (status, text) = try PythonScript.run("validate_schema.py",
                                                  [TestPaths.root.appendingPathComponent("Schemas/trackplan.schema.json").path] + files.map(\.path))
        #expect(status == 0, "validate_schema.py failed: is `jsonschema` installed (pip install jsonschema pyyaml)?")
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let count = Int(parts[1]) { result[String(parts[0])] = count }
        }
        return result
    }

    @Test(.enabled(if: Requirement.hasJSONSchema, Requirement.pythonReason(Requirement.jsonschema)))
    func examplesValidateAgainstTheSchema() throws {
        let enumerator = FileManager.default.enumerator(at: TestPaths.examples, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL { if url.pathExtension == "yaml" { files.append(url) } }
        #expect(files.count >= 6)
        let result = try validate(files)
        for file in files {
            #expect(result[file.path] == 0, "\(file.lastPathComponent) does not validate against the schema")
        }
    }

    @Test(.enabled(if: Requirement.hasJSONSchema, Requirement.pythonReason(Requirement.jsonschema)))
    func brokenPlansAreRejectedByTheSchemaAndTheLoader() throws {
        let dir = try TempDirectory(Self.brokenPlans.reduce(into: [:]) { $0["\($1.key).yaml"] = $1.value })
        let files = Self.brokenPlans.keys.sorted().map { dir.url.appendingPathComponent("\($0).yaml") }
        let result = try validate(files)
        for name in Self.brokenPlans.keys.sorted() {
            let path = dir.url.appendingPathComponent("\(name).yaml").path
            #expect((result[path] ?? 0) > 0, "the schema accepts the broken plan \(name)")
            let loaded = try PlanLoader(knownRuleIDs: RuleCatalog.ids).load(path)
            #expect(loaded.hasErrors, "the loader accepts the broken plan \(name)")
        }
    }

    @Test func schemaListsEveryRule() throws {
        let data = try Data(contentsOf: TestPaths.root.appendingPathComponent("Schemas/trackplan.schema.json"))
        let schema = try JSONParser.parse(String(decoding: data, as: UTF8.self))
        let names = schema["definitions"]?["suppress"]?["propertyNames"]?["enum"]
        #expect(names == .array(RuleCatalog.ids.map(JSONValue.string)))
        let builtins = BuiltinVariable.allCases.map(\.rawValue).joined(separator: "|")
        #expect(String(decoding: data, as: UTF8.self).contains("^builtin:(\(builtins))$"))
    }
}
