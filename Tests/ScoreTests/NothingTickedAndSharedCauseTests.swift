import PhaseModel
import Testing
@testable import Score

/// "Done" against a checklist with nothing ticked is unverifiable (the checklist may not have been
/// kept); claims of one rule about one task or phase with one note give one finding when there
/// are three or more of them.
struct NothingTickedAndSharedCauseTests {
    typealias F = ClaimFixtures

    func task(_ checked: Int, of total: Int, commits: Bool = true) -> TaskRecord {
        var task = F.task(checklist: F.checklist(checked, of: total), first: commits ? "2025-12-01" : nil, last: commits ? "2025-12-03" : nil)
        task.completion = Double(checked) / Double(total)
        return task
    }

    func done(_ text: String = "✅ COMPLETE", line: Int = 12) -> Claim {
        F.claim(.status, text, claimed: 1, claimedValue: "done", source: .file("tasks/TN-201-api/REPORT.md", line: line))
    }

    // MARK: Nothing ticked

    @Test func doneAgainstNothingTickedIsUnverifiable() {
        let workspace = F.workspace(tasks: [task(0, of: 3)])
        let judged = F.judged(done(), in: workspace)
        #expect(judged.verdict == .unverifiable)
        #expect(
            judged.note?.en
                == "nothing of TN-201 is ticked, yet it has commits from 2025-12-01 to 2025-12-03: the checklist may not have been kept, so it neither confirms nor refutes this")
        #expect(judged.note?.ru.contains("ничего не отмечено, но есть коммиты с 2025-12-01 по 2025-12-03") == true)
    }

    @Test func doneAgainstNothingTickedAndNoCommitIsUnverifiable() {
        let judged = F.judged(done(), in: F.workspace(tasks: [task(0, of: 3, commits: false)]))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en.contains("is ticked and no commit names it") == true)
        #expect(judged.note?.ru.contains("ни один коммит её не называет") == true)
    }

    @Test func aCompletionAboveZeroAgainstNothingTickedIsUnverifiable() {
        let workspace = F.workspace(tasks: [task(0, of: 4)])
        let percent = F.claim(.completion, "Completion: 100%", claimed: 100)
        #expect(F.judged(percent, in: workspace).verdict == .unverifiable)
        let counted = F.claim(.completion, "4/4 tasks complete", claimed: 4, denominator: 4)
        #expect(F.judged(counted, in: workspace).verdict == .unverifiable)
        // Saying nothing is done is judged: the checklist agrees.
        #expect(F.judged(F.claim(.completion, "Completion: 0%", claimed: 0), in: workspace).verdict == .verified)
        let inProgress = F.claim(.status, "in progress", claimed: 0, claimedValue: "in-progress")
        #expect(F.judged(inProgress, in: workspace).verdict == .verified)
    }

    /// A checklist with something ticked is kept, and judged.
    @Test func doneAgainstAPartlyTickedChecklistIsContradicted() {
        let judged = F.judged(done(), in: F.workspace(tasks: [task(1, of: 3)]))
        #expect(judged.verdict == .contradicted)
    }

    // MARK: Shared causes

    func findings(_ claims: [Claim], in workspace: Workspace) -> [Finding] {
        var workspace = workspace
        workspace.claims = claims
        return ClaimVerifier(configuration: .init()).verify(workspace).findings
    }

    @Test func threeClaimsWithOneCauseGiveOneFinding() throws {
        let claims = [done(line: 3), done("Статус: ЗАВЕРШЕНО", line: 9), done("DONE", line: 20)]
        let found = findings(claims, in: F.workspace(tasks: [task(0, of: 3)]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == .claimUnverifiable)
        #expect(finding.line == 3)
        #expect(finding.task == "TN-201")
        #expect(finding.message.en.hasPrefix("3 claims cannot be checked for one reason: nothing of TN-201 is ticked"))
        #expect(finding.message.en.contains("“✅ COMPLETE” (tasks/TN-201-api/REPORT.md:3)"))
        #expect(finding.message.en.contains("(tasks/TN-201-api/REPORT.md:20)"))
        #expect(finding.message.ru.hasPrefix("Утверждений, которые нельзя проверить по одной причине: 3. Причина: для "))
        #expect(finding.message.ru.contains("ничего не отмечено"))
        #expect(finding.message.ru.contains("Среди них:"))
    }

    @Test func twoClaimsWithOneCauseKeepAFindingEach() {
        let claims = [done(line: 3), done("Статус: ЗАВЕРШЕНО", line: 9)]
        let found = findings(claims, in: F.workspace(tasks: [task(0, of: 3)]))
        #expect(found.map(\.line) == [3, 9])
        #expect(found.allSatisfy { $0.message.en.contains("cannot be checked:") })
    }

    @Test func threeContradictionsByOneFactGiveOneFindingThatSaysSo() throws {
        let claims = [done(line: 3), done(line: 5), done(line: 7)]
        let found = findings(claims, in: F.workspace(tasks: [task(1, of: 2)]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == .claimContradicted)
        #expect(finding.severity == .major)
        #expect(finding.message.en.hasPrefix("3 claims are contradicted by one fact: completion of TN-201 is 50%."))
        #expect(finding.message.ru.hasPrefix("Утверждений, которые опровергает один факт: 3."))
    }

    /// Different notes are different causes, and so are different tasks.
    @Test func claimsWithDifferentCausesAreNotGrouped() {
        var other = F.task("TN-202", checklist: F.checklist(0, of: 3), first: "2025-12-01", last: "2025-12-03")
        other.completion = 0
        var elsewhere = done(line: 9)
        elsewhere.task = "TN-202"
        let claims = [done(line: 3), done(line: 5), elsewhere]
        let found = findings(claims, in: F.workspace(tasks: [task(0, of: 3), other]))
        #expect(found.count == 3)
    }

    /// Each missing deliverable is a file of its own: never grouped.
    @Test func missingDeliverablesAreNeverGrouped() {
        let claims = (1...4).map { index in
            F.claim(.deliverable, "src/m\(index).py", subject: "src/m\(index).py", verified: 0)
        }
        let found = findings(claims, in: F.workspace(tasks: [F.task()]))
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.rule == .deliverableMissing })
    }
}
