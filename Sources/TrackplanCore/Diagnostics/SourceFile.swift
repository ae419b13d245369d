/// A file that trackplan read, shared by every node and diagnostic that points into it.
///
/// `path` is the path as shown to the user (as given on the command line, or resolved
/// relative to the including file); `text` is the file's content, used to quote source
/// lines in reports.
public final class SourceFile: Sendable, Hashable, CustomStringConvertible {
    /// The path shown in diagnostics.
    public let path: String
    /// The file's content (valid UTF-8).
    public let text: String

    /// Creates a source file with a display path and its content.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lineStarts = Self.lineStarts(of: text)
    }

    /// The UTF-8 offset where each line starts (line 1 at index 0), in 32 bits: a plan file is at
    /// most 64 MiB (a larger text, such as a whole export read at once, keeps the offsets it can
    /// and counts the rest as one last line).
    private let lineStarts: [UInt32]

    /// The 1-based `line` of the file without its line break, or nil past the end.
    public func line(_ line: Int) -> Substring? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[line - 1]))
        var end = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[line])) : utf8.endIndex
        // Drop the line break (LF, CRLF or CR).
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\n") { end = utf8.index(before: end) }
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// Offsets of line starts: after each LF, and after each CR not followed by LF.
    private static func lineStarts(of text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { buffer in
            var starts: [UInt32] = [0]
            starts.reserveCapacity(buffer.count / 32 + 1)
            var i = 0
            let count = min(buffer.count, Int(UInt32.max))
            while i < count {
                let byte = buffer[i]
                i += 1
                if byte > 0x0D { continue }  // nearly every byte: one comparison
                if byte == 0x0A {
                    starts.append(UInt32(i))
                } else if byte == 0x0D, i == buffer.count || buffer[i] != 0x0A {
                    starts.append(UInt32(i))
                }
            }
            return starts
        }
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { path }
}
