import Foundation
import TrackplanCore

/// `trackplan import`: reads a source, recognizes its format (or takes the one given), and
/// imports it.
public enum Importer {
    /// Imports `bytes`, read from `source`; `format` overrides detection.
    public static func importSource(_ bytes: [UInt8], source: String, format: ImportFormat? = nil) throws(ImportError) -> ImportResult {
        guard let format = format ?? ImportFormat.detect(bytes) else {
            throw ImportError("\(source): not a format `trackplan import` reads (a GTM container export, a Segment or RudderStack plan, an Amplitude Data CSV export); name it with `--format` if it is one")
        }
        switch format {
        case .amplitudeCSV:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ImportError("\(source): the CSV file is not UTF-8 text")
            }
            return try AmplitudeCSVImporter().importCSV(text, source: source)
        case .gtm:
            let json = try parseJSON(bytes, source: source)
            guard ImportFormat.detect(json) == .gtm else {
                throw ImportError("\(source): not a GTM container export (no `containerVersion` with tags)")
            }
            return GTMImporter().importContainer(json, source: source)
        case .segment, .rudderstack:
            let json = try parseJSON(bytes, source: source)
            guard ImportFormat.detect(json) == format else {
                throw ImportError("\(source): not a \(format.title) (" + (format == .segment ? "`rules` is not a list of rules" : "no `rules.events`") + ")")
            }
            return SchemaPlanImporter().importPlan(json, format: format, source: source)
        }
    }

    /// `bytes` as JSON, or an error located at its line and column.
    static func parseJSON(_ bytes: [UInt8], source: String) throws(ImportError) -> JSONValue {
        do {
            return try JSONByteParser.parse(bytes)
        } catch let error as JSONByteParser.Failure {
            let (line, column) = position(of: error.offset, in: bytes)
            throw ImportError("\(source):\(line):\(column): not JSON: \(error.message)")
        } catch {
            throw ImportError("\(source): not JSON: \(error)")
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }
}
