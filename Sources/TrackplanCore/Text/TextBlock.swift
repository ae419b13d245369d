/// Blocks of text as the terminal explanations show them.
public enum TextBlock {
    /// `text` with every line indented by four spaces, ending with one line break.
    public static func indented(_ text: String) -> String {
        var out = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        while out.hasSuffix("\n    ") { out.removeLast(5) }
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }
}
