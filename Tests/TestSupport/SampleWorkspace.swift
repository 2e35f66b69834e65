import PhaseModel

/// Workspaces that use every shape of the model.
public enum SampleWorkspace {
    public static let commitA = "0123456789abcdef0123456789abcdef01234567"
    public static let commitB = "fedcba9876543210fedcba9876543210fedcba98"

    /// Every optional set, both provenance forms for findings and claims.
    public static var populated: Workspace {
        var phase = Phase(
            id: "13", name: "Production Packaging", source: .file("tasks/TASKS.md", line: 3),
            tasks: ["TN-099", "TN-100"]
        )
        phase.completion = Completion(done: 10.5, total: 11)
        phase.quality = 88.2
        phase.grade = "B+"
        phase.tests = TestEvidence(passed: 9, failed: 1, errored: 0, skipped: 1, flaky: 1, defined: 12)
        phase.coverage = CoverageSummary(linesFound: 0, linesHit: 0, files: 0)
        phase.helm = [ChartStatusReference(chart: "helm/redis", status: .failed)]

        var task = TaskRecord(
            id: "TN-099", title: "Redis StatefulSet", phase: "13", source: .file("tasks/TASKS.md", line: 5),
            directories: ["tasks/TN-099-redis-statefulset", "tasks/TN-99-redis"], checked: true,
            checklist: Checklist(
                file: "tasks/TN-099-redis-statefulset/tasks.md",
                sections: [
                    ChecklistSection(
                        title: nil, line: nil,
                        items: [ChecklistItem(text: "Read the chart", checked: true, line: 1, depth: 0)]
                    ),
                    ChecklistSection(
                        title: "Deploy", line: 3,
                        items: [
                            ChecklistItem(text: "Write values.yaml", checked: true, line: 4, depth: 0),
                            ChecklistItem(text: "Render the chart", checked: false, line: 5, depth: 1),
                        ]
                    ),
                ]
            ),
            documents: [
                Document(path: "tasks/TN-099-redis-statefulset/design.md", lines: 962, nonBlankLines: 840, bytes: 31_337)
            ],
            metadata: TaskMetadata(
                dependencies: ["TN-098"], linkedPaths: ["helm/redis/values.yaml"],
                targets: ["coverage": 80, "loc": 1_500.5],
                source: .file("tasks/TN-099-redis-statefulset/task.yml", line: nil)
            )
        )
        task.git = GitSummary(
            commits: 6, merges: 1, linesAdded: 7_261, linesDeleted: 6, filesTouched: 14,
            authors: ["Ann Example", "Борис Пример"], first: "2025-11-30", last: "2025-12-01")
        task.tests = TestEvidence(passed: 9, failed: 0, errored: 0, skipped: 1, flaky: 1, defined: 10)
        task.coverage = CoverageSummary(linesFound: 200, linesHit: 161, files: 3)
        task.helm = [ChartStatusReference(chart: "helm/redis", status: .failed)]
        task.completion = 2.0 / 3.0
        task.quality = 91.0
        task.grade = "A-"

        var bare = TaskRecord(id: "TN-100", source: .commit(commitB))
        bare.git = GitSummary(commits: 0, linesAdded: 0, linesDeleted: 0, first: nil, last: nil)
        bare.tests = TestEvidence(defined: nil)
        bare.completion = 1

        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: "phasecert.yml"),
            git: HistorySummary(
                head: commitA, commits: 120, merges: 4, shallow: true, detached: false, unreadable: 1,
                first: "2025-10-01", last: "2025-12-01"),
            tests: WorkspaceTests(
                TestCounts(passed: 11, failed: 1, errored: 0, skipped: 1, flaky: 2), defined: 14,
                unlinked: TestCounts(passed: 2), files: 3),
            phases: [phase, Phase(id: "14.6", name: nil, source: .commit(commitA), tasks: [])],
            tasks: [task, bare],
            findings: [
                Finding(
                    rule: .namingNoncanonical, severity: .minor, task: "TN-099", phase: "13",
                    at: .file("tasks/TN-99-redis", line: nil),
                    message: LocalizedText(en: "Folder name is not canonical.", ru: "Имя папки не каноническое."),
                    remediation: LocalizedText(en: "Rename it.", ru: "Переименуйте её.")
                ),
                Finding(
                    rule: .other("helm.lint"), severity: .critical, task: "TN-099", phase: "13",
                    at: .file("helm/redis/templates/statefulset.yaml", line: 32),
                    message: LocalizedText(en: "Chart does not render.", ru: "Чарт не рендерится.")
                ),
                Finding(
                    rule: .other("claims.unverifiable"), severity: .info, at: .commit(commitB),
                    message: LocalizedText(en: "No evidence.", ru: "Нет данных."),
                    remediation: LocalizedText(en: "Add evidence.", ru: "Добавьте данные.")
                ),
                Finding(
                    rule: .other("tests.defined-not-run"), severity: .major, task: "TN-100",
                    message: LocalizedText(en: "Tests never ran.", ru: "Тесты не запускались.")
                ),
            ],
            claims: [
                Claim(
                    kind: .testCount, text: "39/39 tests passing", source: .file("tasks/TASKS.md", line: 12),
                    task: "TN-099", phase: "13", claimed: 39, verified: 38, verdict: .contradicted
                ),
                Claim(
                    kind: .coverage, text: "93.2% coverage", source: .commit(commitA), task: "TN-099", phase: "13",
                    claimed: 93.2, verified: 93.19, verdict: .verified
                ),
                Claim(
                    kind: .loc, text: "design.md (1,970 LOC)", source: .file("reports/PHASE-13-REPORT.md", line: nil),
                    task: "TN-099", phase: "13", claimed: 1_970, verified: 962, verdict: .contradicted
                ),
            ],
            claimTexts: [
                ClaimText(text: "✅ COMPLETED 100%", source: .file("tasks/TASKS.md", line: 3), phase: "13"),
                ClaimText(text: "TN-099: done, 39/39 PASS", source: .commit(commitA), task: "TN-099", phase: "13"),
            ]
        )
        workspace.coverage = CoverageSummary(linesFound: 1_000, linesHit: 870, files: 12)
        workspace.helm = [
            ChartValidation(
                chart: "redis", path: "helm/redis", status: .failed, errors: 1, warnings: 1,
                notes: [
                    HelmNote(
                        severity: .error, file: "templates/statefulset.yaml", line: 32,
                        text: "nil pointer evaluating interface {}.port", source: .file("ci/helm-lint.txt", line: 4)),
                    HelmNote(severity: .warning, file: nil, line: nil, text: "icon is recommended", source: .file("ci/helm-lint.txt", line: 2)),
                ])
        ]
        workspace.evidence = [
            EvidenceFileRecord(path: "build/junit.xml", kind: "junit", tests: TestCounts(passed: 11, failed: 1), problems: 0),
            EvidenceFileRecord(path: "coverage.out", kind: "go-coverprofile", coverage: CoverageSummary(linesFound: 10, linesHit: 5, files: 1), problems: 1),
            EvidenceFileRecord(path: "ci/helm-lint.txt", kind: "helm", charts: [ChartStatusReference(chart: "redis", status: .failed)], problems: 0),
        ]
        workspace.testFailures = [
            TestFailure(
                status: .failed, suite: "cart", name: "TestTotals", message: "total was 9",
                source: .file("build/junit.xml", line: 7), tasks: ["TN-099"])
        ]
        return workspace
    }

    /// Every optional nil.
    public static var allNil: Workspace {
        Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil),
            tests: nil,
            phases: [Phase(id: "1", name: nil, source: .file("TASKS.md", line: nil), tasks: ["TN-001"])],
            tasks: [TaskRecord(id: "TN-001")],
            findings: [
                Finding(rule: .other("git.missing"), severity: .info, message: LocalizedText(en: "No git.", ru: "Нет git."))
            ],
            claims: [Claim(kind: .grade, text: "Grade A+", source: .file("TASKS.md", line: 2))],
            claimTexts: [ClaimText(text: "done", source: .file("TASKS.md", line: 2))]
        )
    }
}
