import PhaseModel
import Testing
@testable import Render

struct TextTableTests {
    @Test func columnsArePaddedToTheWidestCellAndTrailingSpaceIsTrimmed() {
        let table = TextTable(header: ["A", "Long header"], rows: [["wide cell", "x"], ["b", ""]])
        #expect(table.render() == """
            A          Long header
            ---------  -----------
            wide cell  x
            b

            """)
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextTable.width("✅") == 2)
        #expect(TextTable.width("Фаза") == 4)
        #expect(TextTable.width("漢字") == 4)
    }

    @Test func longTextIsCutWithAnEllipsis() {
        #expect(TextTable.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(TextTable.truncate("abc", to: 5) == "abc")
        // Wide characters count two columns while cutting, mixed with ASCII.
        #expect(TextTable.truncate("ab漢字cd", to: 6) == "ab漢…")
        #expect(TextTable.truncate("✅✅✅", to: 5) == "✅✅…")
        // CR LF is one character, one column.
        #expect(TextTable.width("a\r\nb") == 3)
    }

    @Test func oneDecimalFormattingRoundsDown() {
        #expect(Decimal1.format(95.4545) == "95.4")
        #expect(Decimal1.format(10.5) == "10.5")
        #expect(Decimal1.format(11) == "11")
        #expect(Decimal1.format(0.04) == "0")
    }

    @Test func theScanSummaryShowsDashesForMissingEvidence() {
        let workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil),
            phases: [], tasks: [TaskRecord(id: "TN-001")], findings: []
        )
        let text = ScanSummary.render(workspace)
        #expect(text.contains("Master list: —"))
        let row = text.split(separator: "\n").first { $0.hasPrefix("—") }
        #expect(row.map { $0.split(separator: " ").map(String.init) } == ["—", "TN-001", "—", "—", "—", "—", "—", "—", "—", "—", "—"])
        #expect(text.contains("History: — (not a git repository)"))
        #expect(text.contains("Evidence: — (no test results, coverage or Helm output found)"))
    }

    @Test func testsCellsSayWhatRanAndWhatIsDefined() {
        #expect(ScanSummary.tests(TestEvidence(passed: 9, failed: 1, errored: 0, skipped: 2, defined: 12)) == "9/12 (1 failed), 12 defined")
        #expect(ScanSummary.tests(TestEvidence(defined: 4)) == "not run, 4 defined")
        #expect(ScanSummary.tests(TestEvidence(passed: 1, failed: 1, errored: 2, defined: nil)) == "1/4 (1 failed, 2 errored)")
    }
}

extension TextTableTests {
    @Test func evidenceLineCountsFilesInTheRightNumber() {
        var workspace = Workspace(sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: [])
        workspace.tests = WorkspaceTests(TestCounts(passed: 3), defined: 4, unlinked: TestCounts(), files: 1)
        #expect(ScanSummary.render(workspace).contains("Evidence: 1 result file: 3 passed, 0 failed, 0 errored, 0 skipped (0 linked to no task); 4 tests defined"))
        workspace.tests = WorkspaceTests(TestCounts(passed: 3), defined: nil, unlinked: TestCounts(passed: 1), files: 2)
        #expect(ScanSummary.render(workspace).contains("Evidence: 2 result files: 3 passed, 0 failed, 0 errored, 0 skipped (1 linked to no task)\n"))
    }
}

extension TextTableTests {
    @Test func evidenceLineShowsCoverageAndChartsFromTheModel() {
        var workspace = Workspace(sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: [])
        workspace.coverage = CoverageSummary(linesFound: 200, linesHit: 161, files: 3)
        workspace.helm = [
            ChartValidation(chart: "charts/web", path: "charts/web", status: .failed, errors: 1, warnings: 0, notes: []),
            ChartValidation(chart: "charts/db", path: "charts/db", status: .warnings, errors: 0, warnings: 2, notes: []),
        ]
        #expect(ScanSummary.render(workspace).contains("Evidence: coverage 80.5% of 200 lines; 2 charts validated, 1 failed\n"))
    }
}
