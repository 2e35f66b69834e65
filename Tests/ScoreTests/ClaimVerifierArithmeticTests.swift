import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierArithmeticTests {
    typealias F = ClaimFixtures

    @Test func aRoundedRatioIsVerifiedAgainstItsOwnFigures() {
        let claim = F.claim(.ratio, "(28/30 = 93%)", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100)
        let judged = F.judged(claim)
        #expect(judged.verdict == .verified)
        #expect(judged.discrepancy == nil)
        #expect(judged.note == LocalizedText(en: "28/30 is 93.33%", ru: "28/30 составляет 93,33\u{00A0}%"))
    }

    @Test func aRatioThatIsNotItsPercentageIsInconsistent() {
        let claim = F.claim(.ratio, "(9/10 = 95%)", claimed: 95, denominator: 10, expected: 90)
        let judged = F.judged(claim)
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy == -5)
        #expect(judged.verified == nil)
        #expect(judged.note?.en == "9/10 is 90%")
    }

    @Test func aRatioExactlyAtThePercentToleranceHoldsAndJustBeyondDoesNot() {
        #expect(F.judged(F.claim(.ratio, "1/2 = 50.5%", claimed: 50.5, denominator: 2, expected: 50)).verdict == .verified)
        #expect(F.judged(F.claim(.ratio, "1/2 = 50.6%", claimed: 50.6, denominator: 2, expected: 50)).verdict == .inconsistent)
    }

    @Test func aRatioWithoutItsOwnFiguresIsUnverifiable() {
        #expect(F.judged(F.claim(.ratio, "93%", claimed: 93)).verdict == .unverifiable)
    }

    @Test func aTotalThatIsNotTheColumnSumIsInconsistent() {
        let judged = F.judged(F.claim(.total, "Total: 100", subject: "Tests", claimed: 100, expected: 99))
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy == -1)
        #expect(judged.note == LocalizedText(en: "the column “Tests” adds up to 99", ru: "сумма столбца «Tests» — 99"))
        #expect(F.judged(F.claim(.total, "Total: 99", subject: "Tests", claimed: 99, expected: 99)).verdict == .verified)
    }

    @Test func aTotalTakesTheConfiguredCountTolerance() {
        let loose = F.configuration { $0.countTolerance = 1 }
        #expect(F.judged(F.claim(.total, "Total: 100", claimed: 100, expected: 99), configuration: loose).verdict == .verified)
        #expect(F.judged(F.claim(.total, "Total: 101", claimed: 101, expected: 99), configuration: loose).verdict == .inconsistent)
    }

    @Test func anAverageOfPercentagesIsJudgedInPercentPoints() {
        let mean = (150.0 + 145.0 + 150.0) / 3
        let rounded = F.claim(.average, "average quality 148.3%", subject: "Quality", claimed: 148.3, expected: mean)
        #expect(F.judged(rounded).verdict == .verified)
        let wrong = F.claim(.average, "average quality 150%", subject: "Quality", claimed: 150, expected: mean)
        let judged = F.judged(wrong)
        #expect(judged.verdict == .inconsistent)
        #expect((judged.discrepancy ?? 0) < -1.6)
        #expect(judged.note?.en == "the mean of the column “Quality” is 148.33%")
        #expect(judged.note?.ru == "среднее по столбцу «Quality» — 148,33\u{00A0}%")
    }

    @Test func aPlainAverageIsExactUpToItsWrittenPrecision() {
        #expect(F.judged(F.claim(.average, "mean 3.3", claimed: 3.3, expected: 10.0 / 3)).verdict == .verified)
        #expect(F.judged(F.claim(.average, "mean 3.5", claimed: 3.5, expected: 3.4)).verdict == .inconsistent)
    }

    @Test func aFileCountIsCheckedAgainstTheItemsListedUnderIt() {
        #expect(F.judged(F.claim(.fileCount, "16 total", claimed: 16, expected: 16)).verdict == .verified)
        let judged = F.judged(F.claim(.fileCount, "17 total", claimed: 17, expected: 16))
        #expect(judged.verdict == .inconsistent)
        #expect(judged.note == LocalizedText(en: "16 items are listed under it", ru: "под ним перечислено пунктов: 16"))
    }

    @Test func aFileCountWithoutAListIsUnverifiable() {
        let judged = F.judged(F.claim(.fileCount, "16 files", claimed: 16))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en.contains("no items") == true)
    }

    @Test func exceedingATargetByANegativeMarginIsInconsistent() {
        let claim = F.claim(.target, "exceeds the 150% target by -1.7%", subject: "150%", claimed: -1.7)
        let judged = F.judged(claim)
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy == nil)
        #expect(judged.note?.en == "a margin of -1.7% over the 150% target means it falls short of it by 1.7 points")
        #expect(judged.note?.ru == "запас -1,7\u{00A0}% сверх цели 150% означает отставание от неё на 1,7\u{00A0}п.\u{00A0}п.")
    }

    @Test func aNegativeMarginIsInconsistentEvenWhenTheArithmeticAgrees() {
        let judged = F.judged(F.claim(.target, "exceeds the target by -1.7%", claimed: -1.7, expected: -1.7))
        #expect(judged.verdict == .inconsistent)
        // The wording is wrong, not the sum: no figure stands as the discrepancy.
        #expect(judged.discrepancy == nil)
        #expect(judged.expected == -1.7)
    }

    @Test func aTargetMarginIsCheckedAgainstTheFiguresBesideIt() {
        #expect(F.judged(F.claim(.target, "153.2% exceeds the 150% target by 3.2%", claimed: 3.2, expected: 3.2)).verdict == .verified)
        let judged = F.judged(F.claim(.target, "152% exceeds the 150% target by 3.2%", claimed: 3.2, expected: 2))
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy.map { ($0 + 1.2).magnitude < 1e-9 } == true)
    }

    @Test func aTargetMarginWithNothingBesideItIsUnverifiable() {
        #expect(F.judged(F.claim(.target, "exceeds the target by 3.2%", claimed: 3.2)).verdict == .unverifiable)
    }

    @Test func aLineTotalThatIsNotTheSumOfItsFilesIsInconsistentEvenWhenTheFilesAgree() {
        let claim = F.claim(.loc, "(4,683 LOC)", claimed: 4_683, expected: 4_000, verified: 4_683)
        let judged = F.judged(claim)
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy == -683)
        #expect(judged.note?.en == "the per-file figures listed with it add up to 4,000 lines")
    }

    @Test func aLineTotalWithinTheLineToleranceOfItsFilesGoesOnToTheEvidence() {
        let claim = F.claim(.loc, "(4,683 LOC)", claimed: 4_683, expected: 4_500, verified: 3_000)
        #expect(F.judged(claim).verdict == .contradicted)
    }
}
