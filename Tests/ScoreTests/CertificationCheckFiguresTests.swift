import PhaseModel
import Testing
@testable import Score

/// `CertificationCheck.FigureChange`: the phase and task figures that differ, as text.
struct CertificationCheckFiguresTests {
    typealias Figure = CertificationCheck.FigureChange

    func phase(_ configure: (inout Phase) -> Void) -> Phase {
        var phase = Phase(id: "1", name: "Core", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-001"])
        configure(&phase)
        return phase
    }

    @Test func numbersShowTheDecimalsThatTellThemApart() {
        #expect(Figure.numbers(91.2, 95.45) == ("91.2", "95.4"))
        #expect(Figure.numbers(91.234, 91.236) == ("91.234", "91.236"))
        #expect(Figure.numbers(91.2341, 91.2344) == ("91.2341", "91.2344"))
        #expect(Figure.numbers(nil, 100) == (nil, "100"))
        #expect(Figure.numbers(1.0000001, 1.0000002) == ("1", "1"))
        #expect(Figure.decimal(-0.01, digits: 1) == "0")
    }

    @Test func equalPhasesHaveNoFigureChange() {
        let same = phase { $0.completion = Completion(done: 1, total: 2); $0.grade = "B" }
        #expect(Figure.phase(same, same).isEmpty)
    }

    @Test func aGateConditionOnOneSideOnlyIsShownAgainstNothing() {
        let coverage = GateCondition(id: .minCoverage, comparison: ">=", threshold: 80, actual: nil, passed: false)
        let critical = GateCondition(id: .maxCritical, comparison: "<=", threshold: 0, actual: 1, passed: false)
        let before = phase { $0.gate = Gate(conditions: [critical, coverage]) }
        let after = phase { $0.gate = Gate(conditions: [critical]) }
        // Both gates failed, so the verdict is not listed; the condition that went away is.
        #expect(Figure.phase(before, after) == [Figure(figure: "gate minCoverage", before: "no evidence (fails ≥ 80)", after: nil)])
    }

    @Test func aPhaseWithoutTasksHasNoPercent() {
        let before = phase { $0.completion = Completion(done: 0, total: 0) }
        let after = phase { $0.completion = Completion(done: 1, total: 1) }
        #expect(Figure.phase(before, after) == [Figure(figure: "completion", before: "no tasks (0/0)", after: "100% (1/1)")])
    }

    @Test func taskFiguresNameOnlyTheCountsThatAreNotZero() {
        var before = TaskRecord(id: "TN-001")
        before.tests = TestEvidence(passed: 3, defined: nil)
        before.git = GitSummary(commits: 1, linesAdded: 10, linesDeleted: 2, first: nil, last: nil)
        var after = before
        after.tests = TestEvidence(passed: 2, failed: 1, errored: 1, skipped: 1, defined: 6)
        after.git = nil
        #expect(Figure.task(before, after) == [
            Figure(figure: "tests", before: "3/3 passed", after: "2/5 passed, 1 failed, 1 errored, 1 skipped, 6 defined"),
            Figure(figure: "commits", before: "1", after: nil),
            Figure(figure: "lines", before: "+10/−2", after: nil),
        ])
    }
}
