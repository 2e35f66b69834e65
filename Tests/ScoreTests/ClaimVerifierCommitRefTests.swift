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

    /// A squash merge or a rebase replaces the commits a branch's report names: a missing id says
    /// nothing about whether the work was done.
    @Test func aCommitMissingFromTheHistoryIsUnverifiable() {
        let claim = judged(0)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.discrepancy == nil)
        #expect(claim.note?.en == "no commit in the history starts with 0123456; it may have been squashed or rebased away, or never pushed")
        #expect(claim.note?.ru == "в истории нет коммита, начинающегося с 0123456; он мог быть объединён при слиянии, перебазирован или не отправлен")
    }

    @Test func withoutHistoryACommitIsUnverifiable() {
        #expect(judged(nil).verdict == .unverifiable)
    }
}
