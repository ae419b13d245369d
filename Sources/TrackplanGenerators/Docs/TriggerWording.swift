import TrackplanCore
import TrackplanFormat
import TrackplanLint
import TrackplanSpec

/// Triggers, matches and signals in plain words for people.
public enum TriggerWording {
    /// "click on `button.add-to-wishlist`", "scrolls past 50%, 90%", …
    public static func describe(_ trigger: Trigger) -> String {
        switch trigger {
        case .click(let selector):
            return "click on " + MarkdownText.code(selector)
        case .linkClick(.urlContains(let text)):
            return "click on a link whose URL contains " + MarkdownText.code(text)
        case .linkClick(.urlRegex(let regex)):
            return "click on a link whose URL matches " + MarkdownText.code(regex)
        case .linkClick(.selector(let selector)):
            return "click on a link matching " + MarkdownText.code(selector)
        case .formSubmit(.formID(let id), _):
            return "submits the form with id " + MarkdownText.code(id)
        case .formSubmit(.selector(let selector), _):
            return "submits the form " + MarkdownText.code(selector)
        case .scroll(let percents):
            return "scrolls past " + percents.map { "\($0)%" }.joined(separator: ", ")
        case .video(let percents, let start, let complete):
            var parts: [String] = []
            if start { parts.append("starts") }
            if !percents.isEmpty { parts.append("watches " + percents.map(String.init).joined(separator: "/") + "% of") }
            if complete { parts.append("completes") }
            let verbs = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " or " + (parts.last ?? "") : parts.first ?? "plays"
            return verbs + " a YouTube video"
        case .timer(let seconds):
            return seconds % 60 == 0 && seconds >= 60
                ? "stays \(seconds / 60) minute\(seconds == 60 ? "" : "s") on the page"
                : "stays \(seconds) second\(seconds == 1 ? "" : "s") on the page"
        case .visible(let selector, let percent):
            return "sees " + MarkdownText.code(selector) + " (\(percent)% visible)"
        case .pageView:
            return "loads the page"
        case .custom(let event):
            return "dataLayer event " + MarkdownText.code(event)
        }
    }

    /// "path is `/`", "path starts with `/products/`", "path matches `^/p/[^/]+$`".
    public static func describe(_ match: PageMatch) -> String {
        switch match {
        case .path(let path): return "path is " + MarkdownText.code(path)
        case .pathPrefix(let prefix): return "path starts with " + MarkdownText.code(prefix)
        case .pathRegex(let regex): return "path matches " + MarkdownText.code(regex)
        }
    }

    /// ★★★★☆ for 4, "—" for none.
    public static func stars(_ signal: Int?) -> String {
        guard let signal else { return "—" }
        return String(repeating: "★", count: signal) + String(repeating: "☆", count: max(0, 5 - signal))
    }
}
