import PhaseModel

/// Tables whose rows state line counts: a file per row (`| helm/chart/values.yaml | 40 |` under
/// a `Lines` header), or a commit per row (`| d0f4f7e | feat: … | 538 |` under `Commit` and
/// `Lines`).
///
/// Only a column whose header says plainly that it holds line counts is read, so that a figure
/// is never taken for lines it does not count: `Lines`, `LOC`, `SLOC`, `Lines of code`, `Строк`,
/// `Строк кода`. A file's length is not a change, so in a file table a header that speaks of
/// lines added, removed or changed is not read; in a commit table lines added are what a commit
/// row counts, and removed or changed lines are not. A table that also speaks of coverage is a
/// coverage report (`Lines` there is the share of lines covered) and is not read at all.
struct LineTable {
    /// The column of line counts.
    let linesColumn: Int
    /// The column of commit ids, for a history table.
    let commitColumn: Int?

    /// The line table `grid` is, if it is one.
    init?(_ grid: TableGrid) {
        let headers = grid.header.map { ClaimWords.words($0.text) }
        guard !headers.contains(where: { $0.contains(where: Self.isCoverageWord) }) else { return nil }
        let commits = grid.header.indices.filter { ClaimWords.namesCommits(grid.header[$0].text) }
        // Two commit columns (a commit and its parent) leave open which one the lines belong to.
        guard commits.count <= 1 else { return nil }
        let commit = commits.first
        let lines = headers.indices.filter { $0 != commit && Self.saysLines(headers[$0], history: commit != nil) }
        if lines.isEmpty, commit == nil, let after = Self.afterColumn(grid, headers: headers) {
            linesColumn = after
            commitColumn = nil
            return
        }
        guard lines.count == 1, let column = lines.first else { return nil }
        linesColumn = column
        commitColumn = commit
    }

    /// The "after" column of a table of files before and after a change (`| File | Before |
    /// After |` with `72 lines` and `229 lines` in the cells): the files' lengths once changed,
    /// which the document states as it was committed. Taken only when one column says before and
    /// one says after, and at least two and more than half of the after column's cells write a
    /// figure in lines (`updated` in a row of its own names no figure); the before column's
    /// figures are of versions the table does not name.
    private static func afterColumn(_ grid: TableGrid, headers: [[String]]) -> Int? {
        let before = headers.indices.filter { headers[$0].contains(where: beforeWords.contains) }
        let after = headers.indices.filter { headers[$0].contains(where: afterWords.contains) }
        guard before.count == 1, after.count == 1, let column = after.first, before[0] != column else { return nil }
        let cells = grid.rows.filter { $0.label == nil && !$0.isSubtotal }.compactMap { row in
            column < row.cells.count ? row.cells[column] : nil
        }
        let counted = cells.filter { TableGrid.unit(in: $0.text) == "lines" && figure($0) != nil }
        guard counted.count >= 2, counted.count * 2 > cells.count else { return nil }
        return column
    }

    private static let beforeWords: Set<String> = ["before", "was", "old", "previous", "до", "было", "прежде"]
    private static let afterWords: Set<String> = ["after", "now", "current", "после", "стало", "сейчас", "теперь"]

    /// Whether a header's words say the column counts lines, of a file or (`history`) of a commit.
    static func saysLines(_ words: [String], history: Bool) -> Bool {
        guard words.contains(where: isLineWord) else { return false }
        // `Est. LOC`, `Target lines`, `Оценка строк`: figures planned, not counted.
        if words.contains(where: isEstimateWord) { return false }
        if words.contains(where: isRemovalWord) { return false }
        return history || !words.contains(where: isAdditionWord)
    }

    private static func isLineWord(_ word: String) -> Bool {
        ["lines", "loc", "sloc", "строк", "строки", "строчек"].contains(word)
    }

    private static func isEstimateWord(_ word: String) -> Bool {
        ["est", "estimate", "estimated", "estimation", "target", "planned", "expected", "budget", "approx"].contains(word)
            || ["оцен", "план", "ожида", "целев", "примерн"].contains { word.hasPrefix($0) }
    }

    private static func isRemovalWord(_ word: String) -> Bool {
        ["removed", "deleted", "deletions", "changed", "changes", "change", "modified", "diff", "delta", "net", "churn",
         "covered", "uncovered", "missed"].contains(word)
            || word.hasPrefix("удал") || word.hasPrefix("измен")
    }

    private static func isAdditionWord(_ word: String) -> Bool {
        ["added", "insertions", "inserted", "new", "written"].contains(word) || word.hasPrefix("добав")
    }

    private static func isCoverageWord(_ word: String) -> Bool {
        ["coverage", "covered", "uncovered", "branches", "functions", "statements"].contains(word)
            || word.hasPrefix("покрыт")
    }

    /// The figure of a row's line cell: a whole, non-negative count that is not a percentage. In
    /// a file table it is written without a sign (`+17` is what a change added, not the file's
    /// length); in a history table (`history`) `+12` is the lines its commit added.
    static func figure(_ cell: TableGrid.Cell, history: Bool = false) -> ClaimNumber? {
        // `~20 changes` counts changes, `3 files` files: only a bare figure or one in lines counts lines.
        let signs = history ? "-−±" : "+-−±"
        guard cell.text.first(where: { $0.isNumber || "+-−±".contains($0) }).map({ $0.isNumber || !signs.contains($0) }) == true,
            ["", "lines"].contains(TableGrid.unit(in: cell.text)),
            let number = cell.number, !number.isPercent, number.value >= 0,
            number.value == number.value.rounded()
        else { return nil }
        return number
    }

    /// The path a cell holds and nothing else (code marks, a link or bold aside): `nil` for a
    /// cell that says more than a path, since a path in a sentence may not be what is counted.
    static func path(in cell: TableGrid.Cell) -> String? {
        guard let leading = PathToken.leading(in: cell.inlines) else { return nil }
        let rest = cell.text.filter { !"`*_".contains($0) }.trimmingBlanks()
        guard rest == leading.text.filter({ !"`*_".contains($0) }) || rest == leading.path else { return nil }
        return leading.path
    }
}

extension ClaimBound {
    /// The bound a number's own marks give: `750+` at least, `~200` about.
    init?(marks number: ClaimNumber) {
        if number.atLeast {
            self = .atLeast
        } else if number.approximate {
            self = .about
        } else {
            return nil
        }
    }
}
