import PhaseModel
import TextSupport

/// The test results a section lists, one per item or row marked as passed (`- ✅ parses an empty
/// config`, `| rejects a bad port | PASS |`): directly under its heading, or, when the section is
/// split into sub-sections, under each of them (`### Unit Tests` with 9, `### Integration` with 5
/// …). A test count written in the heading, before the first sub-section, or in an `Overall` /
/// `Total` line after the last results is compared with that number (`24/24 tests` over 22 results).
///
/// Only a listing that is plainly results is counted: every item of every list (or every row of
/// every table) of each part must carry a pass mark, and every sub-section must hold such a
/// listing. A failed result (`❌`, `FAIL`) leaves the count unknown, since a count may then be of
/// the passed ones or of all; so does anything else, since a wrong count would make a wrong verdict.
struct TestResultListing: Sendable, Equatable {
    /// How many results are listed, all passed.
    var count: Int
    /// The lines whose test counts state that number: the heading's, the lead-in's before the
    /// first sub-section, and the summary lines after the last results.
    var lines: [ClosedRange<Int>]

    /// The listing of the section `heading` opens over `section`, or `nil` when it is not plainly
    /// a listing of passed results.
    init?(heading: MarkdownNode, section: [MarkdownNode]) {
        let levels = section.compactMap { node -> Int? in
            if case let .heading(level) = node.kind { return level }
            return nil
        }
        var lines = [heading.startLine...heading.endLine]
        guard let top = levels.min() else {
            guard let count = Self.results(in: section) else { return nil }
            self.count = count
            self.lines = lines
            return
        }
        let starts = section.indices.filter { section[$0].kind == .heading(level: top) }
        guard starts.count >= 2 else { return nil }
        let leadIn = section[..<starts[0]]
        // A lead-in that lists results of its own is a part the sub-sections do not hold.
        guard !leadIn.contains(where: { ListedItems.isList($0) || $0.kind == .table }) else { return nil }
        var total = 0
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1] : section.endIndex
            let part = Array(section[(start + 1)..<end])
            // A sub-section split again is counted only through its own heading's listing.
            guard !part.contains(where: { if case .heading = $0.kind { return true } else { return false } }),
                let count = Self.results(in: part)
            else { return nil }
            total += count
        }
        if let first = leadIn.first, let last = leadIn.last {
            lines.append(first.startLine...last.endLine)
        }
        let lastPart = section[(starts[starts.count - 1] + 1)...]
        if let lastListing = lastPart.lastIndex(where: { ListedItems.isList($0) || $0.kind == .table }) {
            for node in lastPart[(lastListing + 1)...] where node.kind == .paragraph && Self.saysOverall(node.plainText) {
                lines.append(node.startLine...node.endLine)
            }
        }
        count = total
        self.lines = lines
    }

    /// The passed results listed in `blocks`: the items of their lists, or the rows of their
    /// tables; `nil` when there are none, or any item or row is not marked passed.
    static func results(in blocks: [MarkdownNode]) -> Int? {
        let lists = blocks.filter(ListedItems.isList)
        let tables = blocks.filter { $0.kind == .table }
        guard lists.isEmpty != tables.isEmpty else { return nil }
        if !lists.isEmpty {
            let items = lists.flatMap { $0.children.filter(ListedItems.isItem) }
            // An item with items of its own, or one that counts (`✅ Parser (5 tests)`), is a group.
            let marked = items.allSatisfy { item in
                !item.children.contains(where: ListedItems.isList)
                    && item.children.first { $0.kind == .paragraph }.map { paragraph in
                        mark(opening: paragraph.plainText) == .passed && !countsSeveral(paragraph.plainText)
                    } ?? false
            }
            return marked && !items.isEmpty ? items.count : nil
        }
        var rows = 0
        for table in tables {
            for row in TableGrid(table).rows {
                // `| Unit | 9 | ✅ |` is a group of nine; a row of one result holds no bare count.
                guard row.label == nil, row.cells.contains(where: { mark(of: $0.text) == .passed }),
                    !row.cells.contains(where: { mark(of: $0.text) == .failed || isBareCount($0.text) }),
                    !countsSeveral(row.text)
                else { return nil }
                rows += 1
            }
        }
        return rows > 0 ? rows : nil
    }

    enum Mark { case passed, failed }

    /// The mark an item opens or ends with: `✅ parses`, `parses ✅`, `PASS: parses`, `[PASS] parses`.
    static func mark(opening text: String) -> Mark? {
        let trimmed = text.trimmingBlanks()
        let scalars = trimmed.unicodeScalars.filter { $0 != "\u{FE0F}" && !$0.properties.isWhitespace }
        if let first = scalars.first, let mark = mark(of: first) { return mark }
        if let last = scalars.last, let mark = mark(of: last) { return mark }
        let word = ClaimWords.words(trimmed.prefix(12)).first ?? ""
        let opensWithWord = trimmed.first.map { $0.isUppercase || $0 == "[" } ?? false
        guard opensWithWord else { return nil }
        if ["pass", "passed", "passing"].contains(word) { return .passed }
        if ["fail", "failed", "failing"].contains(word) { return .failed }
        return nil
    }

    /// The mark a table cell is: `✅`, `✅ PASS`, `PASS`, `Passed`, `❌ FAIL`.
    static func mark(of cell: String) -> Mark? {
        let words = ClaimWords.words(cell)
        let scalars = cell.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FE0F}" }
        if let first = scalars.first, let mark = mark(of: first), words.count <= 1 { return mark }
        switch words {
        case ["pass"], ["passed"], ["ok"], ["пройден"], ["пройдено"]: return .passed
        case ["fail"], ["failed"], ["провален"]: return .failed
        default: return nil
        }
    }

    private static func mark(of scalar: Unicode.Scalar) -> Mark? {
        if PhraseLexicon.doneMarks.contains(scalar) || scalar == "✓" { return .passed }
        if ["❌", "✗", "✘", "✖"].contains(scalar) { return .failed }
        return nil
    }

    /// Whether text counts several tests or checks (`Parser (5 tests)`, `12 cases`, `3 проверки`).
    static func countsSeveral(_ text: String) -> Bool {
        let numbers = ClaimNumberScanner.numbers(in: text)
        return numbers.contains { number in
            guard let word = ClaimWords.words(text[number.range.upperBound...].prefix(24)).first else { return false }
            return severalWords.contains { word.hasPrefix($0) }
        }
    }

    private static let severalWords = [
        "test", "case", "check", "scenario", "assert", "spec", "suite", "тест", "кейс", "провер", "сценари", "набор",
    ]

    private static func isBareCount(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "," || $0 == " " }
    }

    /// Whether a line sums up what came before it: `Overall`, `Total`, `Итого`, `Всего`.
    private static func saysOverall(_ text: String) -> Bool {
        ClaimWords.words(text.prefix(60)).contains(where: overallWords.contains)
    }

    private static let overallWords: Set<String> = ["overall", "total", "totals", "summary", "итого", "всего", "итог"]
}
