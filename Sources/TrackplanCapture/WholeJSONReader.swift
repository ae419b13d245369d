import Foundation
import TrackplanCore

/// Reads a file that is one JSON document (a HAR, a data layer dump) and hands over the elements
/// of one array as they are parsed, with their line and column; bytes that are not UTF-8 are
/// replaced and the first located, and a document cut off or malformed keeps what was handed
/// over before the problem, which is located.
enum WholeJSONReader {
    /// Reads the rest of `handle` after `head`; `what` names the document in problems ("the
    /// HAR"), `unit` its elements (singular, plural). Returns the document (with the streamed
    /// array empty), or nil when it is malformed.
    static func read(handle: FileHandle, head: [UInt8], stream: JSONByteParser.Stream, what: String, unit: (String, String),
                     summary: inout CaptureSummary,
                     onElement: (JSONValue, _ index: Int, _ line: Int, _ column: Int, inout CaptureSummary) throws -> Void) throws -> JSONValue? {
        var bytes = head
        bytes.append(contentsOf: try handle.readToEnd() ?? Data())
        summary.bytes = bytes.count
        var lines = LineTracker()
        var index = 0
        return try bytes.withUnsafeBufferPointer { buffer -> JSONValue? in
            let body = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
            var repairs = JSONByteParser.Repairs()
            defer {
                if let offset = repairs.firstOffset {
                    let (l, c) = CaptureReader.position(of: offset, in: body)
                    summary.problem(line: l, column: c, CaptureReader.repairedMessage(repairs.count))
                }
            }
            do {
                return try JSONByteParser.parse(body, stream: stream, invalidUTF8: .repair, repairs: &repairs) { element, offset in
                    let position = lines.position(of: offset, in: body)
                    try onElement(element, index, position.line, position.column, &summary)
                    index += 1
                }
            } catch let failure as JSONByteParser.Failure {
                let (l, c) = CaptureReader.position(of: failure.offset, in: body)
                summary.problem(line: l, column: c, "\(what) is cut off or malformed here (\(failure.message)); "
                    + "the \(index) \(index == 1 ? unit.0 : unit.1) before it were checked")
                return nil
            }
        }
    }
}
