import PhaseModel
import Testing
@testable import Score

struct TestRulesTests {
    func failure(_ name: String, line: Int, tasks: [String]) -> TestFailure {
        TestFailure(status: .failed, suite: "cart", name: name, message: "boom", source: .file("build/junit.xml", line: line), tasks: tasks)
    }

    func workspace(tests: TestEvidence?, failures: [TestFailure] = [], unlinked: TestCounts = TestCounts()) -> Workspace {
        var task = RulesFixture.task("TN-099", checked: false)
        task.tests = tests
        var workspace = RulesFixture.workspace([RulesFixture.task("TN-001", line: 2), task])
        workspace.testFailures = failures
        workspace.tests = WorkspaceTests(TestCounts(passed: 1) + unlinked, defined: nil, unlinked: unlinked, files: 1)
        return workspace
    }

    @Test func failingTestsOfATaskAreCriticalWithCountsNamesAndTheFirstFailure() throws {
        let failures = [
            failure("TestOther", line: 3, tasks: ["TN-001"]),
            failure("TestA", line: 7, tasks: ["TN-001", "TN-099"]),
            failure("TestB", line: 9, tasks: ["TN-099"]),
            failure("TestC", line: 11, tasks: ["TN-099"]),
            failure("TestD", line: 13, tasks: ["TN-099"]),
        ]
        let found = RulesFixture.findings(
            workspace(tests: TestEvidence(passed: 8, failed: 3, errored: 1, defined: 12), failures: failures), rule: .testsFailing)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .critical)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == "build/junit.xml")
        #expect(finding.line == 7)
        #expect(finding.message.en == "Tests of TN-099 do not pass: 3 failed, 1 errored of 12 run. Failing: TestA, TestB, TestC and 1 more.")
        #expect(finding.message.ru == "Тесты задачи TN-099 не проходят: упало — 3, с ошибкой — 1, всего запущено — 12. Не прошли: TestA, TestB, TestC и ещё 1.")
    }

    @Test func anErroredTestAloneIsEnough() {
        let found = RulesFixture.findings(workspace(tests: TestEvidence(passed: 2, errored: 1, defined: nil)), rule: .testsFailing)
        #expect(found.count == 1)
        #expect(found.first?.file == nil)
        #expect(found.first?.message.en == "Tests of TN-099 do not pass: 0 failed, 1 errored of 3 run.")
    }

    @Test func passingAndSkippedTestsRaiseNothing() {
        let found = RulesFixture.findings(workspace(tests: TestEvidence(passed: 4, skipped: 2, defined: 6)), rule: .testsFailing)
        #expect(found.isEmpty)
    }

    @Test func failuresLinkedToNoTaskGiveOneFindingWithoutTask() throws {
        let failures = [failure("TestLoose", line: 21, tasks: []), failure("TestB", line: 9, tasks: ["TN-099"])]
        let found = RulesFixture.findings(
            workspace(tests: nil, failures: failures, unlinked: TestCounts(passed: 5, failed: 1)), rule: .testsFailing)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.task == nil)
        #expect(finding.phase == nil)
        #expect(finding.line == 21)
        #expect(finding.message.en == "Tests linked to no task do not pass: 1 failed, 0 errored of 6 run. Failing: TestLoose.")
        #expect(finding.message.ru.hasPrefix("Тесты, не связанные ни с одной задачей, не проходят: упало — 1"))
    }

    @Test func definedTestsWithoutResultsAreMajor() throws {
        let found = RulesFixture.findings(workspace(tests: TestEvidence(defined: 9)), rule: .testsNotRun)
        let finding = try #require(found.first)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.message.en == "The test files of TN-099 define 9 tests, but no result file shows any of them run.")
        #expect(finding.message.ru == "В тестовых файлах задачи TN-099 определено тестов: 9, но ни один файл результатов не показывает их запуска.")
        #expect(RulesFixture.findings(workspace(tests: TestEvidence(defined: 9)), rule: .testsFailing).isEmpty)
    }

    @Test func zeroDefinedTestsOrAnyExecutedResultIsNotTestsNotRun() {
        #expect(RulesFixture.findings(workspace(tests: TestEvidence(defined: 0)), rule: .testsNotRun).isEmpty)
        #expect(RulesFixture.findings(workspace(tests: TestEvidence(defined: nil)), rule: .testsNotRun).isEmpty)
        #expect(RulesFixture.findings(workspace(tests: TestEvidence(skipped: 1, defined: 9)), rule: .testsNotRun).isEmpty)
        #expect(RulesFixture.findings(workspace(tests: nil), rule: .testsNotRun).isEmpty)
    }
}
