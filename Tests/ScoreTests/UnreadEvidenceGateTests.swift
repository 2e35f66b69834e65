import PhaseModel
import Scan
import Testing
@testable import Score

/// Unread evidence holds the conditions that depend on it, and an unread task folder never raises completion.
@Suite struct UnreadEvidenceGateTests {
    func phase(coverage: Double? = nil) -> Phase {
        var phase = Phase(id: "1", name: "One", source: .file("tasks/TASKS.md", line: 3), tasks: ["PC-001"])
        phase.completion = Completion(done: 1, total: 1)
        phase.tests = TestEvidence(passed: 5, defined: 5)
        phase.coverage = coverage.map { CoverageSummary(linesFound: 100, linesHit: Int($0), files: 1) }
        phase.findings = FindingCounts()
        return phase
    }

    @Test func testAndCoverageConditionsAreHeldOthersAreNot() {
        var gate = Configuration.Gate()
        gate.minCoverage = 50
        let verdict = GateEvaluator(gate: gate).evaluate(phase(coverage: 90), unreadEvidence: 2)
        #expect(!verdict.passed)
        let held = verdict.conditions.filter { $0.unreadEvidence != nil }
        #expect(held.map(\.id) == [.minTestPassRate, .minCoverage])
        #expect(held.map(\.passed) == [false, false])
        #expect(held.map(\.unreadEvidence) == [2, 2])
        #expect(verdict.conditions.filter { $0.unreadEvidence == nil }.map(\.passed) == [true, true])
    }

    @Test func noUnreadEvidenceOrTheSwitchOffHoldsNothing() {
        #expect(GateEvaluator(gate: .init()).evaluate(phase(), unreadEvidence: 0).passed)
        var gate = Configuration.Gate()
        gate.failOnUnreadEvidence = false
        let verdict = GateEvaluator(gate: gate).evaluate(phase(), unreadEvidence: 3)
        #expect(verdict.passed)
        #expect(verdict.conditions.compactMap(\.unreadEvidence).isEmpty)
    }

    @Test func unreadFilesAreCountedOncePerFile() {
        let findings = [
            Finding(rule: .evidenceMalformed, severity: .major, at: .file("a.xml", line: 3), message: LocalizedText(en: "", ru: "")),
            Finding(rule: .evidenceMalformed, severity: .major, at: .file("a.xml", line: 9), message: LocalizedText(en: "", ru: "")),
            Finding(rule: .evidenceDuplicate, severity: .major, at: .file("b.xml", line: nil), message: LocalizedText(en: "", ru: "")),
            Finding(rule: .evidenceFigureUnreadable, severity: .minor, at: .file("c.xml", line: 2), message: LocalizedText(en: "", ru: "")),
        ]
        #expect(FindingRule.unreadEvidenceFiles(in: findings) == 2)
    }

    @Test func anUnreadTaskFolderLeavesCompletionUnknown() {
        var task = TaskRecord(id: "PC-001", checked: true)
        #expect(TaskCompletion.of(task) == 1)
        task.unread = ["tasks/PC-001-first"]
        #expect(TaskCompletion.of(task) == nil, "the master-list box alone would raise the figure")
        task.checklist = ChecklistParser.parse("- [x] a\n- [ ] b\n", file: "tasks/PC-001-first/tasks.md")
        #expect(TaskCompletion.of(task) == 0.5, "a checklist that was read still counts")
    }
}
