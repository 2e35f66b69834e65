import Foundation
import PhaseModel
import Testing
@testable import Scan

/// The hand-written reports in `Tests/Fixtures/reports/` (see its README): each inconsistency
/// pattern they carry is extracted with the right kind, figures and line.
struct ClaimExtractionFixtureTests {
    /// Lanternfish phase 7 and its tasks LF-040 … LF-044.
    func claims(_ name: String) throws -> [Claim] {
        let tasks = (40...44).map { TaskRecord(id: "LF-0\($0)", phase: "7") }
        let phase = Phase(id: "7", name: "Observability Pipeline", source: .file("tasks/TASKS.md", line: 1), tasks: tasks.map(\.id))
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: tasks, phases: [phase])
        return extractor.claims(inMarkdown: try Fixtures.text("reports/\(name)"), file: "Tests/Fixtures/reports/\(name)")
    }

    /// The one claim of `kind` on `line`.
    func claim(_ kind: ClaimKind, line: Int, in claims: [Claim], subject: String? = nil) throws -> Claim {
        let found = claims.filter { $0.kind == kind && $0.source.line == line && (subject == nil || $0.subject == subject) }
        try #require(found.count == 1, "\(kind) on line \(line): \(found.map(\.text))")
        return found[0]
    }

    func near(_ value: Double?, _ target: Double) -> Bool {
        value.map { abs($0 - target) < 0.01 } ?? false
    }

    // MARK: English phase report

    @Test func englishReportBelongsToThePhaseItsTitleNames() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        #expect(claims.allSatisfy { $0.phase == "7" })
        #expect(claims.allSatisfy { $0.verdict == nil })
    }

    @Test func englishHeaderLinesGiveADateStatusDurationAndGrade() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        #expect(try claim(.date, line: 3, in: claims).claimedValue == "2025-10-14")
        #expect(try claim(.status, line: 4, in: claims).claimedValue == "done")
        #expect(try claim(.duration, line: 5, in: claims).claimed == 26)
        #expect(try claim(.grade, line: 6, in: claims).claimedValue == "A")
    }

    @Test func englishCompletionRatioStandsBesideAPercentageItDoesNotEqual() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md").filter { $0.kind == .completion && $0.source.line == 11 }
        let ratio = try #require(claims.first { $0.denominator == 9 })
        #expect(ratio.claimed == 8.5)
        let percent = try #require(claims.first { $0.claimed == 96 })
        #expect(near(percent.expected, 94.44))
    }

    @Test func englishTestCountAndCoverage() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        let tests = try claim(.testCount, line: 11, in: claims)
        #expect(tests.claimed == 58)
        #expect(tests.subject == "passing")
        #expect(try claim(.coverage, line: 12, in: claims).claimed == 86.3)
    }

    @Test func englishTaskMatrixRowsBelongToTheirTasks() throws {
        let grades = try claims("PHASE_07_SUMMARY.en.md").filter { $0.kind == .grade && (18...22).contains($0.source.line ?? 0) }
        #expect(grades.map(\.task) == ["LF-040", "LF-041", "LF-042", "LF-043", "LF-044"])
        #expect(grades.map(\.claimedValue) == ["A+", "A", "A", "B+", "A"])
    }

    @Test func englishAverageQualityIsNotTheMeanOfTheQualityColumn() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        let average = try claim(.average, line: 24, in: claims)
        #expect(average.subject == "Quality")
        #expect(average.claimed == 117.6)
        #expect(near(average.expected, 114.6))
        #expect(!claims.contains { $0.kind == .quality && $0.source.line == 24 })
        let coverage = try claim(.average, line: 25, in: claims)
        #expect(coverage.subject == "Coverage")
        #expect(coverage.claimed == 85.8)
        #expect(near(coverage.expected, 85.82))
    }

    @Test func englishNegativeMarginOverATarget() throws {
        let target = try claim(.target, line: 24, in: try claims("PHASE_07_SUMMARY.en.md"))
        #expect(target.claimed == -2.4)
        #expect(target.text == "exceeds the 120% target by -2.4%")
    }

    @Test func englishTotalRowAddsUpInTwoColumnsAndNotInTheThird() throws {
        let totals = try claims("PHASE_07_SUMMARY.en.md").filter { $0.kind == .total }
        #expect(totals.map(\.source.line) == [34, 34, 34])
        #expect(totals.map(\.subject) == ["Files", "LOC", "Tests"])
        #expect(totals.map(\.claimed) == [13, 2615, 45])
        #expect(totals.map(\.expected) == [13, 2515, 45])
    }

    @Test func englishRatiosOneConsistentOneNot() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        let good = try claim(.ratio, line: 38, in: claims)
        #expect(good.claimed == 95)
        #expect(good.denominator == 20)
        #expect(good.expected == 95)
        let bad = try claim(.ratio, line: 39, in: claims)
        #expect(bad.claimed == 92)
        #expect(bad.denominator == 8)
        #expect(bad.expected == 87.5)
        #expect(try claim(.testCount, line: 40, in: claims).task == "LF-043")
    }

    @Test func englishDeliverablesAndTheirLinesOfCode() throws {
        let claims = try claims("PHASE_07_SUMMARY.en.md")
        let deliverables = claims.filter { $0.kind == .deliverable }
        #expect(deliverables.map(\.subject) == [
            "services/exporter/metrics.go", "services/exporter/registry.go", "deploy/otel/collector.yaml",
            "docs/observability.md",
        ])
        #expect(deliverables.map(\.source.line) == [44, 45, 46, 47])
        let loc = claims.filter { $0.kind == .loc }
        #expect(loc.map(\.subject) == ["services/exporter/metrics.go", "services/exporter/registry.go"])
        #expect(loc.map(\.claimed) == [412, 288])
    }

    @Test func englishCommitTableGivesCommitReferencesWithTheirTasks() throws {
        let refs = try claims("PHASE_07_SUMMARY.en.md").filter { $0.kind == .commitRef }
        #expect(refs.map(\.claimedValue) == ["3fa91c2", "8b0d7e4", "c41e9a07"])
        #expect(refs.map(\.source.line) == [54, 55, 56])
        #expect(refs.map(\.task) == ["LF-040", "LF-041", "LF-042"])
    }

    // MARK: Russian phase report

    @Test func russianHeaderLinesAndSummary() throws {
        let claims = try claims("PHASE_07_SUMMARY.ru.md")
        #expect(claims.allSatisfy { $0.phase == "7" })
        #expect(try claim(.status, line: 4, in: claims).claimedValue == "done")
        #expect(try claim(.duration, line: 5, in: claims).claimed == 72)
        #expect(try claim(.grade, line: 6, in: claims).claimedValue == "A")
        let percent = try #require(claims.first { $0.kind == .completion && $0.source.line == 11 && $0.claimed == 96 })
        #expect(near(percent.expected, 94.44))
        #expect(try claim(.testCount, line: 11, in: claims).claimed == 58)
        #expect(try claim(.coverage, line: 12, in: claims).claimed == 86.3)
    }

    @Test func russianRowsNameTasksWithoutZeroPadding() throws {
        let grades = try claims("PHASE_07_SUMMARY.ru.md").filter { $0.kind == .grade && (18...22).contains($0.source.line ?? 0) }
        #expect(grades.map(\.task) == ["LF-040", "LF-041", "LF-042", "LF-043", "LF-044"])
    }

    @Test func russianAveragesWithDecimalCommas() throws {
        let claims = try claims("PHASE_07_SUMMARY.ru.md")
        let quality = try claim(.average, line: 24, in: claims)
        #expect(quality.subject == "Качество")
        #expect(quality.claimed == 117.6)
        #expect(quality.expected == 115)
        #expect(quality.text == "Средний уровень качества: 117,6 %")
        let coverage = try claim(.average, line: 25, in: claims)
        #expect(coverage.subject == "Покрытие")
        #expect(near(coverage.expected, 85.82))
        #expect(try claim(.target, line: 24, in: claims).claimed == -2.4)
    }

    @Test func russianTotalRowWithNoBreakSpaceGroups() throws {
        let totals = try claims("PHASE_07_SUMMARY.ru.md").filter { $0.kind == .total }
        #expect(totals.map(\.source.line) == [34, 34, 34])
        #expect(totals.map(\.subject) == ["Файлы", "Строк кода", "Тесты"])
        #expect(totals.map(\.claimed) == [14, 2515, 45])
        #expect(totals.map(\.expected) == [13, 2515, 45])
    }

    @Test func russianRatiosWithSlashAndIz() throws {
        let claims = try claims("PHASE_07_SUMMARY.ru.md")
        #expect(try claim(.ratio, line: 38, in: claims).expected == 95)
        let bad = try claim(.ratio, line: 39, in: claims)
        #expect(bad.claimed == 92)
        #expect(bad.expected == 87.5)
    }

    @Test func russianCreatedFilesHeadingCountsNineAboveTen() throws {
        let claims = try claims("PHASE_07_SUMMARY.ru.md")
        let count = try claim(.fileCount, line: 41, in: claims)
        #expect(count.claimed == 9)
        #expect(count.expected == 10)
        let deliverables = claims.filter { $0.kind == .deliverable }
        #expect(deliverables.count == 10)
        #expect(deliverables.map(\.source.line) == Array(43...52))
        #expect(claims.filter { $0.kind == .loc }.map(\.claimed) == [412, 288])
    }

    @Test func russianCommitTable() throws {
        let refs = try claims("PHASE_07_SUMMARY.ru.md").filter { $0.kind == .commitRef }
        #expect(refs.map(\.claimedValue) == ["3fa91c2", "8b0d7e4"])
        #expect(refs.map(\.source.line) == [58, 59])
    }

    // MARK: Task report

    @Test func taskReportBelongsToTheTaskItsTitleNames() throws {
        let claims = try claims("LF-041_COMPLETION_REPORT.md")
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { $0.task == "LF-041" && $0.phase == "7" })
    }

    @Test func taskReportHeaderGivesDateDurationGradeAndQuality() throws {
        let claims = try claims("LF-041_COMPLETION_REPORT.md")
        #expect(try claim(.date, line: 3, in: claims).claimedValue == "2025-10-12")
        #expect(try claim(.duration, line: 4, in: claims).claimed == 14)
        #expect(try claim(.grade, line: 5, in: claims).claimedValue == "A")
        #expect(try claim(.quality, line: 5, in: claims).claimed == 118)
        #expect(try claim(.testCount, line: 10, in: claims).claimed == 14)
        #expect(try claim(.coverage, line: 11, in: claims).claimed == 88)
    }

    /// `Files Created (14 total)` stands over four sub-headings (`Code`, `Manifests`, …) that name
    /// no path: a section with sub-headings lists them, so the fourteen are compared with nothing;
    /// each sub-heading's own count is compared with the files under it.
    @Test func filesCreatedHeadingOverSubHeadingsIsNotComparedButEachSubHeadingIs() throws {
        let claims = try claims("LF-041_COMPLETION_REPORT.md")
        let count = try claim(.fileCount, line: 13, in: claims)
        #expect(count.claimed == 14)
        #expect(count.expected == nil)
        for line in [15, 28, 35] { #expect(try claim(.fileCount, line: line, in: claims).expected == 4) }
        #expect(try claim(.fileCount, line: 22, in: claims).expected == 3)
        // `Tests (4 files)` is a count of files, not of tests.
        #expect(!claims.contains { $0.kind == .testCount && $0.source.line == 28 })
    }

    @Test func sectionLinesOfCodeTotalsAgainstTheFilesListed() throws {
        let claims = try claims("LF-041_COMPLETION_REPORT.md")
        let code = try claim(.loc, line: 15, in: claims)
        #expect(code.subject == nil)
        #expect(code.claimed == 1120)
        #expect(code.expected == 1056)
        let manifests = try claim(.loc, line: 22, in: claims)
        #expect(manifests.claimed == 301)
        #expect(manifests.expected == 301)
        let perFile = claims.filter { $0.kind == .loc && $0.subject != nil }
        #expect(perFile.map(\.claimed) == [310, 402, 148, 196, 164, 88, 49])
    }

    @Test func taskReportDeliverablesIncludeBareFileNames() throws {
        let deliverables = try claims("LF-041_COMPLETION_REPORT.md").filter { $0.kind == .deliverable }
        #expect(deliverables.count == 15)
        #expect(deliverables.suffix(4).map(\.subject) == ["requirements.md", "design.md", "tasks.md", "docs/runbooks/shipper.md"])
    }

    @Test func testTableTotalAddsUpInEveryColumn() throws {
        let totals = try claims("LF-041_COMPLETION_REPORT.md").filter { $0.kind == .total }
        #expect(totals.map(\.subject) == ["Tests", "Passed", "Duration"])
        #expect(totals.map(\.source.line) == [49, 49, 49])
        #expect(totals.allSatisfy { near($0.expected, $0.claimed ?? -1) })
    }

    @Test func taskReportRatioIsWithinRoundingOfItsPercentage() throws {
        let ratio = try claim(.ratio, line: 51, in: try claims("LF-041_COMPLETION_REPORT.md"))
        #expect(ratio.claimed == 92)
        #expect(near(ratio.expected, 91.67))
    }
}
