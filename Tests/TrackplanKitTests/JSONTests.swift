import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct JSONTests {
    @Test func stringsAreEscapedAndRoundTrip() throws {
        let text = "a\"b\\c\nd\re\tf\u{1}g<h>&i\u{2028}j\u{2029}k — ünï 🚀 \u{7F}"
        let json = JSONValue.string(text).serialized(pretty: false)
        #expect(json == #""a\"b\\c\nd\re\tf\u0001g\u003ch\u003e\u0026i\u2028j\u2029k — ünï 🚀 \u007f""#)
        #expect(try JSONParser.parse(json) == .string(text))
    }

    @Test func layoutIsStable() {
        let value = JSONValue.object([JSONMember("a", .array([.int(1), .double(2.5), .null, .bool(true)])), JSONMember("b", .object([]))])
        #expect(value.serialized() == "{\n  \"a\": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  \"b\": {}\n}")
        #expect(value.serialized(pretty: false) == #"{"a":[1,2.5,null,true],"b":{}}"#)
    }

    @Test func malformedJSONThrowsInsteadOfCrashing() {
        for text in ["", "{", "[1,", "\"abc", "{\"a\" 1}", "tru", "[1]]", "\"\\u12\"", "{\"a\":}"] {
            #expect(throws: JSONParser.Error.self, "\(text)") { try JSONParser.parse(text) }
        }
    }
}

@Suite struct ShapeCheckerReferenceTests {
    @Test func referencesAreFound() {
        #expect(GTMShapeChecker.references(in: "a {{B c}} d {{e}}{{f") == ["B c", "e"])
        #expect(GTMShapeChecker.references(in: "{{}}") == [""])
        #expect(GTMShapeChecker.references(in: "no refs { } }}") == [])
        #expect(GTMShapeChecker.references(in: "ü{{Ünïcødé}}") == ["Ünïcødé"])
    }
}
