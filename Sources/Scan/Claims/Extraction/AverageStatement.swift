import PhaseModel

/// A line that states the average of a table above it: `Average quality: 148.3%`,
/// `**Средний уровень качества**: 148,3 %`, `mean coverage 91%`, `150% average quality`.
///
/// The column it speaks of is the one whose header shares a word with the statement's own clause
/// (`quality` and `Quality`, `качества` and `Качество`): the words around the keyword and the
/// figure up to the nearest comma, semicolon, parenthesis, dash or sentence end, so that
/// `…its CPU seconds up as much; load average 1.63` names no `seconds` column. Failing that, the
/// last column in which every row holds a percentage, leaving out columns of differences
/// (`Discrepancy`, `Расхождение`), whose mean is never what a report calls its average.
struct AverageStatement {
    var claimed: ClaimNumber
    /// From the keyword to the figure, as written.
    var text: String
    var column: Int
    var subject: String
    /// The mean of the column's figures.
    var expected: Double

    /// The average stated in `segment` of `text` (one source line), checked against `table`.
    /// `numbers` are the numbers of the whole `text`.
    static func find(
        in text: String, segment: Range<String.Index>, numbers: [ClaimNumber], table: TableGrid
    ) -> AverageStatement? {
        guard let keyword = ClaimWords.averageKeyword(in: text, within: segment) else { return nil }
        // A weighted average needs its weights, which the table does not give: a plain mean of
        // the column says nothing about it.
        let words = ClaimWords.words(String(text[segment]))
        guard !words.contains(where: { $0 == "weighted" || $0.hasPrefix("взвешен") }) else { return nil }
        let inside = numbers.filter { $0.range.lowerBound >= segment.lowerBound && $0.range.upperBound <= segment.upperBound }
        let glued = inside.last { number in
            number.range.upperBound <= keyword.lowerBound
                && text[number.range.upperBound..<keyword.lowerBound].allSatisfy { $0.isWhitespace || "*_".contains($0) }
        }
        guard let figure = glued ?? inside.first(where: { $0.range.lowerBound >= keyword.upperBound }) else { return nil }
        let start = min(keyword.lowerBound, figure.range.lowerBound)
        let end = max(keyword.upperBound, figure.range.upperBound)
        let clause = clause(around: start..<end, in: text, within: segment)
        guard let column = column(for: String(text[clause]), figure: figure, in: table) else { return nil }
        let values = table.bodyNumbers(column: column).filter { $0.isPercent == figure.isPercent }.map(\.value)
        guard values.count >= 2 else { return nil }
        return AverageStatement(
            claimed: figure, text: String(text[start..<end]), column: column, subject: table.headerText(column) ?? "",
            expected: values.reduce(0, +) / Double(values.count))
    }

    /// `statement` widened to its clause within `segment`: up to the nearest `,` or `.` followed by
    /// a blank (a comma or point inside a figure cuts nothing), `;`, `(`, `)`, `—` or `–` on each side.
    private static func clause(
        around statement: Range<String.Index>, in text: String, within segment: Range<String.Index>
    ) -> Range<String.Index> {
        func cuts(at index: String.Index) -> Bool {
            let character = text[index]
            if ";()—–".contains(character) { return true }
            guard character == "," || character == "." else { return false }
            let next = text.index(after: index)
            return next >= segment.upperBound || text[next].isWhitespace
        }
        var start = statement.lowerBound
        while start > segment.lowerBound, !cuts(at: text.index(before: start)) { start = text.index(before: start) }
        var end = statement.upperBound
        while end < segment.upperBound, !cuts(at: end) { end = text.index(after: end) }
        return start..<end
    }

    private static func column(for sentence: String, figure: ClaimNumber, in table: TableGrid) -> Int? {
        let width = table.header.count
        let numeric = (0..<width).filter { column in
            table.bodyNumbers(column: column).count { $0.isPercent == figure.isPercent } >= 2
        }
        if let named = numeric.first(where: { ClaimWords.shareWord(sentence, table.headerText($0) ?? "") }) {
            return named
        }
        guard figure.isPercent else { return nil }
        return numeric.last { column in
            table.isPercentColumn(column) && !ClaimWords.namesDifference(table.headerText(column) ?? "")
        }
    }
}
