/// A position in a source file: 1-based line and 1-based column counted in Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored in 32 bits: every node of a plan carries two positions.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// 1-based column, counted in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// A range of source text: the file, where it starts and where it ends (exclusive).
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    /// The file the range is in.
    public var file: SourceFile
    /// The first character of the range.
    public var start: SourcePosition
    /// The position just past the last character of the range.
    public var end: SourcePosition

    /// Creates a span.
    public init(file: SourceFile, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// An empty span at the start of `file`, for problems that concern the whole file.
    public static func startOf(_ file: SourceFile) -> SourceSpan {
        let origin = SourcePosition(line: 1, column: 1)
        return SourceSpan(file: file, start: origin, end: origin)
    }

    /// `path:line:col`, the way compilers print a location (control characters in the path
    /// escaped).
    public var description: String { "\(SafeText.escapingControls(file.path)):\(start.line):\(start.column)" }
}
