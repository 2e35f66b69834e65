import PhaseModel
import Testing
import TextSupport
@testable import Render

/// The Markdown summary of the phases closed, for `$GITHUB_STEP_SUMMARY`.
struct StepSummaryTests {
    static let certification = "13-20251130-67PCT-D-0a1b2c3d"

    /// The audit fixture's phase 13 with a name no Markdown may read as markup, scored, with a
    /// failing gate, and a second phase that passes.
    static func input(comparison: Bool = true) -> ReportInput {
        var input = AuditFixture.input()
        var phase = input.workspace.phases[0]
        phase.name = "Packaging | <script>x</script> *now*"
        phase.completion = Completion(done: 4.67, total: 7)
        phase.quality = 61.25
        phase.grade = "D"
        phase.gate = Gate(conditions: [
            GateCondition(id: .maxCritical, comparison: "<=", threshold: 0, actual: 1, passed: false),
            GateCondition(id: .minCompletion, comparison: ">=", threshold: 95, actual: 66.71, passed: false),
            GateCondition(id: .minCoverage, comparison: ">=", threshold: 80, actual: nil, passed: false),
            GateCondition(id: .minQuality, comparison: ">=", threshold: 60, actual: 61.25, passed: true),
        ])
        var other = Phase(id: "14.6", name: "Rollout", source: .file("tasks/TASKS.md", line: 20), tasks: [])
        other.gate = Gate(conditions: [GateCondition(id: .maxMajor, comparison: "<=", threshold: 2, actual: 0, passed: true)])
        other.certification = Certification(id: "14.6-20251201-100PCT-A-00000000", date: "2025-12-01", digest: String(repeating: "1", count: 64))
        input.workspace.phases = [phase, other]
        if comparison {
            let findings = input.workspace.findings
            input.comparisons["13"] = PhaseComparison(
                previousCertification: "13-20251101-50PCT-F-ffffffff", previousPath: "reports/.history/phase-13/x.json",
                completion: nil, quality: nil, grade: nil, testsPassed: nil, testsExecuted: nil,
                findings: .init(before: 4, after: 4), resolved: [findings[0]], introduced: [findings[1], findings[2]], unchanged: 2)
        }
        return input
    }

    static func lines(_ markdown: String) -> [String] { markdown.components(separatedBy: "\n") }

    @Test func englishSummaryShowsTheStatusGateChangeAndReportPaths() throws {
        let markdown = try StepSummary.markdown(input: Self.input(), phases: ["13"], locale: .en, reportsFolder: "reports")
        let lines = Self.lines(markdown)
        #expect(lines.first == "## Phase 13 — Packaging \\| \\<script\\>x\\</script\\> \\*now\\*")
        #expect(markdown.contains("""
            | Gate | **failed** |
            | Certification id | \(Self.certification) |
            | Completion | 4\\.67/7 tasks done \\(66.7%\\) |
            | Quality | 61\\.2 |
            | Grade | D |
            | Findings | 1 critical, 1 major, 2 minor, 0 info |
            | Since snapshot 13-20251101-50PCT-F-ffffffff | 1 finding resolved, 2 findings new, 2 findings unchanged |
            """))
        #expect(markdown.contains("""
            | Gate condition | Required | Actual | Result |
            |---|---|---|---|
            | Open critical findings | \\<= 0 | 1 | failed |
            | Completion | \\>= 95% | 66\\.7% | failed |
            | Line coverage | \\>= 80% | no evidence | failed |
            | Quality | \\>= 60 | 61\\.2 | passed |
            """))
        #expect(lines.contains("- Completion report: reports/phase-13/completion.en.md"))
        #expect(lines.contains("- Audit report: reports/phase-13/audit.en.md"))
        #expect(lines.contains("- Findings (SARIF): reports/phase-13/findings.sarif"))
        #expect(!markdown.contains("<script>") && !markdown.contains("⟦"))
    }

    @Test func russianSummaryUsesTheRussianCatalogAndNumbers() throws {
        let markdown = try StepSummary.markdown(input: Self.input(), phases: ["13"], locale: .ru, reportsFolder: "reports/")
        #expect(markdown.contains("| Критерии приёмки | **не пройден** |"))
        #expect(markdown.contains("| Завершённость | выполнено задач\\: 4,67/7 \\(66,7\u{A0}%\\) |"))
        #expect(markdown.contains("| Открытые критичные замечания | \\<= 0 | 1 | не пройден |"))
        #expect(markdown.contains("устранено: 1 замечание; новых: 2 замечания; без изменений: 2 замечания |"))
        #expect(Self.lines(markdown).contains("- Отчёт о завершении: reports/phase-13/completion.ru.md"))
        #expect(!markdown.contains("⟦"))
    }

    @Test func everyPhaseGetsItsSectionInTheOrderAsked() throws {
        let markdown = try StepSummary.markdown(input: Self.input(), phases: ["14.6", "13"], locale: .en, reportsFolder: "out")
        let headings = Self.lines(markdown).filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Phase 14.6 — Rollout", "## Phase 13 — Packaging \\| \\<script\\>x\\</script\\> \\*now\\*"])
        #expect(markdown.contains("The phase meets every condition of its gate."))
        #expect(markdown.contains("**The phase does not meet its gate:** it is not certified as complete."))
        #expect(markdown.contains("- Findings (SARIF): out/phase-14.6/findings.sarif"))
    }

    @Test func withoutAnEarlierSnapshotThereIsNoChangeRow() throws {
        let markdown = try StepSummary.markdown(input: Self.input(comparison: false), phases: ["13"], locale: .en, reportsFolder: "reports")
        #expect(!markdown.contains("Since snapshot"))
        #expect(markdown.contains("| Findings | 1 critical, 1 major, 2 minor, 0 info |\n\n| Gate condition |"))
    }

    @Test func aPhaseWithoutGateConditionsSaysSo() throws {
        var input = Self.input()
        input.workspace.phases[1].gate = Gate(conditions: [])
        let markdown = try StepSummary.markdown(input: input, phases: ["14.6"], locale: .en, reportsFolder: "reports")
        #expect(markdown.contains("The gate has no condition switched on."))
        #expect(!markdown.contains("| Gate condition |"))
    }

    @Test func anUnknownPhaseIsAnError() {
        #expect(throws: UnknownSubjectError.self) {
            try StepSummary.markdown(input: Self.input(), phases: ["99"], locale: .en, reportsFolder: "reports")
        }
    }

    @Test func theSummaryRendersAsMarkdownWithoutRawHTML() throws {
        let markdown = try StepSummary.markdown(input: Self.input(), phases: ["13", "14.6"], locale: .en, reportsFolder: "reports")
        let html = MarkdownHTML.render(markdown)
        #expect(!html.contains("<script>"))
        #expect(html.components(separatedBy: "<table>").count == 5)
    }
}
