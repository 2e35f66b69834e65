import PhaseModel
import Testing
@testable import Score

/// Small workspaces and claims for the claim verifier's tests, built in code.
enum ClaimFixtures {
    static let report = Provenance.file("tasks/TN-201-api/REPORT.md", line: 12)

    static func claim(
        _ kind: ClaimKind, _ text: String, task: String? = "TN-201", phase: String? = nil, subject: String? = nil,
        claimed: Double? = nil, denominator: Double? = nil, claimedValue: String? = nil, expected: Double? = nil,
        verified: Double? = nil, verifiedValue: String? = nil, source: Provenance = report
    ) -> Claim {
        Claim(
            kind: kind, text: text, source: source, task: task, phase: phase, subject: subject, claimed: claimed,
            denominator: denominator, claimedValue: claimedValue, expected: expected, verified: verified,
            verifiedValue: verifiedValue)
    }

    static func task(
        _ id: String = "TN-201", phase: String? = "13", tests: TestEvidence? = nil, coverage: CoverageSummary? = nil,
        completion: Double? = nil, checklist: Checklist? = nil, first: String? = nil, last: String? = nil
    ) -> TaskRecord {
        var task = TaskRecord(id: id, phase: phase, checklist: checklist)
        task.tests = tests
        task.coverage = coverage
        task.completion = completion
        if first != nil || last != nil {
            task.git = GitSummary(commits: 3, linesAdded: 10, linesDeleted: 1, first: first, last: last)
        }
        return task
    }

    static func phase(_ id: String = "13", tasks: [String], done: Double? = nil) -> Phase {
        var phase = Phase(id: id, name: "Production Packaging", source: .file("tasks/TASKS.md", line: 3), tasks: tasks)
        phase.completion = done.map { Completion(done: $0, total: tasks.count) }
        return phase
    }

    static func checklist(_ checked: Int, of total: Int) -> Checklist {
        let items = (0..<total).map { ChecklistItem(text: "item \($0)", checked: $0 < checked, line: $0 + 1, depth: 0) }
        return Checklist(file: "tasks/TN-201-api/tasks.md", sections: [ChecklistSection(title: nil, line: nil, items: items)])
    }

    static func workspace(
        tasks: [TaskRecord] = [], phases: [Phase] = [], tests: WorkspaceTests? = nil, coverage: CoverageSummary? = nil,
        git: HistorySummary? = nil, claims: [Claim] = []
    ) -> Workspace {
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil), git: git, tests: tests,
            phases: phases, tasks: tasks, findings: [], claims: claims)
        workspace.coverage = coverage
        return workspace
    }

    static func configuration(_ change: (inout Configuration.Claims) -> Void = { _ in }) -> Configuration {
        var configuration = Configuration()
        change(&configuration.claims)
        return configuration
    }

    /// `claim` judged alone in `workspace`.
    static func judged(
        _ claim: Claim, in workspace: Workspace = workspace(), configuration: Configuration = Configuration()
    ) -> Claim {
        var workspace = workspace
        workspace.claims = [claim]
        return ClaimVerifier(configuration: configuration).verify(workspace).claims[0]
    }
}

struct ClaimVerifierTests {
    @Test func claimsKeepTheirOrderAndFindingsFollowIt() {
        let claims = [
            ClaimFixtures.claim(.fileCount, "16 total", claimed: 16),
            ClaimFixtures.claim(.ratio, "28/30 = 93%", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100),
            ClaimFixtures.claim(.ratio, "9/10 = 95%", claimed: 95, denominator: 10, expected: 90),
            ClaimFixtures.claim(.deliverable, "docs/missing.md", subject: "docs/missing.md", verified: 0),
        ]
        let (judged, findings) = ClaimVerifier(configuration: Configuration())
            .verify(ClaimFixtures.workspace(claims: claims))
        #expect(judged.map(\.text) == claims.map(\.text))
        #expect(judged.map(\.verdict) == [.unverifiable, .verified, .inconsistent, .contradicted])
        #expect(findings.map(\.rule) == [.claimUnverifiable, .reportArithmetic, .deliverableMissing])
    }

    @Test func everyJudgedClaimHasANoteInBothLanguages() {
        // Only a date that dates its document is judged; any other date gets a note but no verdict.
        let claims = ClaimKind.allCases.filter { !$0.isOtherModel }.map {
            ClaimFixtures.claim(
                $0, "\($0.rawValue) claim", subject: $0 == .date ? Claim.documentDateSubject : nil, claimed: 1,
                claimedValue: "done")
        }
        let (judged, _) = ClaimVerifier(configuration: Configuration()).verify(ClaimFixtures.workspace(claims: claims))
        for claim in judged {
            #expect(claim.verdict != nil, "\(claim.kind)")
            #expect(claim.note?.en.isEmpty == false, "\(claim.kind)")
            #expect(claim.note?.ru.isEmpty == false, "\(claim.kind)")
        }
    }

    @Test func qualityAndGradeAreNeverJudged() {
        var preset = ClaimFixtures.claim(.grade, "Grade A+", claimedValue: "A+")
        preset.verdict = .verified
        let claims = [ClaimFixtures.claim(.quality, "150% quality", claimed: 150), preset]
        let task = ClaimFixtures.task(tests: TestEvidence(passed: 3, defined: 3), completion: 1)
        let (judged, findings) = ClaimVerifier(configuration: Configuration())
            .verify(ClaimFixtures.workspace(tasks: [task], claims: claims))
        #expect(judged.map(\.verdict) == [nil, nil])
        #expect(findings.isEmpty)
    }

    @Test func aDocumentThatContradictsItselfIsInconsistentWhateverTheEvidenceSays() {
        let claim = ClaimFixtures.claim(
            .completion, "10.5/11 = 98%", task: nil, phase: "13", claimed: 98, denominator: 11, expected: 10.5 / 11 * 100)
        let phase = ClaimFixtures.phase(tasks: ["TN-201"], done: 1)
        let judged = ClaimFixtures.judged(claim, in: ClaimFixtures.workspace(phases: [phase]))
        #expect(judged.verdict == .inconsistent)
    }

    @Test func aClaimNamingAnUnknownTaskIsUnverifiable() {
        let claim = ClaimFixtures.claim(.testCount, "9/9 passing", task: "TN-404", subject: "passing", claimed: 9, denominator: 9)
        let judged = ClaimFixtures.judged(claim, in: ClaimFixtures.workspace(tasks: [ClaimFixtures.task()]))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "the workspace has no task TN-404 to take evidence from")
        #expect(judged.note?.ru == "в репозитории нет задачи TN-404, из которой можно взять данные")
    }

    @Test func aClaimNamingAnUnknownPhaseIsUnverifiable() {
        let claim = ClaimFixtures.claim(.coverage, "90% coverage", task: nil, phase: "99", claimed: 90)
        let judged = ClaimFixtures.judged(claim)
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en.contains("no phase 99") == true)
    }

    @Test func fileFactsNeedNoTaskOfTheWorkspace() {
        let claim = ClaimFixtures.claim(.loc, "design.md (962 LOC)", task: "TN-404", subject: "design.md", claimed: 962, verified: 962)
        #expect(ClaimFixtures.judged(claim).verdict == .verified)
    }

    @Test func judgingTwiceGivesTheSameResult() {
        let claims = [
            ClaimFixtures.claim(.testCount, "39/39 tests passing", subject: "passing", claimed: 39, denominator: 39),
            ClaimFixtures.claim(.loc, "design.md (1,970 LOC)", subject: "design.md", claimed: 1970, verified: 962),
        ]
        let task = ClaimFixtures.task(tests: TestEvidence(passed: 38, failed: 1, defined: 39))
        let verifier = ClaimVerifier(configuration: Configuration())
        var workspace = ClaimFixtures.workspace(tasks: [task], claims: claims)
        let once = verifier.verify(workspace)
        workspace.claims = once.claims
        let twice = verifier.verify(workspace)
        #expect(once.claims == twice.claims)
        #expect(once.findings == twice.findings)
    }
}
