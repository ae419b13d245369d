/// RFC 4180 CSV: fields separated by commas, quoted with `"` (doubled inside), line breaks
/// inside quotes kept; CRLF or LF line ends; a UTF-8 byte order mark skipped.
struct CSVRows {
    /// A row with the line it starts on (1-based).
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The rows of `text`; blank lines are skipped.
    static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var afterQuote = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
            field = ""
        }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\r":
                break
            case "\n":
                endRow(); afterQuote = false
                line += 1
                rowLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
