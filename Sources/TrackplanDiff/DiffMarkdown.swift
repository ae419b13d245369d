import TrackplanCore

/// The diff as Markdown for a pull-request comment: counts by level and consumer, then one
/// table per consumer (a change appears under every consumer it concerns).
public enum DiffMarkdown {
    /// The comment for the changes of `old` → `new`.
    public static func render(_ outcome: DiffRun.Outcome, old: String, new: String) -> String {
        var out = "## Tracking plan changes: " + cellCode(old) + " → " + cellCode(new) + "\n\n"
        if !outcome.report.unreadable.isEmpty {
            for side in outcome.report.unreadable {
                out += "**Could not compare:** " + escape(side.description) + "\n\n"
            }
            return out
        }
        let changes = outcome.changes
        let incomplete = outcome.report.diagnostics.filter { $0.ruleID == ChangeKinds.sideUnreadable.id }
        for d in incomplete { out += "> **Incomplete:** " + escape(d.message) + "\n\n" }
        guard !changes.isEmpty else { return out + "No changes.\n" }
        let breaking = changes.filter { $0.level == .breaking }.count
        let warnings = changes.filter { $0.level == .warning }.count
        let safe = changes.filter { $0.level == .safe }.count
        var parts: [String] = []
        if breaking > 0 { parts.append("**\(breaking) breaking**") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if safe > 0 { parts.append("\(safe) safe") }
        out += parts.joined(separator: ", ") + " change\(changes.count == 1 ? "" : "s").\n\n"
        out += "| Who | Breaking | Warning | Safe |\n| --- | ---: | ---: | ---: |\n"
        for consumer in Consumer.allCases {
            let concerned = changes.filter { $0.consumers.contains(consumer) }
            guard !concerned.isEmpty else { continue }
            out += "| [\(consumer.title)](#\(anchor(consumer.title))) | " + ChangeLevel.allCases.reversed().map { level in
                String(concerned.filter { $0.level == level }.count)
            }.joined(separator: " | ") + " |\n"
        }
        let planOnly = changes.filter { $0.consumers.isEmpty }
        if !planOnly.isEmpty {
            out += "| [The plan only](#the-plan-only) | " + ChangeLevel.allCases.reversed().map { level in
                String(planOnly.filter { $0.level == level }.count)
            }.joined(separator: " | ") + " |\n"
        }
        for consumer in Consumer.allCases {
            let concerned = changes.filter { $0.consumers.contains(consumer) }
            guard !concerned.isEmpty else { continue }
            out += "\n### \(consumer.title)\n\n" + table(concerned)
        }
        if !planOnly.isEmpty { out += "\n### The plan only\n\n" + table(planOnly) }
        return out
    }

    static func table(_ changes: [PlanChange]) -> String {
        var out = "| Level | Change | Where | What to do |\n| --- | --- | --- | --- |\n"
        for change in changes.sorted(by: { $0.level > $1.level }) {
            let level = change.level == .breaking ? "🔴 breaking" : change.level == .warning ? "🟡 warning" : "🟢 safe"
            let place = change.span.map { cellCode("\($0.file.path):\($0.start.line)") } ?? cellCode(change.subject.description)
            out += "| \(level) | " + inline(change.message) + " (`\(change.kind.id)`) | " + place + " | "
                + change.notes.map(inline).joined(separator: " ") + " |\n"
        }
        return out
    }

    /// Text whose backtick spans are kept as code and the rest escaped for a table cell.
    static func inline(_ text: String) -> String {
        var out = ""
        for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            out += index % 2 == 1 ? cellCode(String(part)) : escape(String(part))
        }
        return out
    }

    /// A code span that survives a table cell.
    static func cellCode(_ text: String) -> String {
        let body = SafeText.escapingControls(text).replacingOccurrences(of: "|", with: "\\|")
        let fence = body.contains("`") ? "``" : "`"
        return fence + (fence.count > 1 ? " \(body) " : body) + fence
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in SafeText.escapingControls(text).unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "*", "_", "[", "]", "|", "~", "#": out += "\\"; out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// GitHub's heading anchor for a plain heading.
    static func anchor(_ title: String) -> String {
        title.lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "-" }.map(String.init).joined()
    }
}
