import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanGenerators
@testable import TrackplanLint

/// `build` streams its outputs: the same bytes as the in-memory versions, in chunks, compared
/// with the files on disk chunk by chunk.
@Suite struct StreamingOutputTests {
    /// Collects what a stream hands over in chunks of `chunkSize`, and how many chunks came.
    final class Collector {
        var bytes: [UInt8] = []
        var chunks = 0
        func stream(chunkSize: Int) -> TextStream {
            TextStream(chunkSize: chunkSize) { [self] chunk in
                bytes += chunk
                chunks += 1
            }
        }
    }

    static func spec(_ example: String) throws -> (Plan, MeasurementSpec) {
        let path = TestPaths.examples.appendingPathComponent("\(example).yaml").path
        let checked = try Pipeline(loader: PlanLoader()).check(path)
        return (checked.plan, MeasurementSpec(plan: checked.plan))
    }

    @Test(arguments: GoldenTests.examples)
    func theStreamedContainerIsTheCompiledOneByteForByte(example: String) throws {
        let (_, spec) = try Self.spec(example)
        let compiler = GTMCompiler(environment: [:])
        let collector = Collector()
        var stream = collector.stream(chunkSize: 97)
        #expect(compiler.write(spec, to: &stream) == [])
        stream.flush()
        let compiled = compiler.compile(spec)
        #expect(String(decoding: collector.bytes, as: UTF8.self) == compiled.text)
        #expect(collector.chunks > 10)
        let counts = compiler.layout(spec).counts
        let streamed: [Int] = [counts.tags, counts.triggers, counts.variables, counts.folders]
        let held: [Int] = [compiled.tagCount, compiled.triggerCount, compiled.variableCount, compiled.folderCount]
        #expect(streamed == held)
    }

    @Test(arguments: GoldenTests.examples)
    func theStreamedDocumentIsTheRenderedOne(example: String) throws {
        let (plan, spec) = try Self.spec(example)
        let document = TrackingDocument(plan: plan, spec: spec, findings: [])
        let collector = Collector()
        var stream = collector.stream(chunkSize: 61)
        document.render(into: &stream)
        stream.flush()
        #expect(String(decoding: collector.bytes, as: UTF8.self) == document.render())
    }

    @Test func theJSONStreamWriterWritesWhatSerializingWrites() {
        let inner: JSONValue = .object([JSONMember("a", .array([])), JSONMember("b", .object([])), JSONMember("c<&>", .string("x\n\u{2028}"))])
        let whole: JSONValue = .object([
            JSONMember("n", .int(1)), JSONMember("list", .array([inner, .null, .bool(true)])),
            JSONMember("empty", .array([])), JSONMember("nested", .object([JSONMember("k", .double(1.5))])),
        ])
        var stream = TextStream()
        var document = JSONStreamWriter.object(&stream)
        document.member("n", .int(1), &stream)
        var list = document.array("list", &stream)
        list.element(inner, &stream)
        list.element(.null, &stream)
        list.element(.bool(true), &stream)
        list.end(&stream)
        document.array("empty", &stream).end(&stream)
        var nested = document.object("nested", &stream)
        nested.member("k", .double(1.5), &stream)
        nested.end(&stream)
        document.end(&stream)
        #expect(stream.text == whole.serialized())
    }

    @Test func escapedAndPlainStringsSerializeAsBefore() {
        // The plain fast path copies; anything with a byte that may need an escape goes byte by byte.
        let cases: [(String, String)] = [
            ("plain ascii", "\"plain ascii\""), ("ünïcødé 🎉", "\"ünïcødé 🎉\""), ("a\"b\\c", "\"a\\\"b\\\\c\""),
            ("<a&b>", "\"\\u003ca\\u0026b\\u003e\""), ("line\u{2028}sep\u{2029}", "\"line\\u2028sep\\u2029\""),
            ("dagger † ellipsis …", "\"dagger † ellipsis …\""), ("tab\tdel\u{7F}", "\"tab\\tdel\\u007f\""), ("", "\"\""),
        ]
        for (text, json) in cases {
            #expect(JSONValue.string(text).serialized() == json, "\(text)")
        }
    }

    @Test func largeOutputsAreComparedWithTheFileChunkByChunk() throws {
        let dir = try TempDirectory()
        let out = OutputDirectory(dir.url.path)
        // Three chunks and a bit, so that the comparison crosses chunk boundaries.
        let line = String(repeating: "0123456789abcdef", count: 4) + "\n"
        let content = String(repeating: line, count: (3 * TextStream.chunkSize) / line.utf8.count + 7)
        let file = GeneratedFile(name: "big.txt", content: content)
        #expect(try out.sync([file]).map(\.status) == [.wrote])
        #expect(try out.check([file]).map(\.status) == [.unchanged])
        // An up-to-date output is not written at all: not even a temporary file comes and goes.
        func modified() throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: dir.url.path)[.modificationDate] as? Date
        }
        let before = try modified()
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try out.sync([file]).map(\.status) == [.unchanged])
        #expect(try modified() == before)
        let path = dir.url.appendingPathComponent("big.txt")
        let bytes = Array(content.utf8)
        for variant in [Array(bytes.dropLast()), bytes + [10], { var b = bytes; b[b.count - 2] = UInt8(ascii: "X"); return b }()] {
            try Data(variant).write(to: path)
            #expect(try out.check([file]).map(\.status) == [.differs])
            #expect(try out.sync([file]).map(\.status) == [.wrote])
            #expect(try Data(contentsOf: path) == Data(content.utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["big.txt"])
    }

    @Test func aFileThatFailsItsCheckLeavesTheDirectoryAsItWas() throws {
        let dir = try TempDirectory()
        let out = OutputDirectory(dir.url.path)
        _ = try out.sync([GeneratedFile(name: "a.json", content: "{}\n"), GeneratedFile(name: "b.json", content: "[]\n")])
        let failing = GeneratedFile(name: "b.json") { (stream: inout TextStream) throws(GenerationError) in
            stream += "[1,"
            throw GenerationError(problems: ["tag `x` fires on trigger 9, which does not exist"])
        }
        let changed = GeneratedFile(name: "a.json", content: "{\"changed\": true}\n")
        #expect(throws: OutputDirectory.SyncFailure.self) { try out.sync([changed, failing]) }
        #expect(throws: GenerationError.self) { try out.check([failing]) }
        #expect(try String(contentsOf: dir.url.appendingPathComponent("a.json"), encoding: .utf8) == "{}\n")
        #expect(try String(contentsOf: dir.url.appendingPathComponent("b.json"), encoding: .utf8) == "[]\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["a.json", "b.json"])
    }

    @Test func aStreamedWriteThatFailsLeavesTheFileAsItWas() throws {
        let dir = try TempDirectory()
        let path = dir.url.appendingPathComponent("out.json").path
        try OutputWriter.write(Data("old\n".utf8), to: path)
        struct Refused: Error {}
        #expect(throws: StreamedWriteError<Refused>.self) {
            try OutputWriter.write(to: path) { (stream: inout TextStream) throws(Refused) in
                stream += String(repeating: "x", count: 3 * TextStream.chunkSize)
                throw Refused()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["out.json"])
    }
}

/// Markdown escaping decides on bytes when text needs nothing; that decision must agree with
/// the scalar-by-scalar path on every text it lets through.
@Suite struct MarkdownFastPathTests {
    /// Deterministic strings over an alphabet of the characters that matter.
    static func samples() -> [String] {
        let alphabet: [String] = ["a", "Z", "0", " ", ".", "é", "7", "\t", "#", "+", "-", "=", "<", "&", "`", "|", "*", "_", "!", "\\",
                                  "é", "\u{A0}", "\u{85}", "\u{2028}", "—", "\u{3000}", "\r\n", "\n", "\u{1B}", "٣", "½"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        var out: [String] = ["", "add_to_cart", "Visitor shows intent number 3.", "1. first", "12", "a.b", "½. x", " lead", "trail "]
        for sample in 0..<4000 {
            // Every other sample mostly from the first six (letters, digits, space, dot, é).
            let range = sample.isMultiple(of: 2) ? 6 : alphabet.count
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60) + 1
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(state >> 33) % (Int(state >> 40) % 5 == 0 ? alphabet.count : range)]
            }
            out.append(text)
        }
        return out
    }

    @Test func textLetThroughAsIsIsWhatEscapingWouldGive() {
        var plain = 0, code = 0
        for text in Self.samples() {
            if MarkdownText.isPlainInline(text) {
                plain += 1
                #expect(MarkdownText.escapeScalars(text) == text, "\(text.debugDescription)")
            }
            if MarkdownText.isPlainCode(text) {
                code += 1
                #expect(MarkdownText.codeScalars(text) == "`" + text + "`", "\(text.debugDescription)")
            }
            #expect(MarkdownText.escape(text) == MarkdownText.escapeScalars(text))
            #expect(MarkdownText.code(text) == MarkdownText.codeScalars(text))
        }
        for text in Self.samples() + (0..<128).map { String(UnicodeScalar(UInt8($0))) } where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(Slugger.baseASCII(text) == Slugger.baseScalars(text), "\(text.debugDescription)")
            #expect(MarkdownText.escapeASCII(text) == MarkdownText.escapeScalars(text), "\(text.debugDescription)")
        }
        // Both paths are exercised.
        #expect(plain > 100)
        #expect(code > 100)
    }
}

/// Names are split on bytes when they are ASCII; the split must be the scalar path's.
@Suite struct NameWordsFastPathTests {
    @Test func theByteSplitIsTheScalarSplit() {
        let alphabet = Array("aZbY09_-. xHTMLPage".utf8)
        var state: UInt64 = 0x2545F4914F6CDD1D
        var checked = 0
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let name = String(decoding: bytes, as: UTF8.self)
            #expect(NameWords.splitASCII(name) == NameWords.splitScalars(name), "\(name.debugDescription)")
            checked += 1
        }
        #expect(checked == 5000)
        #expect(NameWords.split("addToCart_V2-HTMLPage") == ["add", "to", "cart", "v2", "html", "page"])
    }

    /// `follows` as it was written on Unicode scalars, before it read bytes.
    static func followsScalars(_ name: String, _ nameCase: NameCase) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, NameWords.isLetter(first) else { return false }
        switch nameCase {
        case .snakeCase, .kebabCase:
            let separator: Unicode.Scalar = nameCase == .snakeCase ? "_" : "-"
            guard NameWords.isLower(first) else { return false }
            var previousWasSeparator = false
            for scalar in scalars {
                if scalar == separator {
                    if previousWasSeparator { return false }
                    previousWasSeparator = true
                } else if NameWords.isLower(scalar) || NameWords.isDigit(scalar) {
                    previousWasSeparator = false
                } else {
                    return false
                }
            }
            return !previousWasSeparator
        case .camelCase, .pascalCase:
            guard nameCase == .camelCase ? NameWords.isLower(first) : NameWords.isUpper(first) else { return false }
            var previousUpper = false
            for scalar in scalars {
                guard NameWords.isLetter(scalar) || NameWords.isDigit(scalar) else { return false }
                if NameWords.isUpper(scalar), previousUpper { return false }
                previousUpper = NameWords.isUpper(scalar)
            }
            return true
        }
    }

    /// `count` texts of parts of `parts` drawn by a fixed linear congruential generator, each
    /// `length(state)` parts long: the same texts on every run.
    static func generated(_ count: Int, seed: UInt64, parts: [String], length: (UInt64) -> Int) -> [String] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var text = ""
            for _ in 0..<length(state) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += parts[Int(state >> 33) % parts.count]
            }
            return text
        }
    }

    @Test func theByteCaseCheckIsTheScalarCheck() {
        let alphabet = ["a", "z", "A", "Q", "0", "9", "_", "-", "_", "é", "É", "\u{212A}", " ", "."]
        var follows = 0
        for name in Self.generated(6000, seed: 0x9E3779B97F4A7C15, parts: alphabet, length: { Int($0 >> 60) }) {
            for nameCase in NameCase.allCases {
                let answer = NameWords.follows(name, nameCase)
                #expect(answer == Self.followsScalars(name, nameCase), "\(name.debugDescription) \(nameCase)")
                if answer { follows += 1 }
            }
        }
        #expect(follows > 300)
    }

    @Test func aSelectorThatTargetsADropdownMentionsIt() {
        let parts = ["select", "SELECT", "Option", "optgroup", "div", ".select-x", "#sel", " ", ">", ",", "opt", "ion", "seLect", "\u{130}"]
        var targeting = 0
        for selector in Self.generated(4000, seed: 0xD1B54A32D192ED03, parts: parts, length: { Int($0 >> 61) + 1 }) {
            if TriggerSelectClickRule.targetsSelect(selector) {
                targeting += 1
                #expect(TriggerSelectClickRule.mentionsSelectOrOption(selector), "\(selector.debugDescription)")
            }
        }
        #expect(targeting > 300)
        #expect(!TriggerSelectClickRule.mentionsSelectOrOption("button.buy") && !TriggerSelectClickRule.mentionsSelectOrOption("sel"))
        #expect(TriggerSelectClickRule.mentionsSelectOrOption("form SeLeCt#sort"))
    }
}

/// Data layer key paths are checked on bytes when they are ASCII; the answer must be the scalar path's.
@Suite struct DataLayerPathFastPathTests {
    @Test func theByteCheckIsTheScalarCheck() {
        let alphabet = ["a", "b", ".", ".", " ", "\t", "{", "}", "\"", "'", "0", "_", "é", "\u{A0}", "\u{2003}", "x"]
        var state: UInt64 = 0x853C49E6748FEA9B
        var valid = 0
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(state >> 33) % (Int(state >> 45) % 3 == 0 ? alphabet.count : 3)]
            }
            let answer = LoadSession.isDataLayerPath(text)
            #expect(answer == LoadSession.isDataLayerPathScalars(text), "\(text.debugDescription)")
            if answer { valid += 1 }
        }
        #expect(valid > 500)
        #expect(LoadSession.isDataLayerPath("ecommerce.items.0.item_id"))
        #expect(!LoadSession.isDataLayerPath("a..b") && !LoadSession.isDataLayerPath(".a") && !LoadSession.isDataLayerPath("a.") && !LoadSession.isDataLayerPath(""))
    }
}

/// The duplicate-key check compares texts when every key is certainly a string; that shortcut
/// must never call a null, boolean or number a string.
@Suite struct PlainStringFastPathTests {
    @Test func aTextCalledAStringResolvesToThatString() {
        let words = ["null", "Null", "NULL", "~", "", "true", "True", "TRUE", "false", "False", "FALSE", "nullable", "trigger",
                     "from", "name", "type", "tRUE", "nULL", "0", "-1", "+2", ".5", ".inf", "-.inf", ".NaN", "0x1F", "0o17", "1e3",
                     "~x", "Name", "_x", "é", "<<", "1.", "t", "f", "n", "N", "T", "F"]
        var samples = words
        for a in words { for b in ["", "x", "1", " "] { samples.append(a + b) } }
        var strings = 0
        for text in samples where YAMLValue.plainTextIsString(text) {
            strings += 1
            #expect(YAMLValue.resolve(YAMLScalar(text, style: .plain), tag: nil) == .string(text), "\(text.debugDescription)")
        }
        #expect(strings > 50)
        for word in ["null", "Null", "NULL", "~", "", "true", "True", "TRUE", "false", "False", "FALSE", "0", ".inf"] {
            #expect(!YAMLValue.plainTextIsString(word), "\(word.debugDescription)")
        }
    }

    @Test func duplicateKeysAreStillFoundAmongCertainStrings() {
        let result = Harness.load(["plan.yaml": Harness.header + "events:\n  a_b:\n    stage: awareness\n    'stage': consideration\n"])
        #expect(Harness.lines(result.diagnostics).contains { $0.contains("duplicate key `stage`") })
    }
}
