import CCmarkGFM
import Foundation

/// Turns GitHub-flavoured Markdown into an HTML fragment with cmark-gfm.
///
/// Extensions: table, strikethrough, autolink, tagfilter, tasklist. Safe mode (cmark's default
/// without `CMARK_OPT_UNSAFE`): raw HTML in the input is left out and `javascript:` links are
/// dropped, so text from task titles, commit subjects or test names cannot become markup.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        let html = MarkdownParser.withDocument(markdown) { root, parser -> String in
            guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            // cmark allocates the result with malloc; it is ours to free.
            defer { free(html) }
            return String(cString: html)
        }
        return html ?? ""
    }
}
