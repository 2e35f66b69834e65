import PhaseModel
import Testing
@testable import Scan

/// A table of files before and after a change states each file's length after it: the "after"
/// column's line figures are the named files' line counts; the "before" column's are of versions
/// the table does not name.
struct BeforeAfterLineTableTests {
    private func lineCounts(_ markdown: String) -> [Claim] {
        // `TaskIDPattern()` with its default pattern cannot fail.
        let extractor = ClaimExtractor(ids: try! TaskIDPattern(), tasks: [], phases: [])
        return extractor.claims(inMarkdown: markdown, file: "docs/REPORT.md").filter { $0.kind == .loc }
    }

    @Test func theAfterColumnGivesEachFilesLines() {
        let claims = lineCounts("""
            ### Files Modified

            | File | Before | After | Change |
            |------|--------|-------|--------|
            | `providers/base.py` | 72 lines | 229 lines | +157 (new base class) |
            | `providers/groq.py` | ~140 lines | 28 lines | -112 |
            | `tests/test_providers.py` | — | updated | fixes |
            """)
        let named = claims.filter { $0.subject != nil }
        #expect(named.map(\.subject) == ["providers/base.py", "providers/groq.py"])
        #expect(named.map(\.claimed) == [229, 28])
        // The before figures name no file of their own.
        #expect(claims.filter { $0.subject == nil }.map(\.claimed) == [72, 140])
    }

    @Test func russianHeadersAreReadToo() {
        let claims = lineCounts("""
            | Файл | Было | Стало |
            |------|------|-------|
            | `app/a.py` | 300 строк | 120 строк |
            | `app/b.py` | 90 строк | 45 строк |
            """)
        #expect(claims.filter { $0.subject != nil }.map(\.claimed) == [120, 45])
    }

    @Test(arguments: [
        // No before column: "after" alone may be anything.
        "| File | After |\n|---|---|\n| `a.py` | 20 lines |\n| `b.py` | 30 lines |\n",
        // The after cells are no line figures.
        "| File | Before | After |\n|---|---|---|\n| `a.py` | 10 lines | 3 functions |\n| `b.py` | 12 lines | 4 functions |\n",
        // One row only: too little to say the column counts lines.
        "| File | Before | After |\n|---|---|---|\n| `a.py` | 10 lines | 20 lines |\n",
    ])
    func aTableThatIsNotPlainlyBeforeAndAfterNamesNoFile(markdown: String) {
        #expect(lineCounts(markdown).allSatisfy { $0.subject == nil })
    }
}
