import PhaseModel
import Testing
@testable import Scan

/// A recap of a kind of files (`- 2 documentation files` under `Total New Files`) counted against
/// the one section of the document whose heading states and lists that many such files.
struct FileCountRecapTests {
    private func fileCounts(_ markdown: String) throws -> [Claim] {
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: [], phases: [])
        return extractor.claims(inMarkdown: markdown, file: "SUMMARY.md").filter { $0.kind == .fileCount }
    }

    private let manifest = """
        ## Files Manifest

        ### Test Files (3 new)

        - `tests/a.spec.ts`
        - `tests/b.spec.ts`
        - `tests/c.spec.ts`

        ### Documentation (2 new)

        ```
        docs/
          ├── GUIDE.md ✅
          └── CHANGES.md 🆕 (rewritten)
        ```

        ### Total New Files

        """

    @Test func aRecapThatAgreesWithTheSectionItNamesIsCompletedWithIt() throws {
        let counts = try fileCounts(manifest + "- 3 test files\n- 2 documentation files\n")
        #expect(counts.map(\.text) == ["3 test files", "2 documentation files"])
        #expect(counts.map(\.expected) == [3, 2])
        #expect(counts.map(\.subject) == ["Test Files (3 new)", "Documentation (2 new)"])
    }

    @Test func aRecapThatDiffersIsLeftToTheEvidence() throws {
        // Five documentation files may count modified ones beside the two new: not the same set.
        let counts = try fileCounts(manifest + "- 5 documentation files\n")
        #expect(counts.map(\.expected) == [nil])
        #expect(counts.map(\.subject) == [nil])
    }

    @Test(arguments: [
        "- 4 files\n",  // names no kind of file
        "- 2 new files\n",  // `new` names both sections
        "- 3 source files\n",  // names no section
    ])
    func aRecapThatNamesNoSectionOrSeveralIsNotCompleted(recap: String) throws {
        let counts = try fileCounts(manifest + recap)
        #expect(counts.allSatisfy { $0.expected == nil && $0.subject == nil })
    }

    @Test func aHeadingWhoseFigureDisagreesWithItsListingCountsNothing() throws {
        let markdown = """
            ### Documentation (3 new)

            - `docs/GUIDE.md`
            - `docs/CHANGES.md`

            ### Totals

            - 2 documentation files
            """
        #expect(try fileCounts(markdown).map(\.expected) == [nil])
    }

    @Test func aPlannedSectionCountsNothing() throws {
        let markdown = """
            ## Next Steps

            ### Documentation (2 new)

            - `docs/GUIDE.md`
            - `docs/CHANGES.md`

            ## Summary

            - 2 documentation files
            """
        #expect(try fileCounts(markdown).map(\.expected) == [nil])
    }

    @Test func aRussianRecapIsMatchedByStem() throws {
        let markdown = """
            ### Тестовые файлы (2)

            - `tests/test_a.py`
            - `tests/test_b.py`

            ### Итого

            - 2 тестовых файла
            """
        let counts = try fileCounts(markdown)
        #expect(counts.last?.expected == 2)
        #expect(counts.last?.subject == "Тестовые файлы (2)")
    }

    @Test func aTreeEntryMayCarryAStatusMarkButNotProse() {
        #expect(FileTreeListing.fileCount(in: "docs/\n  ├── A.md ✅\n  └── B.md ✔ (26 tests, 620 lines)\n") == 2)
        #expect(FileTreeListing.fileCount(in: "docs/\n  ├── A.md → moved\n") == nil)
        #expect(FileTreeListing.fileCount(in: "docs/\n  ├── A.md done\n") == nil)
    }

    @Test(arguments: [
        ("Documentation (2 new)", 2), ("Test Files (3)", 3), ("Sources (4 files)", 4),
        ("Phase 5 Files (3 new)", 3), ("Files (2) and Tests (3)", nil), ("Notes (2 of them were reverted later on)", nil),
        ("Documentation", nil), ("Tests (v2)", nil),
    ] as [(String, Int?)])
    func theHeadingStatesOneFigureInBrackets(heading: String, count: Int?) {
        #expect(CountedFileSection.statedCount(in: heading) == count)
    }
}
