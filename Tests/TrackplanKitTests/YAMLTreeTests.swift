import Testing
@testable import TrackplanCore

/// The reader keeps nodes flat (`YAMLTree`); these tests hold its byte-level shortcuts to the
/// definitions they replace and its tree to the one a user would write by hand.
@Suite struct YAMLTreeTests {
    /// Every scalar of `text`'s documents, depth first.
    static func scalars(_ node: YAMLNode) -> [YAMLNode] {
        switch node.content {
        case .scalar: return [node]
        case .sequence(let items): return items.flatMap(scalars)
        case .mapping(let pairs): return pairs.flatMap { scalars($0.key) + scalars($0.value) }
        }
    }

    @Test func isNullAndTextAgreeWithTheCoreSchema() {
        let words = ["null", "Null", "NULL", "nULL", "~", "", "nul", "nulls", "true", "0", "1.5", "x", "<<", "é", "~~"]
        var lines: [String] = []
        for (i, word) in words.enumerated() {
            lines.append("p\(i): \(word)")
            lines.append("s\(i): '\(word)'")
            lines.append("d\(i): \"\(word)\"")
            for tag in ["!!null", "!!str", "!!int", "!!bool", "!!float", "!"] {
                lines.append("t\(i)\(tag.filter(\.isLetter)): \(tag) \(word.isEmpty ? "''" : word)")
            }
        }
        lines.append("block: |\n  null\n")
        lines.append("list: [null, ~, '', x]")
        let result = Harness.read(lines.joined(separator: "\n") + "\n")
        #expect(result.diagnostics.isEmpty, "\(Harness.lines(result.diagnostics))")
        let root = try! #require(result.documents.first)
        let all = Self.scalars(root)
        #expect(all.count > 200)
        var nulls = 0
        for node in all {
            #expect(node.isNull == (node.value == .null), "\(node.span): \(node.scalar.map { "\($0)" } ?? "")")
            #expect(node.text == node.scalar?.text)
            #expect(node.isScalar)
            if node.isNull { nulls += 1 }
        }
        #expect(nulls == 5 + 15 + 2)  // plain null words, every `!!null`, the list's two
        #expect(!root.isNull && !root.isScalar && root.text == nil)
    }

    @Test func aliasesShareTheirTargetAndCountItsWeight() {
        let result = Harness.read("base: &b {x: 1, y: [2, 3]}\ncopy: *b\n")
        let pairs = try! #require(result.documents.first?.mapping)
        #expect(pairs.map { $0.key.text } == ["base", "copy"])
        #expect(pairs[1].value.mapping?.map { $0.key.text } == ["x", "y"])
        #expect(pairs[1].value.span == pairs[0].value.span)
        #expect(pairs[1].value.weight == 7)
        #expect(result.documents.first?.weight == 1 + 1 + 7 + 1 + 7)
        #expect(result.nodeCount == 11)  // an alias is one node read
    }

    @Test func mergeKeysAndDuplicatesInTheFlatTree() {
        let result = Harness.read("d: &d {a: 1, b: 2}\nm:\n  <<: *d\n  b: 3\n  c: 4\n  c: 5\n")
        let m = try! #require(result.documents.first?.mapping?.last?.value.mapping)
        #expect(m.map { "\($0.key.text ?? "?")=\($0.value.text ?? "?")" } == ["a=1", "b=3", "c=4"])
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:6:3-6:4: error: duplicate key `c`; first defined at t.yaml:5:3 [duplicate-key]",
        ])
    }

    @Test func keysEqualAsTextsAreDuplicatesEvenWhenTheirBytesDiffer() {
        // U+212A KELVIN SIGN is canonically a `K`: Swift's strings (and so the plan) call the keys equal.
        let result = Harness.read("Kind: 1\n\u{212A}ind: 2\ncaf\u{E9}: 3\ncafe\u{301}: 4\n")
        #expect(Harness.lines(result.diagnostics) == [
            "t.yaml:2:1-2:5: error: duplicate key `\u{212A}ind`; first defined at t.yaml:1:1 [duplicate-key]",
            "t.yaml:4:1-4:6: error: duplicate key `cafe\u{301}`; first defined at t.yaml:3:1 [duplicate-key]",
        ])
        #expect(result.documents.first?.mapping?.count == 2)
    }

    @Test func aNodeBuiltByHandHoldsWhatItWasGiven() throws {
        let read = Harness.read("k: [1, 'two']\n")
        let source = try #require(read.documents.first)
        let file = SourceFile(path: "made.yaml", text: "")
        let span = SourceSpan(file: file, start: SourcePosition(line: 3, column: 2), end: SourcePosition(line: 3, column: 9))
        let made = YAMLNode(.mapping([YAMLPair(key: source, value: YAMLNode(.scalar(YAMLScalar("v", style: .doubleQuoted)), span: span))]),
                            span: span, tag: "tag:yaml.org,2002:map")
        #expect(made.tag == "tag:yaml.org,2002:map")
        #expect(made.span == span)
        let pair = try #require(made.mapping?.first)
        #expect(pair.value.scalar == YAMLScalar("v", style: .doubleQuoted))
        #expect(pair.key.mapping?.first?.value.sequence?.map(\.value) == [.int(1), .string("two")])
        #expect(pair.key.span.start == SourcePosition(line: 1, column: 1))
        #expect(pair.key.span.file.path == "made.yaml")
        #expect(made.weight == 1 + 5 + 1)
    }
}
