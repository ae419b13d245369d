import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanRegeneration

/// Every generated file in the repository is what `swift run trackplan-dev regenerate` writes:
/// docs/rules.md (with each example's exact messages), the README's rule tables, the schema's
/// rule id lists, the embedded schema and the golden files.
@Suite struct RegenerationTests {
    @Test func everyGeneratedFileIsCurrent() throws {
        let files = try Regeneration.files(root: TestPaths.root)
        #expect(Set(files.map(\.path)).isSuperset(of: ["docs/rules.md", "README.md", "Schemas/trackplan.schema.json",
                                                        "Sources/TrackplanFormat/EmbeddedSchema.swift",
                                                        "examples/build/online-store/gtm-container.json"]))
        for file in files {
            let committed = try String(contentsOf: TestPaths.root.appendingPathComponent(file.path), encoding: .utf8)
            #expect(committed == file.content,
                    "\(file.path) is stale: run `swift run trackplan-dev regenerate` and review the diff:\n\(GoldenTests.diff(committed, file.content))")
        }
    }

    @Test func theSchemaListsExactlyTheLintRules() throws {
        let schema = try JSONParser.parse(EmbeddedSchema.json)
        var lists: [[String]] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for member in members {
                    if member.key == "propertyNames", case .array(let items)? = member.value["enum"] {
                        lists.append(items.compactMap { if case .string(let s) = $0 { s } else { nil } })
                    }
                    walk(member.value)
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        walk(schema)
        #expect(lists.count == 2)
        #expect(lists.allSatisfy { $0 == RuleCatalog.ids })
    }

    /// The plan's keys are declared once (`PlanKeys`); the schema must list exactly those.
    @Test func theSchemaListsExactlyThePlanKeys() throws {
        let schema = try JSONParser.parse(EmbeddedSchema.json)
        for (definition, keys) in PlanKeys.bySchemaDefinition {
            guard case .object(let properties)? = schema["definitions"]?[definition]?["properties"] else {
                Issue.record("the schema has no definitions.\(definition).properties")
                continue
            }
            #expect(properties.map(\.key) == keys, "definitions.\(definition) lists other keys than PlanKeys")
        }
    }

    @Test func aNewRuleIDIsWrittenIntoTheSchema() throws {
        let schema = try String(contentsOf: TestPaths.root.appendingPathComponent("Schemas/trackplan.schema.json"), encoding: .utf8)
        let trimmed = schema.replacingOccurrences(of: "          \"name-case\",\n", with: "")
        #expect(trimmed != schema)
        #expect(try Regeneration.schemaWithRuleIDs(trimmed) == schema)
    }

    @Test func writingIsRefusedInCI() throws {
        let binary = TestPaths.root.appendingPathComponent(".build/debug/trackplan-dev")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build trackplan-dev first")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["regenerate", "--root", TestPaths.root.path]
        process.environment = ["CI": "true", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(text == "trackplan-dev: refusing to rewrite generated files when CI is set; use --check\n")
    }
}
