import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierStatusTests {
    typealias F = ClaimFixtures

    func judged(_ word: String, claimed: Double?, completion: Double?) -> Claim {
        let claim = F.claim(.status, word.uppercased(), claimed: claimed, claimedValue: word)
        return F.judged(claim, in: F.workspace(tasks: [F.task(completion: completion)]))
    }

    @Test func doneHoldsWhenCompletionIsOne() {
        let claim = judged("done", claimed: 1, completion: 1)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 1)
        #expect(claim.note == LocalizedText(en: "completion of TN-201 is 100%", ru: "завершённость задачи TN-201 — 100\u{00A0}%"))
    }

    @Test func doneWithUncheckedItemsIsContradicted() {
        let claim = judged("done", claimed: 1, completion: 2.0 / 3)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 2.0 / 3)
        #expect(claim.discrepancy.map { ($0 + 1.0 / 3).magnitude < 1e-9 } == true)
    }

    @Test func inProgressHoldsBelowOneAndNotAtOne() {
        #expect(judged("in-progress", claimed: 0, completion: 0.5).verdict == .verified)
        #expect(judged("in-progress", claimed: 0, completion: 1).verdict == .contradicted)
    }

    @Test func theStatusWordDecidesWhenThereIsNoNumber() {
        #expect(judged("blocked", claimed: nil, completion: 0.2).verdict == .verified)
        #expect(judged("done", claimed: nil, completion: 0.2).verdict == .contradicted)
        #expect(judged("someday", claimed: nil, completion: 0.2).verdict == .unverifiable)
    }

    @Test func withoutCompletionAStatusIsUnverifiable() {
        #expect(judged("done", claimed: 1, completion: nil).verdict == .unverifiable)
    }

    @Test func aPhaseStatusUsesThePhaseCompletion() {
        let claim = F.claim(.status, "Phase 13: COMPLETED", task: nil, phase: "13", claimed: 1, claimedValue: "done")
        let phase = F.phase(tasks: ["TN-201", "TN-202"], done: 1.5)
        let judged = F.judged(claim, in: F.workspace(phases: [phase]))
        #expect(judged.verdict == .contradicted)
        #expect(judged.verified == 0.75)
        #expect(judged.note?.en == "completion of phase 13 is 75%")
    }

    @Test func aStatusWithNeitherTaskNorPhaseIsUnverifiable() {
        let claim = F.claim(.status, "DONE", task: nil, claimed: 1, claimedValue: "done")
        #expect(F.judged(claim).verdict == .unverifiable)
    }
}
