/// One GFM task item (`- [x] …`) of a checklist.
public struct ChecklistItem: Codable, Sendable, Equatable {
    public var text: String
    public var checked: Bool
    public var line: Int
    /// 0 for a top-level item, 1 for an item nested once, and so on.
    public var depth: Int

    public init(text: String, checked: Bool, line: Int, depth: Int) {
        self.text = text
        self.checked = checked
        self.line = line
        self.depth = depth
    }
}

/// The task items under one heading of a checklist file.
public struct ChecklistSection: Codable, Sendable, Equatable {
    /// The heading's text; `nil` for items before the first heading.
    @Nullable public var title: String?
    @Nullable public var line: Int?
    public var checked: Int
    public var total: Int
    public var items: [ChecklistItem]

    public init(title: String?, line: Int?, items: [ChecklistItem]) {
        self.title = title
        self.line = line
        self.items = items
        self.checked = items.count(where: \.checked)
        self.total = items.count
    }
}

/// A task's checklist (its tasks.md), counted in total and per section.
public struct Checklist: Codable, Sendable, Equatable {
    /// The file the items were read from.
    public var file: String
    public var checked: Int
    public var total: Int
    public var sections: [ChecklistSection]

    public init(file: String, sections: [ChecklistSection]) {
        self.file = file
        self.sections = sections
        self.checked = sections.reduce(0) { $0 + $1.checked }
        self.total = sections.reduce(0) { $0 + $1.total }
    }

    /// Every item, in file order.
    public var items: [ChecklistItem] { sections.flatMap(\.items) }
}
