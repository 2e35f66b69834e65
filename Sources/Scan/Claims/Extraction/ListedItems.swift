/// What a heading or lead-in line lists below it: the top-level items of its lists, or, when it
/// has no list, the body rows of its tables.
struct ListedItems {
    /// How many items (or rows) are listed; `nil` when the count is not the point (the siblings of
    /// a `Total:` item).
    var count: Int?
    /// Start lines of the listed list items, which identify them when their own claims are read.
    var itemLines: [Int]

    /// The items listed in `blocks` (a heading's section, or the block after a lead-in line), or
    /// `nil` when the blocks list nothing.
    init?(in blocks: [MarkdownNode]) {
        let items = blocks.filter(Self.isList).flatMap { $0.children.filter(Self.isItem) }
        if !items.isEmpty {
            // `- Code: 20 files` items break a count down by kind; they do not list files.
            let breakdown = items.contains { item in
                item.children.first { $0.kind == .paragraph }.map { FileCountPhrase.find(in: $0.plainText) != nil } ?? false
            }
            count = breakdown ? nil : items.count
            itemLines = items.map(\.startLine)
            return
        }
        let tables = blocks.filter { $0.kind == .table }
        guard !tables.isEmpty else { return nil }
        count = tables.reduce(0) { $0 + TableGrid($1).bodyRowCount }
        itemLines = []
    }

    init(count: Int?, itemLines: [Int]) {
        self.count = count
        self.itemLines = itemLines
    }

    static func isList(_ node: MarkdownNode) -> Bool {
        if case .list = node.kind { return true }
        return false
    }

    static func isItem(_ node: MarkdownNode) -> Bool {
        if case .item = node.kind { return true }
        return false
    }
}
