import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierTestCountTests {
    typealias F = ClaimFixtures

    func passing(_ count: Double, of total: Double? = nil, task: String? = "TN-201", phase: String? = nil) -> Claim {
        let text = total.map { "\(Int(count))/\(Int($0)) tests passing" } ?? "\(Int(count)) tests passing"
        return F.claim(.testCount, text, task: task, phase: phase, subject: "passing", claimed: count, denominator: total)
    }

    func workspace(_ tests: TestEvidence?) -> Workspace {
        F.workspace(tasks: [F.task(tests: tests)])
    }

    @Test func passingTestsMatchingTheResultsAreVerified() {
        let judged = F.judged(passing(39, of: 39), in: workspace(TestEvidence(passed: 39, defined: 39)))
        #expect(judged.verdict == .verified)
        #expect(judged.verified == 39)
        #expect(judged.note?.en == "39 of 39 executed tests passed in results linked to TN-201")
        #expect(judged.note?.ru == "в результатах, связанных с задачей TN-201, прошли 39 из 39 выполненных тестов")
    }

    @Test func oneFailedTestContradictsAllPassing() {
        let judged = F.judged(passing(39, of: 39), in: workspace(TestEvidence(passed: 38, failed: 1, defined: 39)))
        #expect(judged.verdict == .contradicted)
        #expect(judged.verified == 38)
        #expect(judged.discrepancy == -1)
        #expect(judged.note?.en == "38 of 39 executed tests passed in results linked to TN-201")
    }

    /// "38/38" where 39 ran speaks of another run of 38: the results neither confirm nor refute it.
    @Test func aRunOfAnotherSizeIsUnverifiableEvenWhenThePassedCountIsRight() {
        let judged = F.judged(passing(38, of: 38), in: workspace(TestEvidence(passed: 38, failed: 1, defined: nil)))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.discrepancy == nil)
    }

    /// "38/40" where 39 ran speaks of a run of 40: another run, or more of the suite than the
    /// results hold, so it is not compared with them.
    @Test func aRunLargerThanTheTestsExecutedIsUnverifiable() {
        let judged = F.judged(passing(38, of: 40), in: workspace(TestEvidence(passed: 38, failed: 1, defined: nil)))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.verified == nil)
        #expect(judged.discrepancy == nil)
        #expect(
            judged.note?.en
                == "the claim speaks of a run of 40 tests, but 39 were executed in results linked to TN-201: another run or another part of the suite")
        #expect(
            judged.note?.ru
                == "утверждение говорит о запуске 40 тестов, а в результатах, связанных с задачей TN-201, выполнено 39: это другой запуск или другая часть набора")
    }

    @Test func skippedTestsCountAsExecutedButNotAsPassed() {
        let evidence = TestEvidence(passed: 9, skipped: 1, defined: 10)
        #expect(F.judged(passing(9, of: 10), in: workspace(evidence)).verdict == .verified)
        #expect(F.judged(passing(10, of: 10), in: workspace(evidence)).verdict == .contradicted)
    }

    @Test func theCountToleranceAppliesAtItsBoundary() {
        let loose = F.configuration { $0.countTolerance = 1 }
        // 39 of 41 passed: a claim of 38 or 40 passing is within one of 39.
        let evidence = workspace(TestEvidence(passed: 39, failed: 2, defined: nil))
        #expect(F.judged(passing(38), in: evidence, configuration: loose).verdict == .verified)
        #expect(F.judged(passing(40), in: evidence, configuration: loose).verdict == .verified)
        // A passed count without its run that is not the tests that passed may be of a part.
        #expect(F.judged(passing(37), in: evidence, configuration: loose).verdict == .unverifiable)
        #expect(F.judged(passing(38), in: evidence).verdict == .unverifiable)
        // With its run, the same counts are contradicted.
        #expect(F.judged(passing(37, of: 41), in: evidence, configuration: loose).verdict == .contradicted)
        #expect(F.judged(passing(38, of: 41), in: evidence).verdict == .contradicted)
    }

    /// The run size is held to the same tolerance: one test over the run is still that run.
    @Test func theCountToleranceAlsoBoundsTheRunSize() {
        let loose = F.configuration { $0.countTolerance = 1 }
        let evidence = workspace(TestEvidence(passed: 39, defined: nil))
        #expect(F.judged(passing(40), in: evidence, configuration: loose).verdict == .verified)
        #expect(F.judged(passing(41), in: evidence, configuration: loose).verdict == .unverifiable)
        #expect(F.judged(passing(40), in: evidence).verdict == .unverifiable)
    }

    @Test func aCountMatchingTheExecutedTestsIsVerified() {
        let claim = F.claim(.testCount, "36 tests", subject: "count", claimed: 36)
        let judged = F.judged(claim, in: workspace(TestEvidence(passed: 30, failed: 6, defined: 40)))
        #expect(judged.verdict == .verified)
        #expect(judged.verified == 36)
        #expect(judged.note?.en == "36 tests were executed in results linked to TN-201 and 40 are defined in its test files")
        #expect(judged.note?.ru == "в результатах, связанных с задачей TN-201, выполнено тестов: 36; определено в файлах тестов: 40")
    }

    @Test func aCountMatchingTheDefinedTestsIsVerified() {
        let claim = F.claim(.testCount, "40 tests", subject: "count", claimed: 40)
        let judged = F.judged(claim, in: workspace(TestEvidence(passed: 36, defined: 40)))
        #expect(judged.verdict == .verified)
        #expect(judged.verified == 40)
    }

    /// "50 tests" may count a part, subtests or a run not committed: matching neither the tests
    /// executed nor those defined, it is not contradicted.
    @Test func aCountMatchingNeitherIsUnverifiable() {
        let claim = F.claim(.testCount, "50 tests", subject: "count", claimed: 50)
        let judged = F.judged(claim, in: workspace(TestEvidence(passed: 36, defined: 40)))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.verified == nil)
        #expect(judged.discrepancy == nil)
        #expect(
            judged.note?.en
                == "36 tests were executed in results linked to TN-201 and 40 are defined in its test files; the count matches neither, and may be of a part of them, include subtests, or come from a run not committed")
        #expect(judged.note?.ru.hasSuffix("счёт не совпадает ни с одним из чисел и может относиться к части тестов, включать подтесты или другой, не сохранённый запуск") == true)
    }

    @Test func testsDefinedButNeverRunAreUnverifiable() {
        let judged = F.judged(passing(9, of: 9), in: workspace(TestEvidence(defined: 9)))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.verified == nil)
        #expect(judged.note?.en == "9 tests are defined for TN-201 but no result file shows any of them run")
        #expect(judged.note?.ru == "для задачи TN-201 определено тестов: 9, но ни один файл результатов не показывает их запуска")
    }

    @Test func passingTestsWithNoResultsAndNoTestsAreContradicted() {
        let judged = F.judged(passing(9, of: 9), in: workspace(nil))
        #expect(judged.verdict == .contradicted)
        #expect(judged.verified == 0)
        #expect(judged.discrepancy == -9)
        #expect(judged.note?.en == "no test result and no test definition was found for TN-201")
        #expect(judged.note?.ru == "для задачи TN-201 не найдено ни результатов тестов, ни определений тестов")
    }

    @Test func zeroDefinedTestsCountAsNone() {
        #expect(F.judged(passing(9, of: 9), in: workspace(TestEvidence(defined: 0))).verdict == .contradicted)
    }

    @Test func aPhaseClaimUsesThePhasesResults() {
        var phase = F.phase(tasks: ["TN-201"])
        phase.tests = TestEvidence(passed: 11, failed: 1, defined: 12)
        let judged = F.judged(
            passing(11, of: 12, task: nil, phase: "13"), in: F.workspace(tasks: [F.task()], phases: [phase]))
        #expect(judged.verdict == .verified)
        #expect(judged.note?.en == "11 of 12 executed tests passed in results linked to phase 13")
        #expect(judged.note?.ru == "в результатах, связанных с фазой 13, прошли 11 из 12 выполненных тестов")
    }

    @Test func aClaimWithNeitherTaskNorPhaseUsesTheWholeWorkspace() {
        let tests = WorkspaceTests(TestCounts(passed: 11, failed: 1), defined: 14, unlinked: TestCounts(), files: 2)
        let judged = F.judged(passing(12, of: 12, task: nil), in: F.workspace(tests: tests))
        #expect(judged.verdict == .contradicted)
        #expect(judged.verified == 11)
        #expect(judged.note?.en == "11 of 12 executed tests passed in all results of the repository")
        #expect(judged.note?.ru == "во всех результатах репозитория прошли 11 из 12 выполненных тестов")
    }

    @Test func aClaimWithoutAFigureIsUnverifiable() {
        let claim = F.claim(.testCount, "all tests passing", subject: "passing")
        let judged = F.judged(claim, in: workspace(TestEvidence(passed: 3, defined: 3)))
        #expect(judged.verdict == .unverifiable)
    }
}
