import Foundation

/// Reads a file line by line in fixed-size chunks, so files of any size take bounded memory.
/// A line longer than the limit is reported once and skipped, and reading goes on after it.
struct LineReader {
    /// What the reader hands over for each line.
    enum Line {
        /// A line's bytes, without its line break.
        case text(UnsafeBufferPointer<UInt8>)
        /// A line longer than the limit (skipped), with its length and the limit.
        case tooLong(bytes: Int, limit: Int)
    }

    /// The bytes read at once.
    static let chunkSize = 1 << 20

    /// Calls `body` with each line's 1-based number and content. Throws what `body` throws, or
    /// the reading error.
    static func forEachLine(of handle: FileHandle, maxLineBytes: Int, prefix: [UInt8] = [],
                            _ body: (Int, Line) throws -> Void) throws {
        var buffer = prefix
        var lineNumber = 1
        var skipping = 0
        var atEnd = false
        var scanFrom = 0
        while true {
            var consumed = 0
            var k = scanFrom
            let count = buffer.count
            try buffer.withUnsafeBufferPointer { all in
                while k < count {
                    if all[k] == 0x0A {
                        if skipping > 0 || k - consumed > maxLineBytes {
                            try body(lineNumber, .tooLong(bytes: skipping + k - consumed, limit: maxLineBytes))
                            skipping = 0
                        } else {
                            var end = k
                            if end > consumed, all[end - 1] == 0x0D { end -= 1 }
                            try body(lineNumber, .text(UnsafeBufferPointer(rebasing: all[consumed..<end])))
                        }
                        lineNumber += 1
                        consumed = k + 1
                    }
                    k += 1
                }
            }
            if consumed > 0 { buffer.removeFirst(consumed) }
            scanFrom = buffer.count
            if skipping > 0 || buffer.count > maxLineBytes {
                skipping += buffer.count
                buffer.removeAll(keepingCapacity: true)
                scanFrom = 0
            }
            if atEnd { break }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty {
                atEnd = true
                if buffer.isEmpty && skipping == 0 { break }
                buffer.append(0x0A)
                continue
            }
            buffer.append(contentsOf: data)
        }
    }
}
