import Foundation
import TrackplanCore

/// Reads captures and exports into ``ObservedEvent``s, one at a time, whatever their format:
/// HAR files, data layer dumps, GA4 BigQuery export rows and lists of GA4 hits. Line-based
/// inputs are streamed in bounded memory; a HAR is read whole, but its entries are handed over
/// one by one as they are parsed and never kept.
///
/// An input that cannot be read at all throws ``FindingReport/Unreadable``; problems inside an
/// input that is otherwise readable (a broken line, a cut-off HAR) are located in the
/// ``CaptureSummary``, and the rest is still read.
public enum CaptureReader {
    /// The longest line read; longer ones are reported and skipped.
    public static let defaultMaxLineBytes = 16 << 20
    /// The most problems kept per input (all are counted).
    public static let maxProblemsPerInput = 20
    /// The bytes looked at to detect the format.
    static let headSize = 64 << 10

    /// Reads the input at `path` (`-` for standard input), handing each event to `onEvent` in
    /// input order. `format` overrides detection; `displayPath` is how evidence and problems
    /// name the file (default: `path`); `exportColumns`, when given, are the only columns of GA4
    /// export rows read (the others are skipped, which is faster).
    public static func read(_ path: String, format: CaptureFormat? = nil, displayPath: String? = nil,
                            maxLineBytes: Int = defaultMaxLineBytes, eventLog: EventLogFields = EventLogFields(),
                            exportColumns: Set<String>? = nil,
                            onEvent: (ObservedEvent) throws -> Void) throws -> CaptureSummary {
        let shown = displayPath ?? (path == "-" ? "standard input" : path)
        var handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw FindingReport.Unreadable(path: shown, reason: "no such file", noun: "capture")
            }
            guard !isDirectory.boolValue else {
                throw FindingReport.Unreadable(path: shown, reason: "it is a directory; give the capture files inside it", noun: "capture")
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw FindingReport.Unreadable(path: shown, reason: "permission denied", noun: "capture")
            }
            handle = opened
        }
        var head: [UInt8]
        do {
            head = Array(try handle.read(upToCount: headSize) ?? Data())
        } catch {
            throw FindingReport.Unreadable(path: shown, reason: error.localizedDescription, noun: "capture")
        }
        // gzip-compressed (an export written with `--compression GZIP`): read through `gzip -dc`.
        var decompressor: Decompressor?
        if head.starts(with: [0x1F, 0x8B]) {
            guard path != "-" else {
                throw FindingReport.Unreadable(path: shown, reason: "standard input is gzip-compressed; pipe it through `gunzip -c`", noun: "capture")
            }
            try? handle.close()
            do {
                let started = try Decompressor(path: path)
                decompressor = started
                handle = started.output
                head = Array(try handle.read(upToCount: headSize) ?? Data())
            } catch {
                throw FindingReport.Unreadable(path: shown, reason: "the file is gzip-compressed and `gzip -dc` could not read it: \(error)", noun: "capture")
            }
        }
        defer { try? handle.close() }
        guard head.contains(where: { !isSpace($0) }) else {
            throw FindingReport.Unreadable(path: shown, reason: "the file is empty", noun: "capture")
        }
        guard let format = format ?? CaptureFormat.detect(head: head, firstLineObject: firstLineObject(head)) else {
            throw FindingReport.Unreadable(
                path: shown,
                reason: "not a HAR capture, data layer dump, GA4 BigQuery export (NDJSON) or list of GA4 hits; "
                    + "give the format with --input-format if it is one of them", noun: "capture")
        }
        var summary = CaptureSummary(path: shown, format: format)
        do {
            switch format {
            case .har:
                try HARReader.read(handle: handle, head: head, summary: &summary, onEvent: onEvent)
            case .dataLayer where Self.firstByte(head) == UInt8(ascii: "["):
                try DataLayerReader.readArray(handle: handle, head: head, summary: &summary, onEvent: onEvent)
            case .dataLayer:
                try LineReader.forEachLine(of: handle, maxLineBytes: maxLineBytes, prefix: head) { number, line in
                    try eachJSONLine(number, line, &summary) { try DataLayerReader.push($0, line: number, summary: &$1, onEvent: onEvent) }
                }
            case .ga4Export:
                try LineReader.forEachLine(of: handle, maxLineBytes: maxLineBytes, prefix: head) { number, line in
                    try eachJSONLine(number, line, &summary, keeping: exportColumns) {
                        try GA4ExportReader.row($0, line: number, summary: &$1, onEvent: onEvent)
                    }
                }
            case .hits:
                try LineReader.forEachLine(of: handle, maxLineBytes: maxLineBytes, prefix: head) { number, line in
                    try HitListReader.line(number, line, summary: &summary, onEvent: onEvent)
                }
            case .eventLog where Self.firstByte(head) == UInt8(ascii: "{"):
                try LineReader.forEachLine(of: handle, maxLineBytes: maxLineBytes, prefix: head) { number, line in
                    try eachJSONLine(number, line, &summary) { try EventLogReader.json($0, line: number, fields: eventLog, summary: &$1, onEvent: onEvent) }
                }
            case .eventLog:
                var header: [String]?
                try LineReader.forEachLine(of: handle, maxLineBytes: maxLineBytes, prefix: head) { number, line in
                    switch line {
                    case .tooLong(let bytes, let limit):
                        tooLong(number, bytes: bytes, limit: limit, &summary)
                    case .text(let bytes):
                        summary.bytes += bytes.count + 1
                        guard let text = String(validating: bytes, as: UTF8.self) else {
                            summary.problem(line: number, "the line is not UTF-8; it was skipped")
                            return
                        }
                        guard !text.isEmpty else { return }
                        try EventLogReader.csv(text, number: number, header: &header, fields: eventLog, summary: &summary, onEvent: onEvent)
                    }
                }
            }
        } catch let error as FindingReport.Unreadable {
            throw error
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            throw FindingReport.Unreadable(path: shown, reason: error.localizedDescription, noun: "capture")
        }
        if let decompressor, let failure = decompressor.finish() {
            summary.problem(line: max(summary.records, 1), "the gzip file is cut off or corrupt (\(failure)); what came before was read")
        }
        return summary
    }

    /// Whether `byte` is JSON whitespace.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// The index of the first byte of `head` past a UTF-8 byte order mark and whitespace.
    static func contentStart(_ head: [UInt8]) -> Int {
        var k = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while k < head.count, isSpace(head[k]) { k += 1 }
        return k
    }

    static func firstByte(_ head: [UInt8]) -> UInt8? {
        let k = contentStart(head)
        return k < head.count ? head[k] : nil
    }

    /// The first non-empty line of `head` parsed, when it is a JSON object.
    static func firstLineObject(_ head: [UInt8]) -> JSONValueLookup? {
        let start = contentStart(head)
        let end = head[start...].firstIndex(of: 0x0A) ?? head.count
        guard let value = try? head[start..<end].withUnsafeBufferPointer({ try JSONByteParser.parse($0) }),
              case .object(let members) = value else { return nil }
        var strings: [String: String] = [:]
        for member in members { if case .string(let s) = member.value { strings[member.key] = s } }
        return JSONValueLookup(keys: Set(members.map(\.key)), strings: strings)
    }

    /// Parses one NDJSON line and hands the value to `body`; an empty line is skipped, and a line
    /// that is not JSON or too long becomes a located problem.
    static func eachJSONLine(_ number: Int, _ line: LineReader.Line, _ summary: inout CaptureSummary, keeping keys: Set<String>? = nil,
                             _ body: (JSONValue, inout CaptureSummary) throws -> Void) throws {
        summary.bytes += 1
        switch line {
        case .tooLong(let bytes, let limit):
            tooLong(number, bytes: bytes, limit: limit, &summary)
        case .text(var bytes):
            summary.bytes += bytes.count
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard bytes.contains(where: { ![0x20, 0x09].contains($0) }) else { return }
            let value: JSONValue
            do {
                value = try keys.map { try JSONByteParser.parse(bytes, keeping: $0) } ?? JSONByteParser.parse(bytes)
            } catch let failure as JSONByteParser.Failure {
                summary.problem(line: number, column: failure.offset + 1, "the line is not JSON: \(failure.message); it was skipped")
                return
            }
            try body(value, &summary)
        }
    }

    /// Reports a line longer than the limit, which was skipped.
    static func tooLong(_ number: Int, bytes: Int, limit: Int, _ summary: inout CaptureSummary) {
        summary.bytes += bytes
        summary.problem(line: number, "the line is \(bytes) bytes long, more than the \(describe(bytes: limit)) a line may have; it was skipped")
    }

    /// The problem of a file whose strings were repaired.
    static func repairedMessage(_ count: Int) -> String {
        "text that is not UTF-8 here (\(count) string\(count == 1 ? "" : "s") in the file); it was read with U+FFFD in place of the bad bytes"
    }

    /// `16 MiB`, `1000 bytes`.
    static func describe(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// The 1-based line and column of byte `offset` in `bytes`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// `gzip -dc PATH` running beside the reader: its standard output is read like a file.
final class Decompressor {
    let process = Process()
    let output: FileHandle
    private let errors = Pipe()

    init(path: String) throws {
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", path]
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        output = pipe.fileHandleForReading
    }

    /// Waits for gzip; what it said when it failed, else nil.
    func finish() -> String? {
        // Drain what is left, so gzip is not blocked on a full pipe when reading stopped early.
        _ = try? output.readToEnd()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let message = String(decoding: (try? errors.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? "gzip exited with status \(process.terminationStatus)" : message
    }
}
