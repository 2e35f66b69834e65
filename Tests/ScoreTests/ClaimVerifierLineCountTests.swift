import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierLineCountTests {
    typealias F = ClaimFixtures

    func judged(_ claimed: Double, counted: Double?) -> Claim {
        F.judged(F.claim(.loc, "design.md (\(Int(claimed)) LOC)", subject: "design.md", claimed: claimed, verified: counted))
    }

    @Test func linesWithinTenPercentOfTheFileAreVerified() {
        #expect(judged(1_100, counted: 1_000).verdict == .verified)
        #expect(judged(900, counted: 1_000).verdict == .verified)
        let claim = judged(1_000, counted: 1_000)
        #expect(claim.note == LocalizedText(en: "design.md has 1,000 lines", ru: "строк в design.md: 1\u{00A0}000"))
    }

    @Test func linesJustBeyondTenPercentAreContradicted() {
        let claim = judged(1_101, counted: 1_000)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 1_000)
        #expect(claim.discrepancy == -101)
        #expect(judged(899, counted: 1_000).verdict == .contradicted)
    }

    @Test func theLineToleranceIsConfigurable() {
        let exact = F.configuration { $0.locTolerance = 0 }
        let claim = F.claim(.loc, "962 LOC", subject: "design.md", claimed: 963, verified: 962)
        #expect(F.judged(claim, configuration: exact).verdict == .contradicted)
    }

    @Test func aFileScanCouldNotFindIsUnverifiable() {
        let claim = judged(1_970, counted: nil)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.verified == nil)
        #expect(claim.note?.en == "design.md was not found in the work tree, so its lines cannot be counted")
        #expect(claim.note?.ru == "файл design.md не найден в рабочем дереве, и его строки не посчитать")
    }
}
