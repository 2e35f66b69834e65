import Foundation

/// A GFM table as rows of cells with their text and, where a cell holds one, its figure.
///
/// The first row is the header. A body row whose first non-empty cell is a total or average
/// label (`**Total**`, `Итого`, `Average`) is marked as such, so that sums and means are taken
/// over the other rows only.
struct TableGrid {
    struct Cell {
        var inlines: [MarkdownNode]
        /// The visible text, trimmed.
        var text: String
        /// The figure the cell holds, if it holds exactly one (see `number(in:)`).
        var number: ClaimNumber?
    }

    struct Row {
        var cells: [Cell]
        var line: Int
        /// Set for a total or average row.
        var label: ClaimWords.RowLabel?
        /// The column of the label (the first non-empty cell) of a total or average row.
        var labelColumn: Int?
        /// The whole row's text, for finding the task it names.
        var text: String { cells.map(\.text).joined(separator: " | ") }
    }

    var header: [Cell]
    var rows: [Row]

    init(_ table: MarkdownNode) {
        var header: [Cell] = []
        var rows: [Row] = []
        for (index, row) in table.children.enumerated() where row.kind == .tableRow {
            let cells = row.children.filter { $0.kind == .tableCell }.map { node in
                let text = node.plainText.trimmingBlanks()
                return Cell(inlines: node.children, text: text, number: Self.number(in: text))
            }
            if index == 0 {
                header = cells
                continue
            }
            var entry = Row(cells: cells, line: row.startLine, label: nil, labelColumn: nil)
            if let first = cells.firstIndex(where: { !$0.text.isEmpty }), let label = ClaimWords.rowLabel(cells[first].text) {
                entry.label = label
                entry.labelColumn = first
            }
            rows.append(entry)
        }
        self.header = header
        self.rows = rows
    }

    /// The header text of `column`, or `nil` past the header's width.
    func headerText(_ column: Int) -> String? {
        column < header.count ? header[column].text : nil
    }

    /// The figures of `column` in the plain body rows (not totals or averages) before row `limit`.
    func bodyNumbers(column: Int, before limit: Int? = nil) -> [ClaimNumber] {
        rows.prefix(limit ?? rows.count).compactMap { row in
            row.label == nil && column < row.cells.count ? row.cells[column].number : nil
        }
    }

    /// How many plain body rows the table has.
    var bodyRowCount: Int { rows.count { $0.label == nil } }

    /// Whether every plain body row holds a percentage in `column`.
    func isPercentColumn(_ column: Int) -> Bool {
        let body = rows.filter { $0.label == nil }
        return body.count >= 2
            && body.allSatisfy { column < $0.cells.count && $0.cells[column].number?.isPercent == true }
    }

    /// The one figure a cell holds: a number at its start (after emoji, bold markers and the
    /// like), with only words, decorations or a parenthesised remark after it. `**150%** ✅` is
    /// 150, `4,683 (167%)` is 4683 and `444 LOC` is 444; `74-106%`, `39/39`, `A+ (150%)` and
    /// `N/A` hold none.
    static func number(in text: String) -> ClaimNumber? {
        let numbers = ClaimNumberScanner.numbers(in: text)
        guard let first = numbers.first else { return nil }
        if text[..<first.range.lowerBound].contains(where: { $0.isLetter || $0.isNumber }) { return nil }
        let after = text[first.range.upperBound...].drop { $0 == " " || $0 == "\u{A0}" }
        if after.first == "/" { return nil }
        for other in numbers.dropFirst() where depth(of: other.range.lowerBound, in: text) == 0 { return nil }
        return first
    }

    /// How many parentheses are open at `index`.
    private static func depth(of index: String.Index, in text: String) -> Int {
        var depth = 0
        for character in text[..<index] {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
        }
        return depth
    }
}
