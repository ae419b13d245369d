/// Byte-level checks done before parsing: UTF-8 validity and byte-order marks.
enum EncodingCheck {
    struct Problem {
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    static func problem(in bytes: [UInt8], allowByteOrderMark: Bool) -> Problem? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return Problem(line: 1, column: 1, message: "file is UTF-32 encoded; plans must be UTF-8",
                           hint: "save the file as UTF-8 without a byte-order mark")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Problem(line: 1, column: 1, message: "file is UTF-16 encoded; plans must be UTF-8",
                           hint: "save the file as UTF-8 without a byte-order mark")
        }
        if !allowByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Problem(line: 1, column: 1, message: "file starts with a byte-order mark (BOM)",
                           hint: "save the file as UTF-8 without a byte-order mark")
        }
        if let offset = firstInvalidUTF8(bytes) {
            let position = self.position(ofByte: offset, in: bytes)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return Problem(line: position.line, column: position.column,
                           message: "invalid UTF-8 byte 0x\(byte.count == 1 ? "0" + byte : byte)",
                           hint: "save the file as UTF-8 (it looks like another encoding, such as Latin-1)")
        }
        return nil
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1; column = 1
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A {} else { line += 1; column = 1 }
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
