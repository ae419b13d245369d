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
    }

    /// The 1-based `line` of the file without its line break, or nil past the end.
    public func line(_ line: Int) -> Substring? {
        guard line >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        if line > 1 {
            var index = text.startIndex
            while index < text.endIndex {
                let c = text[index]
                index = text.index(after: index)
                if c == "\n" || c == "\r\n" || c == "\r" {
                    current += 1
                    if current == line { break }
                }
            }
            guard current == line else { return nil }
            start = index
        }
        var end = start
        while end < text.endIndex, !text[end].isNewline { end = text.index(after: end) }
        return text[start..<end]
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { path }
}
