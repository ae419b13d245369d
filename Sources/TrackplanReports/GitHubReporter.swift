import Foundation
import TrackplanCore

/// Formats a report as GitHub Actions workflow commands, which annotate the pull request:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, then the summary.
public struct GitHubReporter: Reporter {
    /// Creates a reporter.
    public init() {}

    /// The commands, one per diagnostic, then the text summary line.
    public func format(_ report: FindingReport) -> String {
        var out = ""
        for error in report.unreadable {
            out += "::error title=\(Self.escapeProperty("trackplan"))::\(Self.escapeData(error.description))\n"
        }
        for plan in report.subjects {
            for d in plan.diagnostics {
                let command: String
                switch d.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                var properties: [String] = []
                if let span = d.span {
                    properties.append("file=" + Self.escapeProperty(span.file.path))
                    properties.append("line=\(span.start.line)")
                    properties.append("col=\(span.start.column)")
                    properties.append("endLine=\(span.end.line)")
                    properties.append("endColumn=\(span.end.column)")
                }
                properties.append("title=" + Self.escapeProperty("trackplan \(d.ruleID)"))
                var message = d.message
                if let hint = d.hint { message += "\nhelp: \(hint)" }
                out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
            }
        }
        for note in report.notes {
            out += "::notice title=\(Self.escapeProperty("trackplan"))::\(Self.escapeData(note))\n"
        }
        out += report.summary + "\n"
        return out
    }

    /// Escapes a command's message as @actions/core does (`%`, CR and LF), and writes any other
    /// control character as a visible escape.
    public static func escapeData(_ s: String) -> String {
        SafeText.escapingControls(s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A"))
    }


    /// Escapes a property value as @actions/core does: also `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

extension GitHubReporter {
    public static let id = "github"
    public static let summary = "GitHub Actions workflow commands that annotate the pull request."

    /// Creates the reporter from the shared options.
    public init(options: ReporterOptions) {
        self.init()
    }
}
