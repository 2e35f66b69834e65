import Mustache

/// Mustache's escaping for Markdown templates: `{{value}}` goes through `MarkdownText.inline`, so
/// a title or commit subject is written as the characters it holds and never becomes markup.
/// `{{{value}}}` stays unescaped for the few values the view model builds as Markdown itself.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String { MarkdownText.inline(text) }

    /// The pragma put in front of every Markdown template when it is loaded, so a user's own
    /// template cannot forget it.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type with swift-mustache once; its registry is process-wide and
    /// lock-protected, and registering the same stateless type again changes nothing.
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}
