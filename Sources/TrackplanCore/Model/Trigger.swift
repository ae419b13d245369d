/// When an event fires: one kind of interaction or page state.
public enum Trigger: Sendable, Hashable {
    /// A click on an element matching a CSS selector.
    case click(selector: String)
    /// A click on a link, matched by URL or by element.
    case linkClick(LinkMatch)
    /// A form submission, matched by form id or CSS selector.
    /// A form submission, matched by form id or CSS selector. With `checkValidation` (the
    /// default) it fires only when the browser's validation lets the form submit.
    case formSubmit(FormMatch, checkValidation: Bool = true)
    /// Vertical scroll depth thresholds, in percent.
    case scroll(percents: [Int])
    /// YouTube video progress thresholds in percent, plus start and completion.
    case video(percents: [Int], start: Bool, complete: Bool)
    /// Time on page, fired once per page.
    case timer(seconds: Int)
    /// An element becoming visible in the viewport.
    case visible(selector: String, minPercentVisible: Int)
    /// The load of a page of one of the event's page types.
    case pageView
    /// A dataLayer event the site pushes.
    case custom(event: String)

    /// The key used in the plan (`click`, `link_click`, …).
    public var kind: String {
        switch self {
        case .click: "click"
        case .linkClick: "link_click"
        case .formSubmit: "form_submit"
        case .scroll: "scroll"
        case .video: "video"
        case .timer: "timer"
        case .visible: "visible"
        case .pageView: "page_view"
        case .custom: "custom"
        }
    }

    /// Every trigger kind, in the order the format documents them.
    public static let kinds = ["click", "link_click", "form_submit", "scroll", "video", "timer", "visible", "page_view", "custom"]
}

/// How a `link_click` trigger recognizes its links.
public enum LinkMatch: Sendable, Hashable {
    /// The link URL contains this text.
    case urlContains(String)
    /// The link URL matches this regular expression.
    case urlRegex(String)
    /// The link element matches this CSS selector.
    case selector(String)
}

/// How a `form_submit` trigger recognizes its form.
public enum FormMatch: Sendable, Hashable {
    /// The form's `id` attribute.
    case formID(String)
    /// The form element matches this CSS selector.
    case selector(String)
}
