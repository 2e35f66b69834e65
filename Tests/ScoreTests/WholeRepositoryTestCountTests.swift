import PhaseModel
import Testing
@testable import Score

/// A report of no task or phase speaks of the whole repository only as far as its figure can:
/// "10/10 passing" where 38 tests ran may be about one module, and "220/220" speaks of a run of
/// 220 tests that the 38 results are not: another run, or more of the suite than was committed.
struct WholeRepositoryTestCountTests {
    typealias F = ClaimFixtures

    private func judged(_ claimed: Double, of total: Double) -> Claim {
        let tests = WorkspaceTests(TestCounts(passed: 29, failed: 9), defined: 495, unlinked: TestCounts(), files: 2)
        let claim = F.claim(.testCount, "\(Int(claimed))/\(Int(total)) passing", task: nil, subject: "passing", claimed: claimed, denominator: total)
        return F.judged(claim, in: F.workspace(tests: tests))
    }

    @Test func aCountBelowTheRepositorysIsUnverifiable() {
        let claim = judged(10, of: 10)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("may be about a part of them") == true)
    }

    @Test func aCountBeyondTheRepositorysIsUnverifiable() {
        let claim = judged(220, of: 220)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.verified == nil)
        #expect(claim.note?.en.hasSuffix("another run or another part of the suite") == true)
    }

    @Test func aCountOfTheRepositorysRunIsCompared() {
        #expect(judged(38, of: 38).verdict == .contradicted)
        #expect(judged(29, of: 38).verdict == .verified)
    }
}
