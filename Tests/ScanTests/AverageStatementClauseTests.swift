import PhaseModel
import Testing
@testable import Scan

/// A line below a table states the average of a column only when the average's own clause names
/// the column: a word of the header elsewhere on the line says nothing of which figure is a mean.
struct AverageStatementClauseTests {
    func averages(_ markdown: String) throws -> [Claim] {
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: [], phases: [])
        return try extractor.claims(inMarkdown: markdown, file: "docs/REPORT.md").filter { $0.kind == .average }
    }

    static let table = """
        | command | seconds | runs |
        | --- | ---: | --- |
        | `git log` | 0.58 | 0.65, 0.58 |
        | `scan` | 7.85 | 8.01, 7.85 |
        """ + "\n\n"

    @Test func anAverageWhoseClauseNamesAnotherQuantityIsNoColumnsAverage() throws {
        let found = try averages(Self.table + """
            Later it ran slower (`git log` 0.78 s, its CPU seconds up as much; nothing else running, load average 1.63 → 2.05).
            """)
        #expect(found.isEmpty)
        // The same words with the clause break removed: the clause names the column again.
        let named = try averages(Self.table + "The average seconds 4.21 per command.\n")
        #expect(named.map(\.subject) == ["seconds"])
        #expect(named.map(\.claimed) == [4.21])
        #expect(named.map(\.expected) == [4.215])
    }

    @Test func theColumnMayBeNamedAfterTheKeywordOrBeforeTheFigure() throws {
        let quality = """
            | Task | Coverage | Quality |
            |------|----------|---------|
            | TN-099 | 80% | 150% |
            | TN-100 | 90% | 140% |
            """ + "\n\n"
        #expect(try averages(quality + "We reached 150% average quality, as planned.\n").map(\.subject) == ["Quality"])
        #expect(try averages(quality + "Coverage is fine; the mean coverage is 85%.\n").map(\.subject) == ["Coverage"])
        // A percentage whose clause names no column is taken for the last percent column, as before.
        #expect(try averages(quality + "Coverage went up, and on average 145% was reached.\n").map(\.subject) == ["Quality"])
    }
}
