import Foundation
import Testing
@testable import TrackplanCapture
@testable import TrackplanCore

/// Reads every event of `path` (a path under ../shared, or absolute).
func readCapture(_ path: String, format: CaptureFormat? = nil, maxLineBytes: Int = CaptureReader.defaultMaxLineBytes) throws -> (CaptureSummary, [ObservedEvent]) {
    var events: [ObservedEvent] = []
    let full = path.hasPrefix("/") ? path : TestPaths.shared.appendingPathComponent(path).path
    let summary = try CaptureReader.read(full, format: format, displayPath: (path as NSString).lastPathComponent, maxLineBytes: maxLineBytes) {
        events.append($0)
    }
    return (summary, events)
}

/// Counts of each name, for comparing with figures computed another way.
func nameCounts(_ names: [String]) -> [String: Int] {
    names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}

@Suite struct JSONByteParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONByteParser.parse(Array(text.utf8)) }

    func failure(_ bytes: [UInt8]) -> JSONByteParser.Failure? {
        do { _ = try JSONByteParser.parse(bytes); return nil } catch { return error as? JSONByteParser.Failure }
    }

    @Test func parsesValuesAndTheNonStandardNumbersBigQueryWrites() throws {
        #expect(try parse(#"{"a": [1, -2.5, "x\u00e9\n", true, null], "b": {}}"#)
            == .object([JSONMember("a", .array([.int(1), .double(-2.5), .string("xé\n"), .bool(true), .null])), JSONMember("b", .object([]))]))
        guard case .double(let nan) = try parse("NaN") else { Issue.record("NaN is not a double"); return }
        #expect(nan.isNaN)
        #expect(try parse("[Infinity, -Infinity]") == .array([.double(.infinity), .double(-.infinity)]))
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func locatesWhatIsWrong() {
        #expect(failure(Array(#"{"a": 1"#.utf8))?.description == "the text ends early: expected `,` or `}` at byte 7")
        #expect(failure(Array(#"{"a" 1}"#.utf8))?.description == "expected `:` at byte 5")
        #expect(failure(Array(#"[1, 2] x"#.utf8))?.description == "unexpected text after the JSON value at byte 7")
        #expect(failure(Array(#"{"a": "b"#.utf8))?.description == "the text ends inside a string that starts here at byte 6")
        #expect(failure([0x22, 0x61, 0xFF, 0x22])?.description == "text that is not UTF-8 at byte 2")
        #expect(failure(Array(String(repeating: "[", count: 300).utf8))?.description == "nesting deeper than 256 levels at byte 256")
    }

    @Test func skipsTheTopLevelMembersItIsNotAskedFor() throws {
        let text = #"{"a": 1, "skip": {"x": [1, {"y": "}]\"" }], "z": null}, "b": "two", "c": [true]}"#
        let value = try Array(text.utf8).withUnsafeBufferPointer { try JSONByteParser.parse($0, keeping: ["a", "b"]) }
        #expect(value == .object([JSONMember("a", .int(1)), JSONMember("b", .string("two"))]))
        let broken = Array(#"{"a": 1, "skip": {"x": [1, 2}, "b": 2}"#.utf8)
        do {
            _ = try broken.withUnsafeBufferPointer { try JSONByteParser.parse($0, keeping: ["a"]) }
            Issue.record("malformed text in a skipped member was accepted")
        } catch let failure as JSONByteParser.Failure {
            #expect(failure.description == "expected `]` at byte 28")
        }
    }

    @Test func streamsOneArrayWithTheOffsetOfEachElement() throws {
        let text = #"{"log": {"entries": [{"n": 1}, {"n": 2}], "pages": [3]}}"#
        var seen: [(JSONValue, Int)] = []
        let root = try Array(text.utf8).withUnsafeBufferPointer { buffer in
            try JSONByteParser.parse(buffer, stream: .memberArray("entries")) { seen.append(($0, $1)) }
        }
        #expect(seen.map(\.0) == [.object([JSONMember("n", .int(1))]), .object([JSONMember("n", .int(2))])])
        #expect(seen.map(\.1) == [21, 31])
        #expect(root["log"]?["entries"] == .array([]))
        #expect(root["log"]?["pages"] == .array([.int(3)]))
    }
}

@Suite struct GA4HitTests {
    @Test func splitsABatchedBodyAndLetsEachLineOverrideTheQuery() throws {
        let hit = GA4Hit(url: "https://region1.google-analytics.com/g/collect?v=2&tid=G-1&en=page_view&dl=https%3A%2F%2Fa.example%2Fx&ep.x=q",
                         body: "en=add_to_cart&epn.value=2.5&pr1=idA~nmShirt\r\nen=begin_checkout&ep.x=line\r\n")
        #expect(hit.events.count == 2)
        let evidence = Evidence(file: "h", line: 1)
        let first = try #require(GA4HitEvents.event(hit.events[0], evidence: evidence, timestamp: nil))
        #expect(first.name == "add_to_cart")
        #expect(first.value(of: "value") == .number(2.5))
        #expect(first.value(of: "x") == .string("q"))
        #expect(first.value(of: "items") == .items(count: 1, withoutIDOrName: 0))
        #expect(first.pageURL == "https://a.example/x")
        #expect(first.measurementID == "G-1")
        let second = try #require(GA4HitEvents.event(hit.events[1], evidence: evidence, timestamp: nil))
        #expect(second.name == "begin_checkout")
        #expect(second.value(of: "x") == .string("line"))
    }

    @Test func classifiesRequests() {
        #expect(GA4Hit.kind(url: "https://www.google-analytics.com/g/collect?v=2&tid=G-1") == .ga4)
        #expect(GA4Hit.kind(url: "https://www.google-analytics.com/collect?v=1&tid=UA-1") == .universalAnalytics)
        #expect(GA4Hit.kind(url: "https://www.google-analytics.com/j/collect?v=1") == .universalAnalytics)
        #expect(GA4Hit.kind(url: "https://www.facebook.com/tr/?id=1") == .other)
        #expect(GA4Hit.kind(url: "https://sgtm.shop.example/g/collect?v=2&tid=G-1") == .ga4)
    }

    @Test func decodesURLTextAndFindsPaths() {
        #expect(URLText.decode("a%20b+c%2Bd%zz") == "a b c+d%zz")
        #expect(URLText.path(of: "https://shop.example/p/x?y=1#z") == "/p/x")
        #expect(URLText.path(of: "shop.googlemerchandisestore.com/google+redesign/apparel") == "/google+redesign/apparel")
        #expect(URLText.path(of: "https://shop.example") == "/")
    }
}

@Suite struct CaptureReaderTests {
    static let hits = "realdata/ga4-hits"

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func readsTheRealHARsLikeTheirSourcesDescribeThem() throws {
        let (mylabbox, mylabboxEvents) = try readCapture("\(Self.hits)/har/fb-pixel-inspector.mylabbox.requests-merged.har")
        #expect(mylabbox.format == .har)
        #expect(mylabbox.account == "3 GA4 requests, 4 events; skipped 88 other requests")
        #expect(mylabboxEvents.map(\.name) == ["view_item", "begin_checkout", "page_view", "scroll"])
        #expect(mylabboxEvents.map(\.evidence.entry) == [39, 88, 88, 90])
        #expect(mylabboxEvents[1].value(of: "value") == .integer(2533))
        #expect(mylabboxEvents[1].value(of: "currency") == .string("USD"))
        #expect(mylabboxEvents[1].value(of: "items") == .items(count: 1, withoutIDOrName: 0))
        #expect(mylabboxEvents[1].evidence.eventInRequest == 1)

        let (personalabs, personalabsEvents) = try readCapture("\(Self.hits)/har/fb-pixel-inspector.personalabs.requests-merged.har")
        #expect(personalabs.account == "1 GA4 request, 2 events; skipped 208 other requests, 6 Universal Analytics hits")
        #expect(personalabsEvents.map(\.name) == ["page_view", "begin_checkout"])
        #expect(personalabsEvents[1].value(of: "value") == .string("NaN"))

        let (oraquick, oraquickEvents) = try readCapture("\(Self.hits)/har/fb-pixel-inspector.oraquick.requests-merged.har")
        #expect(oraquick.account == "12 GA4 requests, 12 events; skipped 94 other requests")
        #expect(nameCounts(oraquickEvents.map(\.name)) == ["page_view": 6, "scroll": 5, "PROCEED_TO_CHECKOUT": 1])
        #expect(Set(oraquickEvents.compactMap(\.clientID)).count == 1)
    }

    /// The GA4 requests of a HAR, counted with Foundation's JSON parser and URL components.
    func independentHARCount(_ path: String) throws -> (requests: Int, events: Int) {
        let data = try Data(contentsOf: TestPaths.shared.appendingPathComponent(path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require((root["log"] as? [String: Any])?["entries"] as? [[String: Any]])
        var requests = 0, events = 0
        for entry in entries {
            let request = try #require(entry["request"] as? [String: Any])
            guard let url = request["url"] as? String, let components = URLComponents(string: url),
                  components.path.hasSuffix("/g/collect"), components.queryItems?.contains(where: { $0.name == "v" && $0.value == "2" }) == true else { continue }
            requests += 1
            let body = (request["postData"] as? [String: Any])?["text"] as? String ?? ""
            let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            events += max(lines.count, 1)
        }
        return (requests, events)
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func harCountsAgreeWithAnIndependentCount() throws {
        for site in ["mylabbox", "oraquick", "personalabs"] {
            let path = "\(Self.hits)/har/fb-pixel-inspector.\(site).requests-merged.har"
            let (summary, events) = try readCapture(path)
            let expected = try independentHARCount(path)
            #expect(summary.ga4Requests == expected.requests, "\(site)")
            #expect(events.count == expected.events, "\(site)")
        }
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func readsTheRecordedShoppingSessionAndTheURLLists() throws {
        let (session, events) = try readCapture("\(Self.hits)/loadrunner/garbarino_ga4_requests.jsonl")
        #expect(session.format == .hits)
        #expect(session.account == "28 GA4 requests, 46 events")
        #expect(nameCounts(events.map(\.name)) == [
            "page_view": 14, "view_item_list": 17, "select_item": 1, "view_item": 1, "add_to_cart": 1, "login": 1, "scroll": 1,
            "add_shipping_info": 1, "add_payment_info": 1, "user_engagement": 2, "ads_conversion_Tramitaci_n_de_la_compr_1": 6,
        ])
        #expect(events.filter { $0.evidence.eventInRequest != nil }.count == 23)
        let (urls, urlEvents) = try readCapture("\(Self.hits)/loadrunner/garbarino_ga4_urls.txt")
        #expect(urls.format == .hits)
        #expect(urls.ga4Requests == 28)
        // Six of the URLs carry their events in a POST body the list does not have.
        #expect(urlEvents.count == 22)
        #expect(urls.problemCount == 6)
        #expect(urls.problems.first?.message == "the GA4 hit has no event name (`en`); it was skipped")
        let (paulirish, single) = try readCapture("\(Self.hits)/urls/devtools-frontend.paulirish.url.txt")
        #expect(paulirish.account == "1 GA4 request, 1 event")
        #expect(single.first?.name == "page_view")
        #expect(single.first?.measurementID == "G-PGXNGYWP8E")
    }

    static let export = "realdata/ga360_as_ga4_events.ndjson"

    @Test(.enabled(if: Requirement.shared(export), Requirement.sharedReason(export)))
    func readsTheGA4ExportRowsWithSessions() throws {
        let (summary, events) = try readCapture(Self.export)
        #expect(summary.format == .ga4Export)
        #expect(summary.account == "12001 rows, 12001 events")
        // The figures of ../shared/realdata/SOURCES.md.
        #expect(nameCounts(events.map(\.name)) == ["page_view": 8075, "select_item": 1652, "view_item": 1306, "add_to_cart": 358,
                                                   "begin_checkout": 271, "ua_event": 214, "purchase": 80, "remove_from_cart": 45])
        #expect(Set(events.compactMap(\.sessionKey)).count == 1830)
        #expect(Set(events.filter { $0.name == "purchase" }.compactMap(\.sessionKey)).count == 40)
        #expect(events[0].timestamp == 1_470_046_245_000)
        #expect(events[0].value(of: "ga_session_id") == .integer(1_470_046_245))
        let (sample, sampleEvents) = try readCapture("realdata/ga4_obfuscated_sample_ecommerce.sample_rows.ndjson")
        #expect(sample.account == "460 rows, 460 events")
        #expect(Set(sampleEvents.compactMap(\.sessionKey)).count == 130)
    }

    @Test func locatesBrokenLinesAndReadsTheRest() throws {
        let dir = try TempDirectory()
        var text = "{\"event\": \"a\"}\n{\"event\": \"b\", \n"
        text += "{\"event\": \"c\", \"x\": \"\u{1}\"}\n"
        try dir.write("dl.ndjson", text)
        var bytes = Array("{\"event\": \"d\"}\n{\"event\": \"e".utf8) + [0xC3, 0x28] + Array("\"}\n{\"event\": \"f\"}".utf8)
        try Data(bytes).write(to: dir.url.appendingPathComponent("bad-utf8.ndjson"))
        let (summary, events) = try readCapture(dir.url.appendingPathComponent("dl.ndjson").path)
        #expect(events.map(\.name) == ["a"])
        #expect(summary.problems.map { "\($0.line):\($0.column ?? 0): \($0.message)" } == [
            "2:16: the line is not JSON: the text ends early: expected a member name; it was skipped",
            "3:22: the line is not JSON: a control character inside a string (escape it); it was skipped",
        ])
        let (utf8, utf8Events) = try readCapture(dir.url.appendingPathComponent("bad-utf8.ndjson").path, format: .dataLayer)
        #expect(utf8Events.map(\.name) == ["d", "f"])
        #expect(utf8.problems.map { "\($0.line):\($0.column ?? 0): \($0.message)" } == [
            "2:13: the line is not JSON: text that is not UTF-8; it was skipped",
        ])
        bytes = Array("{\"event\": \"before\"}\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000) + Array("\n{\"event\": \"after\"}\n".utf8)
        try Data(bytes).write(to: dir.url.appendingPathComponent("long.ndjson"))
        let (long, longEvents) = try readCapture(dir.url.appendingPathComponent("long.ndjson").path, maxLineBytes: 1000)
        #expect(longEvents.map(\.name) == ["before", "after"])
        #expect(long.problems.map { "\($0.line): \($0.message)" } == [
            "2: the line is 5000 bytes long, more than the 1000 bytes a line may have; it was skipped",
        ])
    }

    @Test func aHARWithBytesThatAreNotUTF8IsStillRead() throws {
        let hit = "https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=page_view&dl=https%3A%2F%2Fa.example%2F"
        var bytes = Array("{\"log\": {\"entries\": [\n{\"request\": {\"url\": \"https://a.example/\"}, \"response\": {\"content\": {\"text\": \"caf".utf8)
        bytes += [0xE9] + Array("\"}}},\n{\"request\": {\"url\": \"\(hit)\"}}\n]}}".utf8)
        let dir = try TempDirectory()
        try Data(bytes).write(to: dir.url.appendingPathComponent("latin1.har"))
        let (summary, events) = try readCapture(dir.url.appendingPathComponent("latin1.har").path)
        #expect(events.map(\.name) == ["page_view"])
        #expect(events.first?.evidence.line == 3)
        #expect(summary.problems.map { "\($0.line):\($0.column ?? 0): \($0.message)" } == [
            "2:81: text that is not UTF-8 here (1 string in the file); it was read with U+FFFD in place of the bad bytes",
        ])
    }

    @Test func skipsAHundredMegabyteLineInBoundedMemory() throws {
        let dir = try TempDirectory()
        let url = dir.url.appendingPathComponent("huge.ndjson")
        FileManager.default.createFile(atPath: url.path, contents: Data("{\"event\": \"first\"}\n".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data("\n{\"event\": \"last\"}\n".utf8))
        try handle.close()
        let (summary, events) = try readCapture(url.path)
        #expect(events.map(\.name) == ["first", "last"])
        #expect(summary.problems.map { "\($0.line): \($0.message)" } == [
            "2: the line is 104857600 bytes long, more than the 16 MiB a line may have; it was skipped",
        ])
    }

    @Test(.enabled(if: Requirement.shared(hits), Requirement.sharedReason(hits)))
    func aTruncatedHARYieldsTheEntriesBeforeTheCut() throws {
        let data = try Data(contentsOf: TestPaths.shared.appendingPathComponent("\(Self.hits)/har/fb-pixel-inspector.oraquick.requests-merged.har"))
        let text = String(decoding: data, as: UTF8.self)
        // Cut in the middle of entry 50.
        let cut = try #require(text.range(of: "\"startedDateTime\"", options: [], range: text.index(text.startIndex, offsetBy: data.count / 2)..<text.endIndex))
        let dir = try TempDirectory(["cut.har": String(text[..<cut.upperBound])])
        let (summary, events) = try readCapture(dir.url.appendingPathComponent("cut.har").path)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.message.hasPrefix("the HAR is cut off or malformed here (the text ends early: expected `:`); the ") == true)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { ($0.evidence.entry ?? 99) < summary.records })
    }

    @Test func readsGzipCompressedExportsAndLocatesACutOffOne() throws {
        var lines = ""
        for k in 0..<2000 {
            lines += #"{"event_name": "e\#(k % 7)", "user_pseudo_id": "u\#(k)", "event_params": [], "padding": "\#(String(repeating: "x", count: k % 50))"}"# + "\n"
        }
        let dir = try TempDirectory(["export.ndjson": lines])
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", dir.url.appendingPathComponent("export.ndjson").path]
        try gzip.run()
        gzip.waitUntilExit()
        let (summary, events) = try readCapture(dir.url.appendingPathComponent("export.ndjson.gz").path)
        #expect(summary.format == .ga4Export)
        #expect(events.count == 2000)
        #expect(summary.problems.isEmpty)
        let compressed = try Data(contentsOf: dir.url.appendingPathComponent("export.ndjson.gz"))
        try compressed.prefix(compressed.count / 2).write(to: dir.url.appendingPathComponent("cut.ndjson.gz"))
        let (cut, cutEvents) = try readCapture(dir.url.appendingPathComponent("cut.ndjson.gz").path)
        #expect(!cutEvents.isEmpty && cutEvents.count < 2000)
        #expect(cut.problems.contains { $0.message.hasPrefix("the gzip file is cut off or corrupt (gzip: ") && $0.message.hasSuffix("unexpected end of file); what came before was read") })
    }

    @Test func detectsFormatsAndRefusesWhatItCannotRead() throws {
        let dir = try TempDirectory([
            "a.json": "[{\"event\": \"x\"}]",
            "b.ndjson": "{\"event_name\": \"page_view\", \"event_params\": []}\n",
            "c.ndjson": "{\"event\": \"x\"}\n",
            "d.txt": "https://www.google-analytics.com/g/collect?v=2&en=x\n",
            "e.har": "{\n  \"log\": {\"version\": \"1.2\", \"entries\": []}}",
            "empty.json": "  \n",
            "other.csv": "a,b\n1,2\n",
        ])
        func format(_ name: String) throws -> CaptureFormat { try readCapture(dir.url.appendingPathComponent(name).path).0.format }
        #expect(try format("a.json") == .dataLayer)
        #expect(try format("b.ndjson") == .ga4Export)
        #expect(try format("c.ndjson") == .dataLayer)
        #expect(try format("d.txt") == .hits)
        #expect(try format("e.har") == .har)
        #expect(throws: FindingReport.Unreadable.self) { try readCapture(dir.url.appendingPathComponent("empty.json").path) }
        do {
            _ = try readCapture(dir.url.appendingPathComponent("other.csv").path)
            Issue.record("a CSV file was read")
        } catch let error as FindingReport.Unreadable {
            #expect(error.description == "cannot read capture `other.csv`: not a HAR capture, data layer dump, GA4 BigQuery export (NDJSON) or list of GA4 hits; give the format with --input-format if it is one of them")
        }
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: dir.url.appendingPathComponent("x.gz"))
        #expect(throws: FindingReport.Unreadable.self) { try readCapture(dir.url.appendingPathComponent("x.gz").path) }  // nothing in it
    }

    @Test func readsDataLayerPushesAndGtagCommands() throws {
        let dir = try TempDirectory(["dl.json": """
        [{"gtm.start": 1, "event": "gtm.js"}, {"ecommerce": null},
         {"event": "purchase", "ecommerce": {"transaction_id": "T1", "value": 25, "items": [{"item_id": "A"}, {"price": 2}]}},
         {"0": "consent", "1": "default", "2": {"ad_storage": "denied"}},
         {"0": "event", "1": "sign_up", "2": {"method": "email"}}]
        """])
        let (summary, events) = try readCapture(dir.url.appendingPathComponent("dl.json").path)
        #expect(summary.account == "5 pushes, 2 events; skipped 1 GTM event (gtm.*), 2 pushes without an event")
        #expect(events.map(\.name) == ["purchase", "sign_up"])
        #expect(events[0].params == [ObservedParam("ecommerce.transaction_id", .string("T1")), ObservedParam("ecommerce.value", .integer(25)),
                                     ObservedParam("ecommerce.items", .items(count: 2, withoutIDOrName: 1)),
                                     ObservedParam("ecommerce.items.0.item_id", .string("A"))])
        #expect(events[0].evidence.line == 2)
        #expect(events[1].params == [ObservedParam("method", .string("email"))])
    }
}
