import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierDurationTests {
    typealias F = ClaimFixtures

    /// Commits on 2025-11-01 and 2025-11-06: five days apart, so 96 to 144 hours elapsed.
    func judged(_ hours: Double, first: String? = "2025-11-01", last: String? = "2025-11-06") -> Claim {
        let workspace = F.workspace(tasks: [F.task(first: first, last: last)])
        return F.judged(F.claim(.duration, "done in \(hours) hours", subject: "done", claimed: hours), in: workspace)
    }

    @Test func twoHoursAcrossFiveDaysOfCommitsIsContradicted() {
        let claim = judged(2)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 120)
        #expect(claim.discrepancy == 118)
        #expect(claim.note?.en == "the commits of TN-201 span 2025-11-01 to 2025-11-06, so at least 96 h elapsed")
        #expect(claim.note?.ru == "коммиты задачи TN-201 охватывают период с 2025-11-01 по 2025-11-06, значит, прошло не меньше 96\u{00A0}ч")
    }

    @Test func theShortestConsistentDurationIsTheMinimumLessTheTolerance() {
        #expect(judged(72).verdict == .verified)
        #expect(judged(71.9).verdict == .contradicted)
    }

    @Test func aDurationWithinTheSpanIsVerified() {
        let claim = judged(120)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 120)
        #expect(claim.note?.en == "the commits of TN-201 span 2025-11-01 to 2025-11-06, between 96 h and 144 h of elapsed time")
        #expect(claim.note?.ru == "коммиты задачи TN-201 охватывают период с 2025-11-01 по 2025-11-06: прошло от 96\u{00A0}ч до 144\u{00A0}ч")
    }

    @Test func theLongestConsistentDurationIsTheMaximumPlusTheTolerance() {
        #expect(judged(180).verdict == .verified)
        #expect(judged(181).verdict == .unverifiable)
    }

    @Test func commitsOnConsecutiveDaysBoundNothingFromBelow() {
        #expect(judged(2, first: "2025-11-01", last: "2025-11-02").verdict == .verified)
    }

    @Test func commitsOnOneDayBoundNoDuration() {
        let claim = judged(2, first: "2025-11-01", last: "2025-11-01")
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "all commits of TN-201 fall on one day, 2025-11-01, which bounds no duration")
    }

    @Test func withoutCommitsADurationIsUnverifiable() {
        #expect(judged(2, first: nil, last: nil).verdict == .unverifiable)
    }

    @Test func theDurationToleranceIsConfigurable() {
        let exact = F.configuration { $0.durationTolerance = 0 }
        let workspace = F.workspace(tasks: [F.task(first: "2025-11-01", last: "2025-11-06")])
        let claim = F.claim(.duration, "took 95 hours", subject: "took", claimed: 95)
        #expect(F.judged(claim, in: workspace, configuration: exact).verdict == .contradicted)
    }
}
