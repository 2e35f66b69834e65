import PhaseModel
import Testing
@testable import Scan

/// Files drawn as a tree in a code block, counted for the file count of the heading above.
struct FileTreeListingTests {
    @Test func filesOfADrawnTreeAreCountedAndFoldersAreNot() {
        let tree = """
            lib/
              ├── parser/
              │   ├── lexer.swift (new)
              │   └── grammar.swift   # rewritten
              └── writer.swift ← T-4

            docs/
              └── guide/intro.md
            """
        #expect(FileTreeListing.fileCount(in: tree) == 4)
        #expect(FileTreeListing.fileCount(in: "app/\n|-- main.py\n`-- util.py\n") == 2)
    }

    @Test(arguments: [
        "lib/\n  ├── Makefile\n  └── a.swift\n",  // a name without extension: file or folder?
        "lib/\n  ├── a.swift\n  └── …\n",  // an ellipsis hides entries
        "swift build -c release\nswift test\n",  // a command, not a tree
        "lib/a.swift\nlib/b.swift\n",  // paths without a drawn tree
        "lib/\n  ├── a.swift is the entry point\n",  // prose after a name
    ])
    func aBlockThatIsNotPlainlyATreeOfFilesCountsNothing(code: String) {
        #expect(FileTreeListing.fileCount(in: code) == nil)
    }

    @Test func aHeadingsFileCountIsCheckedAgainstTheTreeUnderIt() throws {
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: [], phases: [])
        let markdown = """
            ### Sources (3 files)

            ```
            src/
              ├── a.ts
              ├── b.ts
              └── util/c.ts
            ```

            ### Tests (3 files)

            ```
            tests/
              ├── a.test.ts
              └── b.test.ts
            ```
            """
        let counts = try extractor.claims(inMarkdown: markdown, file: "REPORT.md").filter { $0.kind == .fileCount }
        #expect(counts.map(\.claimed) == [3, 3])
        #expect(counts.map(\.expected) == [3, 2])
    }
}
