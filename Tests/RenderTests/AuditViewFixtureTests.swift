import PhaseModel
import Scan
import Testing
@testable import Render

/// A phase with claims of every verdict, built by hand, shared by the audit and task report tests.
enum AuditFixture {
    /// A title no Markdown, HTML or table may take as markup: a script, a pipe, backticks,
    /// emphasis markers, a line break and Cyrillic.
    static let hostileTitle = "<script>alert(1)</script> | `x` **bold**\nРедис"

    static let report = "tasks/TN-001-redis/COMPLETION_REPORT.md"
    static let headID = "0123456789abcdef0123456789abcdef01234567"

    static func claim(
        _ kind: ClaimKind, _ text: String, line: Int, file: String = report, task: String? = "TN-001",
        claimed: Double? = nil, denominator: Double? = nil, claimedValue: String? = nil, expected: Double? = nil,
        verified: Double? = nil, verifiedValue: String? = nil, discrepancy: Double? = nil, verdict: Verdict?,
        subject: String? = nil, note: String? = nil
    ) -> Claim {
        var claim = Claim(
            kind: kind, text: text, source: .file(file, line: line), task: task, phase: "13", subject: subject,
            claimed: claimed, denominator: denominator, claimedValue: claimedValue, expected: expected,
            verified: verified, verifiedValue: verifiedValue, verdict: verdict)
        claim.discrepancy = discrepancy
        claim.note = note.map { LocalizedText(en: $0, ru: "по-русски: " + $0) }
        return claim
    }

    /// Claims of every verdict: two contradicted, three inconsistent, one unverifiable, two of
    /// other models, three verified.
    static let claims: [Claim] = [
        claim(
            .testCount, "39/39 tests passing", line: 12, claimed: 39, denominator: 39, verified: 38, discrepancy: -1,
            verdict: .contradicted, subject: "passing", note: "38 of 39 executed tests passed in results linked to TN-001"),
        claim(
            .loc, "design.md (1,970 LOC)", line: 20, claimed: 1970, verified: 1900, verdict: .verified,
            subject: "design.md", note: "design.md has 1,900 lines"),
        claim(
            .total, "7,321", line: 31, claimed: 7321, expected: 7205, discrepancy: -116, verdict: .inconsistent,
            subject: "LOC", note: "the column “LOC” adds up to 7,205"),
        claim(
            .ratio, "28/30 = 95%", line: 40, claimed: 95, denominator: 30, expected: 93.333333, discrepancy: -1.666667,
            verdict: .inconsistent, note: "28/30 is 93.33%"),
        claim(
            .fileCount, "Files Created (16 total)", line: 50, claimed: 16, expected: 15, discrepancy: -1,
            verdict: .inconsistent, note: "15 items are listed under it"),
        claim(
            .coverage, "93.2% coverage", line: 60, task: "TN-002", claimed: 93.2, verdict: .unverifiable,
            note: "the repository has no evidence for it"),
        claim(
            .quality, "150% quality", line: 70, claimed: 150, verified: 88.25, verifiedValue: "B+", verdict: nil,
            note: "phasecert's quality for TN-001 is 88.25% (grade B+); shown beside phasecert's figure, not judged"),
        claim(.grade, "Grade A+", line: 71, claimedValue: "A+", verified: 88.25, verifiedValue: "B+", verdict: nil),
        claim(
            .date, "Completed: 2025-12-24", line: 80, claimedValue: "2025-12-24", verifiedValue: "2025-11-01/2025-11-30",
            discrepancy: 24, verdict: .contradicted, note: "the task's commits span 2025-11-01 to 2025-11-30"),
        claim(
            .completion, "COMPLETED 100%", line: 3, file: "tasks/TASKS.md", task: nil, claimed: 100, verified: 66.67,
            discrepancy: -33.33, verdict: .contradicted, note: "completion of phase 13 is 66.67%"),
        {
            var claim = Claim(
                kind: .commitRef, text: "0123456", source: .commit(headID), phase: "13", claimedValue: "0123456",
                verified: 1, verifiedValue: headID, verdict: .verified)
            claim.note = LocalizedText(en: "found", ru: "найден")
            return claim
        }(),
        claim(
            .deliverable, "values.yaml", line: 90, task: "TN-002", verified: 1, verdict: .verified,
            subject: "deploy/values.yaml", note: "deploy/values.yaml exists in the work tree"),
    ]

    static func workspace(claims: [Claim] = claims) -> Workspace {
        var phase = Phase(
            id: "13", name: "Production Packaging", source: .file("tasks/TASKS.md", line: 3),
            tasks: ["TN-001", "TN-002", "TN-003"])
        phase.certification = Certification(id: "13-20251130-67PCT-D-0a1b2c3d", date: "2025-11-30", digest: String(repeating: "0", count: 64))
        var first = TaskRecord(
            id: "TN-001", title: hostileTitle, phase: "13", directories: ["tasks/TN-001-redis"],
            checklist: Checklist(file: "tasks/TN-001-redis/tasks.md", sections: [
                ChecklistSection(title: "Implementation", line: 3, items: (0..<3).map {
                    ChecklistItem(text: "item \($0)", checked: true, line: 4 + $0, depth: 0)
                }),
                ChecklistSection(title: "Docs: 4 files, 100% done", line: 10, items: [
                    ChecklistItem(text: "a", checked: true, line: 11, depth: 0),
                    ChecklistItem(text: "b", checked: false, line: 12, depth: 0),
                    ChecklistItem(text: "c", checked: false, line: 13, depth: 0),
                ]),
            ]),
            metadata: TaskMetadata(
                dependencies: ["TN-003", "TN-002", "TN-404"], linkedPaths: [], targets: [:],
                source: .file("tasks/TN-001-redis/task.yml", line: 1)))
        first.completion = 4.0 / 6.0
        first.quality = 88.25
        first.grade = "B+"
        first.tests = TestEvidence(passed: 38, failed: 1, errored: 0, skipped: 2, flaky: 1, defined: 41)
        first.coverage = CoverageSummary(linesFound: 1_200, linesHit: 1_013, files: 7)
        var second = TaskRecord(id: "TN-002", title: "Storage backend", phase: "13")
        second.completion = 1
        var third = TaskRecord(id: "TN-003", title: "39/39 tests passing, 150% quality", phase: "13")
        third.completion = 0
        let findings = [
            Finding(
                rule: .reportArithmetic, severity: .minor, task: "TN-001", phase: "13", at: .file(report, line: 31),
                message: LocalizedText(en: "“7,321” states 7,321, but the document’s own figures give 7,205", ru: "«7,321»: указано 7 321")),
            Finding(
                rule: .reportArithmetic, severity: .minor, task: "TN-001", phase: "13", at: .file(report, line: 99),
                message: LocalizedText(
                    en: "“Average: 95% quality” states 95%, but the column’s mean is 90%",
                    ru: "«Среднее: 95 %»: указано 95 %, а среднее столбца — 90 %")),
            Finding(
                rule: .claimContradicted, severity: .major, task: "TN-001", phase: "13", at: .file(report, line: 12),
                message: LocalizedText(
                    en: "“39/39 tests passing” claims 39/39, but the evidence shows 38 (difference -1)",
                    ru: "«39/39 tests passing»: заявлено 39/39, но по данным 38 (разница -1)"),
                remediation: LocalizedText(en: "Run the tests and keep their results.", ru: "Запустите тесты и сохраните результаты.")),
            Finding(
                rule: .testsFailing, severity: .critical, task: "TN-001", phase: "13", at: .file("results/junit.xml", line: 7),
                message: LocalizedText(en: "1 test of TN-001 does not pass", ru: "1 тест задачи TN-001 не проходит")),
        ]
        return Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            phases: [phase], tasks: [first, second, third], findings: findings, claims: claims)
    }

    static let history = TaskHistory(
        commits: [
            TaskCommit(
                id: headID, shortID: "0123456", subject: "Merge branch 'feature/TN-001-redis'", date: "2025-11-30",
                added: 120, deleted: 4, isMerge: true),
            TaskCommit(
                id: "89abcdef0123456789abcdef0123456789abcdef", shortID: "89abcde",
                subject: "TN-001: 39/39 tests passing | <b>done</b>", date: "2025-11-29", added: 100, deleted: 4,
                isMerge: false),
            TaskCommit(
                id: "fedcba9876543210fedcba9876543210fedcba98", shortID: "fedcba9", subject: "TN-001: chart", date: "2025-11-01",
                added: 20, deleted: 0, isMerge: false, hasCounts: false),
        ],
        files: [
            TaskFile(path: "deploy/redis/values.yaml", category: .manifests, added: 40, deleted: 0, created: true, removed: false, commits: 1),
            TaskFile(path: "docs/old.md", category: .docs, added: 0, deleted: 12, created: false, removed: true, commits: 1),
            TaskFile(path: "docs/redis.md", category: .docs, added: 60, deleted: 4, created: false, removed: false, commits: 2),
            TaskFile(path: "logo.png", category: .other, added: nil, deleted: nil, created: true, removed: false, commits: 1),
            TaskFile(path: "tests/redis_test.go", category: .tests, added: 20, deleted: 0, created: true, removed: false, commits: 1),
        ])

    static func input(claims: [Claim] = claims) -> ReportInput {
        ReportInput(workspace: workspace(claims: claims), configuration: Configuration(), histories: ["TN-001": history])
    }

    static func audit(_ locale: ReportLocale, input: ReportInput = input()) throws -> String {
        let templates = try ReportTemplates(locale: locale)
        return try templates.render("audit", AuditView(phase: "13", input: input, text: ViewText(catalog: templates.catalog)))
    }

    static func task(_ id: String, _ locale: ReportLocale, input: ReportInput = input()) throws -> String {
        let templates = try ReportTemplates(locale: locale)
        return try templates.render("task", TaskView(task: id, input: input, text: ViewText(catalog: templates.catalog)))
    }

    /// The claims the audit's own extractor reads in `markdown`, written at `file`.
    static func extracted(_ markdown: String, file: String, input: ReportInput = input()) throws -> [Claim] {
        let workspace = input.workspace
        return ClaimExtractor(ids: try TaskIDPattern(), tasks: workspace.tasks, phases: workspace.phases)
            .claims(inMarkdown: markdown, file: file)
    }
}

/// The fixture itself: the report tests below rely on it holding every verdict.
struct AuditViewFixtureTests {
    @Test func theFixtureHoldsEveryVerdictAndAnUnjudgedClaim() {
        let verdicts = Set(AuditFixture.claims.map(\.verdict))
        #expect(verdicts == Set(Verdict.allCases.map { Optional($0) } + [nil]))
        #expect(AuditFixture.claims.contains { $0.task == nil })
        #expect(AuditFixture.claims.contains { if case .commit = $0.source { true } else { false } })
    }
}
