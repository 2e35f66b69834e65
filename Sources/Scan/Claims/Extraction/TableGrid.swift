import Foundation
import PhaseModel
import TextSupport

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
        /// A row that sums part of the table (`Subtotal`, `Backend total`, `Итого по фазе 1`) in a
        /// table with a total row: left out of the sums, so the total does not count it twice.
        var isSubtotal = false
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
        if rows.contains(where: { $0.label == .total }) {
            for index in rows.indices where rows[index].label == nil {
                let first = rows[index].cells.first { !$0.text.isEmpty }?.text ?? ""
                rows[index].isSubtotal = ClaimWords.mentionsTotal(first)
            }
        }
        self.header = header
        self.rows = rows
    }

    /// The unit written after a cell's figure: `30 min` → `min`, `1 hour` → `h`, `444 LOC` →
    /// `loc`, `77 KB` → `kb`; empty when no word follows. Hours, minutes, days and seconds have
    /// one name each, in both languages; any other word is its own unit.
    static func unit(in text: String) -> String {
        guard let first = ClaimNumberScanner.numbers(in: text).first else { return "" }
        let word = text[first.range.upperBound...].drop { $0 == " " || $0 == "\u{A0}" }.prefix { $0.isLetter }
        let lower = word.lowercased()
        for (unit, names) in Self.unitNames where names.contains(lower) { return unit }
        return lower
    }

    private static let unitNames: [(String, Set<String>)] = [
        ("h", ["h", "hr", "hrs", "hour", "hours", "ч", "час", "часа", "часов"]),
        ("min", ["m", "min", "mins", "minute", "minutes", "мин", "минута", "минуты", "минут"]),
        ("s", ["s", "sec", "secs", "second", "seconds", "с", "сек", "секунд", "секунды"]),
        ("d", ["d", "day", "days", "дн", "день", "дня", "дней"]),
        ("lines", ["loc", "line", "lines", "строк", "строки", "строка"]),
    ]

    /// The header text of `column`, or `nil` past the header's width.
    func headerText(_ column: Int) -> String? {
        column < header.count ? header[column].text : nil
    }

    /// The figures of `column` in the plain body rows (not totals, subtotals or averages) before
    /// row `limit`.
    func bodyNumbers(column: Int, before limit: Int? = nil) -> [ClaimNumber] {
        bodyCells(column: column, before: limit).compactMap(\.number)
    }

    /// The cells of `column` in the plain body rows before row `limit`.
    func bodyCells(column: Int, before limit: Int? = nil) -> [Cell] {
        rows.prefix(limit ?? rows.count).compactMap { row in
            row.label == nil && !row.isSubtotal && column < row.cells.count ? row.cells[column] : nil
        }
    }

    /// How many plain body rows the table has.
    var bodyRowCount: Int { rows.count { $0.label == nil && !$0.isSubtotal } }

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
        // `${data.totalHours || 88}` is a template's placeholder, not a figure, and its `||` splits
        // it into cells such as `88}`.
        if text.contains(where: { $0 == "{" || $0 == "}" }) { return nil }
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
