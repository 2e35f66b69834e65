import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierCoverageTests {
    typealias F = ClaimFixtures

    func judged(_ claimed: Double, hit: Int, of found: Int) -> Claim {
        let claim = F.claim(.coverage, "\(claimed)% coverage", claimed: claimed)
        let task = F.task(coverage: CoverageSummary(linesFound: found, linesHit: hit, files: 2))
        return F.judged(claim, in: F.workspace(tasks: [task]))
    }

    @Test func coverageWithinTheToleranceIsVerified() {
        let claim = judged(80.5, hit: 800, of: 1_000)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 80)
        #expect(claim.note?.en == "line coverage of TN-201 is 80% (800 of 1,000 lines)")
        #expect(claim.note?.ru == "покрытие строк задачи TN-201 — 80\u{00A0}% (строк покрыто: 800 из 1\u{00A0}000)")
    }

    @Test func coverageJustBeyondTheToleranceIsContradicted() {
        let claim = judged(80.6, hit: 800, of: 1_000)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 80)
        #expect(claim.discrepancy.map { ($0 + 0.6).magnitude < 1e-9 } == true)
    }

    @Test func aRoundedCoverageFigureGetsItsRounding() {
        #expect(judged(93, hit: 28, of: 30).verdict == .verified)
        #expect(judged(95, hit: 28, of: 30).verdict == .contradicted)
    }

    @Test func withoutACoverageReportCoverageIsUnverifiable() {
        let claim = F.judged(F.claim(.coverage, "93.2% coverage", claimed: 93.2), in: F.workspace(tasks: [F.task()]))
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "no coverage report covers the files of TN-201")
        #expect(claim.note?.ru == "ни один отчёт о покрытии не охватывает файлы задачи TN-201")
    }

    @Test func aCoverageReportWithoutInstrumentedLinesIsNoEvidence() {
        #expect(judged(0, hit: 0, of: 0).verdict == .unverifiable)
    }

    @Test func aWorkspaceClaimUsesTheWorkspaceCoverage() {
        let claim = F.claim(.coverage, "75% coverage", task: nil, claimed: 75)
        let judged = F.judged(claim, in: F.workspace(coverage: CoverageSummary(linesFound: 4, linesHit: 3, files: 1)))
        #expect(judged.verdict == .verified)
        #expect(judged.note?.en.hasPrefix("line coverage of the repository is 75%") == true)
    }
}
