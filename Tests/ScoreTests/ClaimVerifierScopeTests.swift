import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierScopeTests {
    typealias F = ClaimFixtures

    @Test func aTaskWinsOverItsPhase() {
        let claim = F.claim(.coverage, "90%", task: "TN-201", phase: "13", claimed: 90)
        let scope = ClaimScopeEvidence(for: claim, in: F.workspace(tasks: [F.task()], phases: [F.phase(tasks: ["TN-201"])]))
        #expect(scope.scope == .task("TN-201"))
        #expect(scope.exists)
        #expect(scope.name == LocalizedText(en: "TN-201", ru: "задачи TN-201"))
    }

    @Test func aPhaseWithoutTaskIsThePhase() {
        let claim = F.claim(.coverage, "90%", task: nil, phase: "13", claimed: 90)
        let scope = ClaimScopeEvidence(for: claim, in: F.workspace(phases: [F.phase(tasks: [], done: 0)]))
        #expect(scope.scope == .phase("13"))
        #expect(scope.name == LocalizedText(en: "phase 13", ru: "фазы 13"))
        #expect(scope.completion == nil)
        // No task to count: "3/3 tasks" about it is unverifiable, never contradicted by "0 of 0".
        #expect(scope.progress == nil)
    }

    @Test func neitherIsTheWorkspace() {
        let tests = WorkspaceTests(TestCounts(passed: 2, failed: 1, skipped: 1), defined: 5, unlinked: TestCounts(), files: 1)
        let scope = ClaimScopeEvidence(for: F.claim(.testCount, "3 tests", task: nil), in: F.workspace(tests: tests))
        #expect(scope.scope == .workspace)
        #expect(scope.tests == TestEvidence(passed: 2, failed: 1, skipped: 1, defined: 5))
        #expect(scope.completion == nil)
        #expect(scope.progress == nil)
    }

    @Test func aTaskMissingFromTheWorkspaceIsMarkedSo() {
        let scope = ClaimScopeEvidence(for: F.claim(.coverage, "90%", task: "TN-999"), in: F.workspace())
        #expect(!scope.exists)
        #expect(scope.tests == nil)
    }

    @Test func aTaskChecklistGivesItsProgressAndAnEmptyOneGivesNone() {
        let counted = ClaimScopeEvidence(
            for: F.claim(.completion, "1/2"), in: F.workspace(tasks: [F.task(checklist: F.checklist(1, of: 2))]))
        #expect(counted.progress == ClaimScopeEvidence.Progress(done: 1, total: 2))
        let empty = ClaimScopeEvidence(
            for: F.claim(.completion, "1/2"), in: F.workspace(tasks: [F.task(checklist: F.checklist(0, of: 0))]))
        #expect(empty.progress == nil)
    }

    @Test func aPhaseSpanSkipsTasksWithoutHistory() {
        let workspace = F.workspace(
            tasks: [F.task("TN-201", first: "2025-11-02", last: "2025-11-05"), F.task("TN-202")],
            phases: [F.phase(tasks: ["TN-201", "TN-202"])])
        let scope = ClaimScopeEvidence(for: F.claim(.date, "x", task: nil, phase: "13"), in: workspace)
        #expect(scope.firstCommit == "2025-11-02")
        #expect(scope.lastCommit == "2025-11-05")
    }
}
