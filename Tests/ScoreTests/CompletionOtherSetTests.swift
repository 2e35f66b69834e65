import PhaseModel
import Testing
@testable import Score

/// A completion whose `n/m` counts another number of tasks or items than its scope has speaks of
/// another set (an older phase of the same number, another feature, a part), and so does the
/// percent written beside it: neither is held to the scope's progress.
struct CompletionOtherSetTests {
    typealias F = ClaimFixtures

    /// Phase 4 with 2 tasks, both done.
    private var phaseFour: Workspace {
        var phase = F.phase("4", tasks: ["TN-101", "TN-102"], done: 2)
        phase.name = "Storage"
        return F.workspace(phases: [phase])
    }

    private func line(_ claims: [Claim], in workspace: Workspace) -> [Claim] {
        var workspace = workspace
        workspace.claims = claims
        return ClaimVerifier(configuration: Configuration()).verify(workspace).claims
    }

    @Test func anOlderPhaseOfTheSameNumberIsNotThisOne() {
        let source = Provenance.file("docs/OLD_PHASE4.md", line: 3)
        let percent = F.claim(.completion, "Completion: 93%", task: nil, phase: "4", claimed: 93, expected: 14.0 / 15 * 100, source: source)
        let counted = F.claim(.completion, "14/15 задач", task: nil, phase: "4", claimed: 14, denominator: 15, source: source)
        let judged = line([percent, counted], in: phaseFour)
        #expect(judged.map(\.verdict) == [.unverifiable, .unverifiable])
        #expect(judged[1].note?.ru == "число считает 15 задач, а в фазе 4 их 2: речь о другом наборе (прежний план, другая функция или часть)")
        #expect(judged[0].note == judged[1].note)
    }

    @Test func aPercentBesideACountOfTheScopesOwnTasksIsJudged() {
        let source = Provenance.file("docs/PHASE4.md", line: 3)
        let percent = F.claim(.completion, "Completion: 50%", task: nil, phase: "4", claimed: 50, expected: 50, source: source)
        let counted = F.claim(.completion, "1/2 tasks", task: nil, phase: "4", claimed: 1, denominator: 2, source: source)
        #expect(line([percent, counted], in: phaseFour).map(\.verdict) == [.contradicted, .contradicted])
    }

    @Test func aPercentOnAnotherLineKeepsItsScope() {
        let percent = F.claim(.completion, "Completion: 50%", task: nil, phase: "4", claimed: 50, expected: 50,
            source: .file("docs/PHASE4.md", line: 3))
        let counted = F.claim(.completion, "14/15 tasks", task: nil, phase: "4", claimed: 14, denominator: 15,
            source: .file("docs/PHASE4.md", line: 9))
        #expect(line([percent, counted], in: phaseFour).map(\.verdict) == [.contradicted, .unverifiable])
    }

    @Test func aCountOfOtherItemsThanTheTasksChecklistIsAnotherSet() {
        let workspace = F.workspace(tasks: [F.task(completion: 0.5, checklist: F.checklist(1, of: 2))])
        let judged = F.judged(F.claim(.completion, "14/15", claimed: 14, denominator: 15), in: workspace)
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "the figure counts 15 items, and the checklist of TN-201 has 2: it speaks of another set")
    }
}
