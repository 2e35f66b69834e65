import PhaseModel
import Testing
@testable import Score

@Suite struct GateEvaluatorTests {
    func phase(done: Double, total: Int, tests: TestEvidence?, critical: Int = 0, major: Int = 0) -> Phase {
        var phase = Phase(id: "1", name: "Foundation", source: .file("tasks/TASKS.md", line: 3), tasks: ["PC-001"])
        phase.completion = Completion(done: done, total: total)
        phase.tests = tests
        phase.findings = FindingCounts(critical: critical, major: major)
        return phase
    }

    @Test func defaultGatePassesACompletePhaseWithGreenTests() {
        let gate = GateEvaluator(gate: .init()).evaluate(phase(done: 2, total: 2, tests: TestEvidence(passed: 5, skipped: 1, defined: 6)))
        #expect(gate.passed)
        #expect(gate.conditions.map(\.id) == [.maxCritical, .minCompletion, .minTestPassRate])
        #expect(gate.conditions.map(\.actual) == [0, 100, 100])
    }

    @Test func eachFailingConditionIsListedWithItsActualValue() {
        let gate = GateEvaluator(gate: .init()).evaluate(
            phase(done: 10.5, total: 11, tests: TestEvidence(passed: 38, failed: 1, defined: 39), critical: 1))
        #expect(!gate.passed)
        #expect(gate.conditions.filter { !$0.passed }.map(\.id) == [.maxCritical, .minCompletion, .minTestPassRate])
        let completion = try! #require(gate.conditions.first { $0.id == .minCompletion }?.actual)
        #expect(abs(completion - 95.4545) < 0.001)
        let rate = try! #require(gate.conditions.first { $0.id == .minTestPassRate }?.actual)
        #expect(abs(rate - 97.4359) < 0.001)
    }

    @Test func conditionWithoutEvidenceFails() {
        let gate = GateEvaluator(gate: .init()).evaluate(phase(done: 1, total: 1, tests: nil))
        let rate = try! #require(gate.conditions.first { $0.id == .minTestPassRate })
        #expect(rate.actual == nil)
        #expect(!rate.passed)
        #expect(!gate.passed)
    }

    @Test func switchedOffConditionsAreNotListed() {
        var settings = Configuration.Gate()
        settings.minTestPassRate = nil
        settings.maxMajor = 0
        let gate = GateEvaluator(gate: settings).evaluate(phase(done: 1, total: 1, tests: nil, major: 1))
        #expect(gate.conditions.map(\.id) == [.maxCritical, .maxMajor, .minCompletion])
        #expect(gate.conditions.map(\.passed) == [true, false, true])
    }

    @Test func thirdsThatAddUpToTheWholeReachOneHundred() {
        // 1/3 + 1/3 + 1/3 is 0.9999999999999999 in floating point.
        let gate = GateEvaluator(gate: .init()).evaluate(
            phase(done: 1.0 / 3 + 1.0 / 3 + 1.0 / 3, total: 1, tests: TestEvidence(passed: 1, defined: 1)))
        #expect(gate.passed)
    }
}
