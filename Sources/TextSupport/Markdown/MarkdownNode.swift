/// A node of a parsed Markdown document, as plain Swift values (no C pointer escapes the parser).
public struct MarkdownNode: Sendable, Equatable {
    /// The node types phasecert looks at; everything else is `.other` with cmark's type name.
    public enum Kind: Sendable, Equatable {
        case document, paragraph, blockQuote, thematicBreak, htmlBlock, codeBlock
        case heading(level: Int)
        case list(ordered: Bool)
        /// A list item; `checked` is `nil` for an item without a `[ ]`/`[x]` box.
        case item(checked: Bool?)
        case table, tableRow, tableCell
        case text, code, softBreak, lineBreak, emphasis, strong, strikethrough, link, image, htmlInline
        case other(String)
    }

    public var kind: Kind
    /// Text of a text, code, code-block or HTML node; the destination of a link or image.
    public var literal: String?
    /// 1-based source lines; 0 when cmark does not track the node's position.
    public var startLine: Int
    public var endLine: Int
    public var children: [MarkdownNode]

    public init(kind: Kind, literal: String? = nil, startLine: Int, endLine: Int, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.startLine = startLine
        self.endLine = endLine
        self.children = children
    }

    /// The node's text: literals concatenated, line breaks as single spaces. Inline HTML is kept
    /// as the characters written (a title `<b>x</b>` stays that), never interpreted.
    public var plainText: String {
        switch kind {
        case .text, .code, .htmlInline: return literal ?? ""
        case .softBreak, .lineBreak: return " "
        case .image, .htmlBlock: return ""
        default: return children.map(\.plainText).joined()
        }
    }

    /// The inline children of a block, and for a list item the inline content of its
    /// first paragraph: the text that stands on the item's own line(s).
    public var leadingParagraph: MarkdownNode? {
        children.first { $0.kind == .paragraph }
    }

    /// Calls `visit` for this node and every descendant, depth first, in document order.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }
}
