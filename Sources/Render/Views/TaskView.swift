import PhaseModel

/// What the completion report of one task shows: its state, the files its commits changed by
/// category, its checklist by section, its history, tests, coverage, dependencies, findings and
/// the certification id of its phase; formatted for one locale.
///
/// Text someone else wrote (the title, section titles, commit subjects, finding messages) is
/// Markdown escaped here, and quoted when it states a figure (`QuotedMarkdown.guarded`), so this
/// report never repeats a claim of theirs; templates insert those values with `{{{…}}}`. Nothing
/// untrusted stands in a heading, where the claim scanner would let it change how the section
/// below is read.
struct TaskView {
    let title: String
    let taskID: String
    /// Markdown.
    let taskTitle: String
    /// Markdown: the phase id and name, or "no phase".
    let phase: String
    let status, completion, quality, grade: String
    /// Markdown: the phasecert that wrote the report, for its certification section.
    let tool: String

    let hasHistory: Bool
    let categories: [Category]
    let hasFiles: Bool

    let hasChecklist: Bool
    let checklistFile: String
    let sections: [Section]
    let checked, items, percent: String

    let commits: [Commit]
    let hasCommits: Bool
    let hasMerges: Bool
    /// Some commit was counted without some of its files, or not at all (`git.object-unreadable`).
    let hasPartialCounts: Bool

    let hasTests: Bool
    let testsPassed, testsFailed, testsErrored, testsSkipped, testsFlaky, testsDefined: String

    let hasCoverage: Bool
    let coveragePercent, coverageHit, coverageFound, coverageFiles: String

    let dependencies: [Dependency]
    let hasDependencies: Bool

    let findings: [FindingRow]
    let hasFindings: Bool

    let hasPhase: Bool
    let phaseID: String
    let certificationID: String
    let hasCertification: Bool

    /// The files of one category (documentation, code, …), with how many there are.
    struct Category {
        let name, count: String
        let files: [File]
    }

    struct File {
        let path, change, added, deleted, commits: String
    }

    /// One checklist section; `title` is Markdown.
    struct Section {
        let number, title, checked, total, percent: String
    }

    /// One commit; `subject` and `date` are Markdown. The date is quoted: the audit would read it
    /// as a date claim and hold this committer date against the span of author dates, which a
    /// rebased commit falls outside of.
    struct Commit {
        let id, subject, added, deleted, date: String
        let isMerge: Bool
        let merge: String
    }

    /// A declared dependency and its state; `title` is Markdown.
    struct Dependency {
        let id, title, state: String
    }

    /// `message` and `remediation` are Markdown.
    struct FindingRow {
        let severity, rule, location, message, remediation: String
    }

    /// The view of the task `taskID` of `input`.
    /// - Throws: `UnknownSubjectError` when the workspace has no such task.
    init(task taskID: String, input: ReportInput, text: ViewText) throws {
        self.init(source: try TaskReportSource(task: taskID, input: input), text: text)
    }

    /// The view of `source`: it reads nothing else, so that the source decides the report.
    init(source: TaskReportSource, text: ViewText) {
        let task = source.task
        let catalog = text.catalog
        self.taskID = task.id
        title = catalog.text("taskReport.title", ["id": task.id])
        taskTitle = task.title.map(text.guarded) ?? MarkdownText.inline(text.none)
        if let id = task.phase {
            let name = source.phaseName.map(text.guarded)
            self.phase = name.map { catalog.text("taskReport.phase.named", ["id": MarkdownText.inline(id), "name": $0]) }
                ?? MarkdownText.inline(id)
        } else {
            self.phase = MarkdownText.inline(catalog.text("taskReport.phase.none"))
        }
        status = text.taskStatus(task.completion)
        completion = text.percent(task.completion.map { $0 * 100 })
        quality = text.number(task.quality)
        grade = task.grade ?? text.none
        tool = text.tool(source.tool)

        let history = source.history
        hasHistory = history != nil
        let files = history?.files ?? []
        categories = FileCategory.allCases.compactMap { category in
            let members = files.filter { $0.category == category }.sorted { $0.path < $1.path }
            guard !members.isEmpty else { return nil }
            return Category(
                name: catalog.text("taskReport.category.\(category.rawValue)"),
                count: catalog.counted(members.count, "noun.file"),
                files: members.map { file in
                    let change = file.removed ? "removed" : file.created ? "created" : "changed"
                    let unread = file.unreadable == true
                    let none = catalog.text(unread && file.added == nil ? "taskReport.unreadable" : "taskReport.binary")
                    return File(
                        path: file.path, change: catalog.text("taskReport.change.\(change)"),
                        added: file.added.map { Self.lines("+", $0, atLeast: unread, text) } ?? none,
                        deleted: file.deleted.map { Self.lines("-", $0, atLeast: unread, text) } ?? none,
                        commits: text.integer(file.commits))
                })
        }
        hasFiles = !files.isEmpty

        let checklist = task.checklist
        hasChecklist = checklist != nil
        checklistFile = checklist?.file ?? ""
        let untitled = MarkdownText.inline(catalog.text("taskReport.untitledSection"))
        sections = (checklist?.sections ?? []).enumerated().map { index, section in
            Section(
                number: text.integer(index + 1), title: section.title.map(text.guarded) ?? untitled,
                checked: text.integer(section.checked), total: text.integer(section.total),
                percent: Self.share(section.checked, of: section.total, text))
        }
        checked = text.integer(checklist?.checked)
        items = text.integer(checklist?.total)
        percent = checklist.map { Self.share($0.checked, of: $0.total, text) } ?? text.none

        commits = (history?.commits ?? []).map { commit in
            let atLeast = commit.unreadableFiles != nil
            return Commit(
                id: commit.shortID, subject: text.guarded(commit.subject),
                added: commit.hasCounts ? Self.lines("+", commit.added, atLeast: atLeast, text) : text.none,
                deleted: commit.hasCounts ? Self.lines("-", commit.deleted, atLeast: atLeast, text) : text.none,
                date: text.guarded(text.date(commit.date)), isMerge: commit.isMerge,
                merge: catalog.text("taskReport.merge"))
        }
        hasCommits = !commits.isEmpty
        hasMerges = commits.contains(where: \.isMerge)
        hasPartialCounts = (history?.commits ?? []).contains { $0.unreadableFiles != nil || !$0.hasCounts }

        let tests = task.tests
        hasTests = tests != nil
        testsPassed = text.integer(tests?.passed)
        testsFailed = text.integer(tests?.failed)
        testsErrored = text.integer(tests?.errored)
        testsSkipped = text.integer(tests?.skipped)
        testsFlaky = text.integer(tests?.flaky)
        testsDefined = text.integer(tests?.defined)

        let coverage = task.coverage
        hasCoverage = coverage != nil
        coveragePercent = text.percent(coverage?.percent)
        coverageHit = text.integer(coverage?.linesHit)
        coverageFound = text.integer(coverage?.linesFound)
        coverageFiles = text.integer(coverage?.files)

        dependencies = source.dependencies.map { dependency in
            guard dependency.known else {
                return Dependency(
                    id: dependency.id, title: MarkdownText.inline(text.none), state: catalog.text("taskReport.dependency.unknown"))
            }
            return Dependency(
                id: dependency.id, title: dependency.title.map(text.guarded) ?? MarkdownText.inline(text.none),
                state: text.taskStatus(dependency.completion))
        }
        hasDependencies = !dependencies.isEmpty

        findings = source.findings.map { finding in
            FindingRow(
                severity: text.severity(finding.severity), rule: finding.rule.rawValue,
                location: text.location(finding.file, finding.line, commit: finding.commit),
                message: text.guarded(text.text(finding.message)),
                remediation: finding.remediation.map { text.guarded(text.text($0)) }
                    ?? MarkdownText.inline(catalog.text("taskReport.noRemediation")))
        }
        hasFindings = !findings.isEmpty

        hasPhase = task.phase != nil
        phaseID = task.phase ?? ""
        certificationID = source.certificationID ?? ""
        hasCertification = source.certificationID != nil
    }

    /// `+12`, or `at least +12` when some of what it sums could not be read.
    static func lines(_ sign: String, _ value: Int, atLeast: Bool, _ text: ViewText) -> String {
        let figure = sign + text.integer(value)
        return atLeast ? text.catalog.text("taskReport.atLeast", ["value": figure]) : figure
    }

    /// `checked / total × 100` as the locale prints a percentage; "no evidence" for no items.
    static func share(_ checked: Int, of total: Int, _ text: ViewText) -> String {
        total > 0 ? text.percent(Double(checked) / Double(total) * 100) : text.none
    }
}
