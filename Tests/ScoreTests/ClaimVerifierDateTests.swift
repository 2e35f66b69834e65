import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierDateTests {
    typealias F = ClaimFixtures

    func judged(_ date: String, first: String? = "2025-11-30", last: String? = "2025-12-01") -> Claim {
        let workspace = F.workspace(tasks: [F.task(first: first, last: last)])
        return F.judged(F.claim(.date, "Completed \(date)", claimedValue: date), in: workspace)
    }

    @Test func aDateInsideTheCommitSpanIsVerified() {
        let claim = judged("2025-11-30")
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "2025-11-30/2025-12-01")
        #expect(claim.note?.en == "the commits of TN-201 span 2025-11-30 to 2025-12-01")
        #expect(claim.note?.ru == "коммиты задачи TN-201 охватывают период с 2025-11-30 по 2025-12-01")
    }

    @Test func aDateOneDayOutsideIsWithinTheDefaultTolerance() {
        #expect(judged("2025-11-29").verdict == .verified)
        #expect(judged("2025-12-02").verdict == .verified)
    }

    @Test func aDateTwoDaysBeforeTheFirstCommitIsContradicted() {
        let claim = judged("2025-11-28")
        #expect(claim.verdict == .contradicted)
        #expect(claim.discrepancy == 2)
        #expect(claim.note?.en == "the commits of TN-201 span 2025-11-30 to 2025-12-01; 2025-11-28 lies 2 days outside it")
        #expect(claim.note?.ru == "коммиты задачи TN-201 охватывают период с 2025-11-30 по 2025-12-01; дата 2025-11-28 выходит за него, дней: 2")
    }

    @Test func aDateTwoDaysAfterTheLastCommitIsContradicted() {
        let claim = judged("2025-12-03")
        #expect(claim.verdict == .contradicted)
        #expect(claim.discrepancy == -2)
    }

    @Test func theDateToleranceIsConfigurable() {
        let exact = F.configuration { $0.dateToleranceDays = 0 }
        let workspace = F.workspace(tasks: [F.task(first: "2025-11-30", last: "2025-12-01")])
        let claim = F.claim(.date, "2025-11-29", claimedValue: "2025-11-29")
        #expect(F.judged(claim, in: workspace, configuration: exact).verdict == .contradicted)
    }

    @Test func aSingleDaySpanIsShownAsThatDay() {
        #expect(judged("2025-11-30", first: "2025-11-30", last: "2025-11-30").verifiedValue == "2025-11-30")
    }

    @Test func withoutCommitsADateIsUnverifiable() {
        let claim = judged("2025-11-30", first: nil, last: nil)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "no commit dates are known for TN-201")
    }

    @Test func aValueThatIsNoDateIsUnverifiable() {
        let claim = judged("2025-02-30")
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "“2025-02-30” is not a date in yyyy-MM-dd form")
    }

    @Test func aPhaseSpansItsTasksCommits() {
        var first = F.task("TN-201", first: "2025-11-01", last: "2025-11-03")
        first.phase = "13"
        let second = F.task("TN-202", first: "2025-11-10", last: "2025-11-12")
        let workspace = F.workspace(tasks: [first, second], phases: [F.phase(tasks: ["TN-201", "TN-202"])])
        let claim = F.claim(.date, "2025-11-07", task: nil, phase: "13", claimedValue: "2025-11-07")
        let judged = F.judged(claim, in: workspace)
        #expect(judged.verdict == .verified)
        #expect(judged.verifiedValue == "2025-11-01/2025-11-12")
    }

    @Test func aWorkspaceDateUsesTheWholeHistory() {
        let git = HistorySummary(
            head: nil, commits: 2, merges: 0, shallow: false, detached: false, unreadable: 0, first: "2025-10-01",
            last: "2025-12-01")
        let claim = F.claim(.date, "2025-09-01", task: nil, claimedValue: "2025-09-01")
        let judged = F.judged(claim, in: F.workspace(git: git))
        #expect(judged.verdict == .contradicted)
        #expect(judged.discrepancy == 30)
        #expect(judged.note?.en.hasPrefix("the commits of the repository span") == true)
    }
}
