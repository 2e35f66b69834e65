import TextSupport

/// What a heading or lead-in line lists below it: the top-level items of its lists, or, when it
/// has no list, the body rows of its tables.
struct ListedItems {
    /// How many items (or rows) are listed; `nil` when the count is not the point (the siblings of
    /// a `Total:` item).
    var count: Int?
    /// Start lines of the listed list items, which identify them when their own claims are read.
    var itemLines: [Int]
    /// Whether every item names a path: only then does their number count files. Items that say
    /// what to do with files (`Remove the key from …`) may be fewer or more than the files.
    var namePaths = false

    /// The items listed in `blocks` (a heading's section, or the block after a lead-in line), or
    /// `nil` when the blocks list nothing. A section split into sub-sections lists its
    /// sub-sections (`#### Modified Files (8)` over eight `#####` headings each naming a file),
    /// not the bullets under them.
    init?(in blocks: [MarkdownNode]) {
        let levels = blocks.compactMap { node -> Int? in
            if case let .heading(level) = node.kind { return level }
            return nil
        }
        if let top = levels.min() {
            let headings = blocks.filter { $0.kind == .heading(level: top) }
            count = headings.count
            itemLines = []
            namePaths = headings.allSatisfy { Self.namesPath($0.plainText) }
            return
        }
        let items = blocks.filter(Self.isList).flatMap { $0.children.filter(Self.isItem) }
        if !items.isEmpty {
            // `- Code: 20 files` items break a count down by kind; they do not list files.
            let breakdown = items.contains { item in
                item.children.first { $0.kind == .paragraph }.map { FileCountPhrase.find(in: $0.plainText) != nil } ?? false
            }
            count = breakdown ? nil : items.count
            itemLines = items.map(\.startLine)
            namePaths = items.allSatisfy { item in
                item.children.first { $0.kind == .paragraph }.map { Self.namesPath($0.plainText) } ?? false
            }
            return
        }
        let tables = blocks.filter { $0.kind == .table }
        guard !tables.isEmpty else {
            // A tree of files drawn in a code block, and nothing else to list.
            let code = blocks.filter { $0.kind == .codeBlock }
            guard code.count == 1, let literal = code[0].literal, let files = FileTreeListing.fileCount(in: literal) else { return nil }
            count = files
            itemLines = []
            namePaths = true
            return
        }
        count = tables.reduce(0) { $0 + TableGrid($1).bodyRowCount }
        itemLines = []
        namePaths = tables.allSatisfy { TableGrid($0).rows.allSatisfy { Self.namesPath($0.text) } }
    }

    /// Whether a line names a path: a word that looks like one once quotes and punctuation are
    /// taken off, and a `:12-30` line reference after it.
    static func namesPath(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).contains { word in
            PathToken.isPathLike(PathToken.withoutLineReference(PathToken.trimmed(word)))
        }
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
