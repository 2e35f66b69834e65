import CCmarkGFM

/// Parses GitHub-flavoured Markdown with cmark-gfm into `MarkdownNode` values.
///
/// This file and `MarkdownHTML` are the only places that call `cmark_`; every handle is
/// freed before a function returns.
public enum MarkdownParser {
    /// GFM extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Parses `text` and returns the document node. Never fails: Markdown has no syntax errors,
    /// and cmark replaces invalid UTF-8 and NUL bytes with U+FFFD.
    public static func parse(_ text: String) -> MarkdownNode {
        withDocument(text) { root, _ in convert(root) } ?? MarkdownNode(kind: .document, startLine: 1, endLine: 1)
    }

    /// Parses `text` with every extension attached and hands the document node and the parser to
    /// `body`; both are freed when it returns. `nil` when cmark could not allocate them.
    static func withDocument<Result>(_ text: String, _ body: (_ root: OpaquePointer, _ parser: OpaquePointer) -> Result) -> Result? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    static func convert(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current))
            child = cmark_node_next(current)
        }
        // cmark-gfm's table extension gives no position (line 0) to the paragraph it splits off
        // the lines before a table's header row, and the table keeps that paragraph's first line;
        // without this, claims in such a paragraph were reported at line 0 (found by fuzzing).
        for index in children.indices where children[index].startLine == 0 {
            let next = index + 1 < children.count ? children[index + 1].startLine : 0
            let line = next > 0 ? next : Int(cmark_node_get_start_line(node))
            if line > 0 { position(&children[index], from: line) }
        }
        var result = MarkdownNode(
            kind: kind(of: node),
            literal: literal(of: node),
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            children: children
        )
        if result.kind == .item(checked: nil) { recogniseTaskBox(in: &result) }
        return result
    }

    /// Gives `node` and its descendants that have no position lines from `line` on, one more
    /// after each line break, as the text they hold runs.
    private static func position(_ node: inout MarkdownNode, from line: Int) {
        var current = line
        for index in node.children.indices {
            position(&node.children[index], from: current)
            if node.children[index].kind == .softBreak || node.children[index].kind == .lineBreak { current += 1 }
        }
        if node.startLine == 0 { node.startLine = line }
        if node.endLine == 0 { node.endLine = current }
    }

    /// cmark-gfm's tasklist extension misses boxes in some containers (a list inside a block
    /// quote, for one); an item whose text starts with `[ ] `, `[x] ` or `[X] ` is a task item
    /// all the same, as GitHub shows it.
    private static func recogniseTaskBox(in item: inout MarkdownNode) {
        guard let paragraph = item.children.firstIndex(where: { $0.kind == .paragraph }), paragraph == 0,
            let first = item.children[paragraph].children.first, first.kind == .text, let text = first.literal
        else { return }
        let box = text.prefix(4)
        let checked: Bool
        switch box {
        case "[ ] ": checked = false
        case "[x] ", "[X] ": checked = true
        default: return
        }
        item.kind = .item(checked: checked)
        item.children[paragraph].children[0].literal = String(text.dropFirst(4))
    }

    static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        switch name {
        case "document": return .document
        case "paragraph": return .paragraph
        case "block_quote": return .blockQuote
        case "thematic_break": return .thematicBreak
        case "html_block": return .htmlBlock
        case "code_block": return .codeBlock
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)))
        case "list": return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case "item": return .item(checked: nil)
        case "tasklist": return .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "table": return .table
        case "table_row", "table_header": return .tableRow
        case "table_cell": return .tableCell
        case "text": return .text
        case "code": return .code
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link
        case "image": return .image
        case "html_inline": return .htmlInline
        default: return .other(name)
        }
    }

    private static func literal(of node: OpaquePointer) -> String? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            return cmark_node_get_url(node).map { String(cString: $0) }
        default:
            return cmark_node_get_literal(node).map { String(cString: $0) }
        }
    }
}
