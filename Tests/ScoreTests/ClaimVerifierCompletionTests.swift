import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierCompletionTests {
    typealias F = ClaimFixtures

    /// Phase 13 with 11 tasks, 10.5 of them done.
    var phaseWorkspace: Workspace {
        let ids = (1...11).map { "TN-\(200 + $0)" }
        return F.workspace(phases: [F.phase(tasks: ids, done: 10.5)])
    }

    func phaseClaim(_ text: String, claimed: Double, denominator: Double? = nil, expected: Double? = nil) -> Claim {
        F.claim(.completion, text, task: nil, phase: "13", claimed: claimed, denominator: denominator, expected: expected)
    }

    @Test func aPhasePercentageWithinToleranceIsVerified() {
        let judged = F.judged(phaseClaim("95.5% complete", claimed: 95.5), in: phaseWorkspace)
        #expect(judged.verdict == .verified)
        #expect(judged.verified == 10.5 / 11 * 100)
        #expect(judged.note == LocalizedText(en: "completion of phase 13 is 95.45%", ru: "завершённость фазы 13 — 95,45\u{00A0}%"))
    }

    @Test func aPhaseClaimedCompleteWhileHalfATaskIsOpenIsContradicted() {
        let judged = F.judged(phaseClaim("COMPLETED 100%", claimed: 100), in: phaseWorkspace)
        #expect(judged.verdict == .contradicted)
        #expect(judged.discrepancy.map { ($0 - (10.5 / 11 * 100 - 100)).magnitude < 1e-9 } == true)
    }

    @Test func tenAndAHalfOfElevenBesideNinetyEightPercentIsInconsistent() {
        let claim = phaseClaim("10.5/11 = 98%", claimed: 98, denominator: 11, expected: 10.5 / 11 * 100)
        let judged = F.judged(claim, in: phaseWorkspace)
        #expect(judged.verdict == .inconsistent)
        #expect(judged.discrepancy.map { ($0 - (10.5 / 11 * 100 - 98)).magnitude < 1e-9 } == true)
        #expect(judged.note == LocalizedText(en: "10.5/11 is 95.45%", ru: "10,5/11 составляет 95,45\u{00A0}%"))
    }

    @Test func aConsistentPercentageBesideItsRatioGoesOnToTheEvidence() {
        let claim = phaseClaim("10.5/11 = 95.5%", claimed: 95.5, denominator: 11, expected: 10.5 / 11 * 100)
        #expect(F.judged(claim, in: phaseWorkspace).verdict == .verified)
        let ids = (1...11).map { "TN-\(200 + $0)" }
        let behind = F.workspace(phases: [F.phase(tasks: ids, done: 9)])
        #expect(F.judged(claim, in: behind).verdict == .contradicted)
    }

    @Test func aPhaseCountIsComparedWithDoneAndTotal() {
        let judged = F.judged(phaseClaim("10.5/11", claimed: 10.5, denominator: 11), in: phaseWorkspace)
        #expect(judged.verdict == .verified)
        #expect(judged.verified == 10.5)
        #expect(judged.note == LocalizedText(en: "10.5 of 11 tasks of phase 13 are done", ru: "в фазе 13 выполнено задач: 10,5 из 11"))
    }

    @Test func aPhaseClaimingAllTasksDoneIsContradicted() {
        let judged = F.judged(phaseClaim("11/11 tasks", claimed: 11, denominator: 11), in: phaseWorkspace)
        #expect(judged.verdict == .contradicted)
        #expect(judged.verified == 10.5)
        #expect(judged.discrepancy == -0.5)
    }

    @Test func aTotalOtherThanThePhasesTasksSpeaksOfAnotherSet() {
        // Twelve tasks are not phase 13's eleven: an older plan, another feature or a part.
        let judged = F.judged(phaseClaim("10.5/12", claimed: 10.5, denominator: 12), in: phaseWorkspace)
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "the figure counts 12 tasks, and phase 13 has 11: it speaks of another set (an older plan, another feature or a part)")
    }

    @Test func aTaskCountIsComparedWithItsChecklist() {
        let task = F.task(completion: 28.0 / 30, checklist: F.checklist(28, of: 30))
        let workspace = F.workspace(tasks: [task])
        let right = F.judged(F.claim(.completion, "28/30", claimed: 28, denominator: 30), in: workspace)
        #expect(right.verdict == .verified)
        #expect(right.note?.en == "the checklist of TN-201 has 28 of 30 items checked")
        #expect(right.note?.ru == "в чек-листе задачи TN-201 отмечено пунктов: 28 из 30")
        let wrong = F.judged(F.claim(.completion, "30/30", claimed: 30, denominator: 30), in: workspace)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.verified == 28)
    }

    @Test func aTaskPercentageIsComparedWithItsCompletion() {
        let workspace = F.workspace(tasks: [F.task(completion: 28.0 / 30, checklist: F.checklist(28, of: 30))])
        #expect(F.judged(F.claim(.completion, "93% done", claimed: 93), in: workspace).verdict == .verified)
        #expect(F.judged(F.claim(.completion, "100% done", claimed: 100), in: workspace).verdict == .contradicted)
    }

    @Test func aTaskCountWithoutChecklistItemsIsUnverifiable() {
        let judged = F.judged(F.claim(.completion, "5/5", claimed: 5, denominator: 5), in: F.workspace(tasks: [F.task(completion: 1)]))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "TN-201 has no checklist items to count")
    }

    @Test func aTaskWithoutCompletionIsUnverifiable() {
        let judged = F.judged(F.claim(.completion, "100%", claimed: 100), in: F.workspace(tasks: [F.task()]))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.ru == "завершённость задачи TN-201 неизвестна: нет ни пунктов чек-листа, ни отметки в общем списке")
    }

    @Test func completionHasNoWorkspaceScope() {
        let judged = F.judged(F.claim(.completion, "100% complete", task: nil, claimed: 100))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "completion is measured per task and per phase, and the claim names neither")
    }
}
