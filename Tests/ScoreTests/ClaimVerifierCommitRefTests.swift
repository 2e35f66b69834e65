import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierCommitRefTests {
    typealias F = ClaimFixtures
    let full = "0123456789abcdef0123456789abcdef01234567"

    func judged(_ found: Double?, full: String? = nil) -> Claim {
        F.judged(F.claim(.commitRef, "| 0123456 | Add chart |", claimedValue: "0123456", verified: found, verifiedValue: full))
    }

    @Test func aCommitInTheHistoryIsVerified() {
        let claim = judged(1, full: full)
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == full)
        #expect(claim.note?.en == "commit 0123456 is \(full) in the history")
        #expect(claim.note?.ru == "коммит 0123456 найден в истории: \(full)")
    }

    @Test func aCommitMissingFromTheHistoryIsContradicted() {
        let claim = judged(0)
        #expect(claim.verdict == .contradicted)
        #expect(claim.note?.en == "no commit in the history starts with 0123456")
    }

    @Test func withoutHistoryACommitIsUnverifiable() {
        #expect(judged(nil).verdict == .unverifiable)
    }
}
