import PhaseModel
import Testing
@testable import Scan

/// A test count in a heading, a lead-in or an `Overall` line compared with the passed results its
/// section lists, directly or across its sub-sections.
struct TestResultListingTests {
    private func testCounts(_ markdown: String) throws -> [Claim] {
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: [], phases: [])
        return extractor.claims(inMarkdown: markdown, file: "REPORT.md").filter { $0.kind == .testCount }
    }

    private let subSections = """
        ## Testing Results

        ### Unit Tests

        - ✅ parses an empty config
        - ✅ parses a full config
        - rejects a bad port ✔️

        ### Integration Tests

        | Test | Result | Time |
        |------|--------|------|
        | starts the server | ✅ PASS | 0.4s |
        | serves metrics | PASS | 0.1s |


        """

    @Test func anOverallCountBelowTheSubSectionsIsComparedWithTheirResults() throws {
        let counts = try testCounts(subSections + "**Overall Test Pass Rate: 100% (6/6 tests)**\n")
        #expect(counts.map(\.claimed) == [6])
        #expect(counts.map(\.expected) == [5])
    }

    @Test func aLeadInCountIsComparedToo() throws {
        let markdown = subSections.replacingOccurrences(
            of: "## Testing Results\n", with: "## Testing Results\n\nAll 5 tests pass.\n")
        #expect(try testCounts(markdown).map(\.expected) == [5])
    }

    @Test func aHeadingsCountIsComparedWithTheResultsUnderIt() throws {
        let markdown = """
            ### Unit Tests (4 tests passing)

            - ✅ parses an empty config
            - ✅ parses a full config
            - ✅ rejects a bad port
            """
        #expect(try testCounts(markdown).map(\.expected) == [3])
    }

    @Test(arguments: [
        // A failure: the count may be of the passed results or of all of them.
        "### Unit Tests (3 tests)\n\n- ✅ parses\n- ❌ rejects a bad port\n- ✅ loads\n",
        // An item that groups several tests.
        "### Unit Tests (9 tests)\n\n- ✅ Parser (5 tests)\n- ✅ Server (4 tests)\n",
        // An item without a mark.
        "### Unit Tests (3 tests)\n\n- ✅ parses\n- rejects a bad port\n- ✅ loads\n",
        // A row counting a group.
        "### Tests (9 tests)\n\n| Suite | Tests | Result |\n|---|---|---|\n| Unit | 5 | ✅ |\n| Server | 4 | ✅ |\n",
        // Two test counts on one line: which one the listing is of is not said.
        "### Tests (3 tests, 3 passing tests)\n\n- ✅ a\n- ✅ b\n- ✅ c\n",
        // A count of new tests is of a part, and says nothing of the other count beside it.
        "### Tests (2 new tests)\n\n- ✅ a\n- ✅ b\n- ✅ c\n",
        "### Tests (3 tests, 2 new tests)\n\n- ✅ a\n- ✅ b\n- ✅ c\n",
        // Sub-sections, one of which lists no results.
        "## Tests\n\n### Unit\n\n- ✅ a\n\n### Notes\n\nFlaky on CI.\n\nOverall: 5 tests\n",
    ])
    func aListingThatIsNotPlainlyPassedResultsCountsNothing(markdown: String) throws {
        #expect(try testCounts(markdown).allSatisfy { $0.expected == nil })
    }

    @Test func aLineRightUnderATableIsOneOfItsRows() throws {
        // GFM reads a line right under a table, with no blank line between, as a row of it.
        let markdown = subSections.replacingOccurrences(of: "0.1s |\n\n", with: "0.1s |\n") + "Overall: 6 tests\n"
        #expect(try testCounts(markdown).allSatisfy { $0.expected == nil })
    }

    @Test func aSummaryLineMustSayItSumsUp() throws {
        let counts = try testCounts(subSections + "The server answers 6 tests per second.\n")
        #expect(counts.allSatisfy { $0.expected == nil })
    }

    @Test func russianResultsAreCounted() throws {
        let markdown = """
            ## Результаты тестов

            ### Модульные

            - ✅ разбор пустого конфига
            - ✅ разбор полного конфига

            ### Интеграционные

            - ✅ запуск сервера

            **Итого: 4 теста пройдено**
            """
        #expect(try testCounts(markdown).map(\.expected) == [3])
    }
}
