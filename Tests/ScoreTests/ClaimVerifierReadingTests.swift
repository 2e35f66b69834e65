import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierReadingTests {
    typealias F = ClaimFixtures

    @Test func aJudgementKeepsTheEvidenceScanAttached() {
        let claim = F.claim(.commitRef, "abc1234", claimedValue: "abc1234", verified: 1, verifiedValue: "abc1234ff")
        let judged = claim.judged(by: .verified(LocalizedText(en: "a", ru: "а")))
        #expect(judged.verified == 1)
        #expect(judged.verifiedValue == "abc1234ff")
        #expect(judged.verdict == .verified)
    }

    @Test func aJudgementReplacesAnEarlierDiscrepancy() {
        var claim = F.claim(.loc, "10 LOC", claimed: 10, verified: 10)
        claim.discrepancy = 5
        #expect(claim.judged(by: .verified(LocalizedText(en: "a", ru: "а"))).discrepancy == nil)
    }

    @Test func aPercentageBesideARatioIsNotACountedCompletion() {
        #expect(F.claim(.completion, "10.5/11", claimed: 10.5, denominator: 11).isCountedCompletion)
        #expect(!F.claim(.completion, "10.5/11 = 98%", claimed: 98, denominator: 11, expected: 95.45).isCountedCompletion)
        #expect(!F.claim(.completion, "98%", claimed: 98).isCountedCompletion)
    }

    @Test func aFigureWrittenWithAPercentSignIsReadAsAPercentage() {
        #expect(F.claim(.average, "average 148,3 %", claimed: 148.3).isWrittenAsPercent)
        #expect(!F.claim(.average, "average 148.3 points", claimed: 148.3).isWrittenAsPercent)
        #expect(!F.claim(.average, "average 12% of 148.3", claimed: 148.3).isWrittenAsPercent)
    }
}
