import CCmarkGFM
import Foundation

/// Turns GitHub-flavoured Markdown into an HTML fragment with cmark-gfm.
///
/// Extensions: table, strikethrough, autolink, tagfilter, tasklist. Safe mode (cmark's default
/// without `CMARK_OPT_UNSAFE`): raw HTML in the input is left out and `javascript:` links are
/// dropped, so text from task titles, commit subjects or test names cannot become markup.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        MarkdownParser.withDocument(markdown, html) ?? ""
    }

    /// `render(_:badges:)` of `markdown`, and the text of its first level-1 heading as
    /// `MarkdownNode.plainText` reads it, from one parse: a report page needs both, and parsing
    /// a page twice was a fifth of writing its HTML.
    public static func page(_ markdown: String, badges: [String: String]) -> (html: String, title: String?) {
        let page = MarkdownParser.withDocument(markdown) { root, parser -> (String, String?) in
            var child = cmark_node_first_child(root)
            var title: String?
            while let current = child {
                if MarkdownParser.kind(of: current) == .heading(level: 1) {
                    title = MarkdownParser.convert(current).plainText
                    break
                }
                child = cmark_node_next(current)
            }
            return (html(root, parser), title)
        }
        return page.map { (withBadges($0.0, badges), $0.1) } ?? ("", nil)
    }

    private static func html(_ root: OpaquePointer, _ parser: OpaquePointer) -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        // cmark allocates the result with malloc; it is ours to free.
        defer { free(html) }
        return String(cString: html)
    }

    /// Renders `markdown`, turning each code span whose whole text is a key of `badges` into
    /// `<span class="badge VALUE">TEXT</span>`, so a report's status words can be coloured.
    ///
    /// Only a code span can become a badge: untrusted text reaches a report with its backticks
    /// escaped, so it never forms one. The swap is made on cmark's output, where a code span is
    /// exactly `<code>` + escaped text + `</code>` (cmark-gfm's table cells accept no custom node,
    /// so the tree cannot carry it). Class names must be plain CSS identifiers; any other
    /// character is dropped.
    public static func render(_ markdown: String, badges: [String: String]) -> String {
        withBadges(render(markdown), badges)
    }

    /// `html` with each code span whose text is a key of `badges` swapped for its badge.
    private static func withBadges(_ html: String, _ badges: [String: String]) -> String {
        var spans: [String: String] = [:]
        for (text, cssClass) in badges where !text.isEmpty {
            let safeClass = String(cssClass.unicodeScalars.filter {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == " "
            }.map(Character.init))
            let escaped = escapeHTML(text)
            spans[escaped] = "<span class=\"badge \(safeClass)\">\(escaped)</span>"  // program text: HTML markup, read by the browser
        }
        guard !spans.isEmpty else { return html }
        // One pass over the page: each `<code>` whose text up to the next `</code>` is a badge's is
        // swapped. Code text is escaped, so it holds no `<` and no match can overlap another; a
        // replacement per badge over the whole page made long reports slow to render.
        // Bytes, not `String.range(of:)`: that bridges each remainder to `NSString` anew.
        let bytes = Array(html.utf8)
        let open = Array("<code>".utf8)
        let close = Array("</code>".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        var position = 0
        while let start = Self.find(open, in: bytes, from: position) {
            let textStart = start + open.count
            guard let end = Self.find(close, in: bytes, from: textStart) else { break }
            if let span = spans[String(decoding: bytes[textStart..<end], as: UTF8.self)] {
                result += bytes[copied..<start]
                result += span.utf8
                copied = end + close.count
            }
            position = end + close.count
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Where `needle` next starts in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Text made safe for HTML element content, as cmark escapes it (`&`, `<`, `>`, `"`).
    public static func escapeHTML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
