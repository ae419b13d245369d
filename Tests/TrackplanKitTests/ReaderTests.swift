import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct ReaderTests {
    @Test func nodesCarryFullRangesInUnicodeScalars() throws {
        let result = Harness.read("name: Café Zoë\nlist: [a, bb]\nnested:\n  key: value\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first?.mapping)
        #expect(root.map { $0.key.scalar?.text } == ["name", "list", "nested"])
        let name = root[0].value
        #expect(name.scalar?.text == "Café Zoë")
        #expect(name.span.start == SourcePosition(line: 1, column: 7))
        #expect(name.span.end == SourcePosition(line: 1, column: 15))
        let list = root[1].value
        #expect(list.span.start == SourcePosition(line: 2, column: 7))
        #expect(list.span.end == SourcePosition(line: 2, column: 14))
        let nested = root[2].value
        #expect(nested.span.start == SourcePosition(line: 4, column: 3))
        #expect(nested.span.end == SourcePosition(line: 4, column: 13))
        #expect(name.span.file.path == "t.yaml")
    }

    @Test func duplicateKeyNamesBothPlaces() {
        let result = Harness.read("events:\n  add_to_cart: {}\n  view_item: {}\n  add_to_cart: {}\n")
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:4:3-4:14: error: duplicate key `add_to_cart`; first defined at t.yaml:2:3 [duplicate-key]",
        ])
        #expect(result.diagnostics.first?.related.first?.span.start == SourcePosition(line: 2, column: 3))
        // The first definition is kept.
        #expect(result.documents.first?.mapping?.first?.value.mapping?.count == 2)
    }

    @Test func aliasesAndMergeKeys() throws {
        let text = """
        defaults: &defaults
          stage: decision
          signal: 3
        event:
          <<: *defaults
          signal: 5
          pages: *list
        list: &list [a]
        """
        // `*list` before its anchor is an error; fix the order and check merging.
        let bad = Harness.read(text)
        #expect(Harness.lines(bad.diagnostics) == ["t.yaml:7:10-7:15: error: alias `*list` refers to no anchor defined before it [yaml-syntax]"])
        let good = Harness.read(text.replacingOccurrences(of: "    pages: *list\n", with: "").replacingOccurrences(of: "  pages: *list\n", with: ""))
        #expect(good.diagnostics.isEmpty)
        let event = try #require(good.documents.first?.mapping?[1].value.mapping)
        #expect(event.map { $0.key.scalar?.text ?? "" } == ["stage", "signal"])
        #expect(event.map { $0.value.scalar?.text ?? "" } == ["decision", "5"])
        // Merged values point at where they were written.
        #expect(event[0].value.span.start == SourcePosition(line: 2, column: 10))
    }

    @Test func billionLaughsFailsFast() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let previous = i == 1 ? "a" : "l\(i - 1)"
            text += "l\(i): &l\(i) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let start = Date()
        let result = Harness.read(text)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 1.0)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "aliases expand to more than 1000000 nodes; refusing to read further (is this an alias bomb?)")
        #expect(result.diagnostics.first?.span?.start.line == 6)  // at `l5`, past 1,000,000 nodes
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("name: ok\ndescription: caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\n".utf8)
        let result = YAMLReader().read(bytes, path: "latin1.yaml")
        #expect(Harness.lines(result.diagnostics) == ["latin1.yaml:2:17-2:18: error: invalid UTF-8 byte 0xE9 [yaml-syntax]"])
        #expect(result.diagnostics.first?.hint == "save the file as UTF-8 (it looks like another encoding, such as Latin-1)")
    }

    @Test func byteOrderMarkIsRefused() {
        let result = YAMLReader().read([0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8), path: "bom.yaml")
        #expect(Harness.lines(result.diagnostics) == ["bom.yaml:1:1-1:2: error: file starts with a byte-order mark (BOM) [yaml-syntax]"])
    }

    @Test func tabIndentationIsNamed() {
        let result = Harness.read("events:\n\tadd_to_cart: {}\n")
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:2:1-2:2: error: tab character used for indentation; YAML indents with spaces only [yaml-syntax]",
        ])
        #expect(result.diagnostics.first?.hint == "replace the tab with spaces")
    }

    @Test func libyamlErrorsKeepProblemAndContext() {
        let result = Harness.read("events:\n  add_to_cart:\n    stage: decision\n   pages: [x]\n")
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:4:4-4:5: error: did not find expected key while parsing a block mapping that starts at t.yaml:2:3 [yaml-syntax]",
        ])
        #expect(result.diagnostics.first?.related.first?.message == "parsing a block mapping")
        let colon = Harness.read("description: Sale: 50% off\n")
        #expect(Harness.lines(colon.diagnostics) == [
            "t.yaml:1:18-1:19: error: mapping values are not allowed in this context [yaml-syntax]",
        ])
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let result = Harness.read(deep)
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:1:65-1:66: error: nesting is deeper than 64 levels; refusing to read further [yaml-syntax]",
        ])
    }

    @Test func fileSizeIsBounded() {
        var options = YAMLReader.Options()
        options.limits.maxFileSize = 1024 * 1024
        let result = YAMLReader(options: options).read(Array(repeating: 0x20, count: 1024 * 1024 + 1), path: "big.yaml")
        #expect(Harness.lines(result.diagnostics) == [
            "big.yaml:1:1-1:1: error: file is 1 MiB, over the 1 MiB limit for one plan file [yaml-syntax]",
        ])
    }

    @Test func coreSchemaTyping() {
        func value(_ text: String, _ style: YAMLScalar.Style = .plain, tag: String? = nil) -> YAMLValue {
            YAMLValue.resolve(YAMLScalar(text, style: style), tag: tag)
        }
        #expect(value("~") == .null)
        #expect(value("") == .null)
        #expect(value("True") == .bool(true))
        #expect(value("yes") == .string("yes"))
        #expect(value("0x1F") == .int(31))
        #expect(value("0o17") == .int(15))
        #expect(value("-12") == .int(-12))
        #expect(value("1.5e3") == .float(1500))
        #expect(value("-.inf") == .float(-.infinity))
        #expect(value("1.2.3") == .string("1.2.3"))
        #expect(value("42", .doubleQuoted) == .string("42"))
        #expect(value("42", tag: "tag:yaml.org,2002:str") == .string("42"))
    }
}
