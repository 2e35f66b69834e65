import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Claims as `WorkspaceScanner` gathers them: from the master list, task documents, existing
/// reports and commit subjects, in a fixed order, with their facts.
struct ClaimExtractionScanTests {
    /// A small repository: phase 7 with LF-040 (a folder and a report) and LF-041, a phase summary
    /// in `docs/`, other Markdown (read: every Markdown file but plans is), and reports that must
    /// not be read (excluded, in the reports folder).
    func repository() throws -> (GitRepositoryBuilder, first: String, last: String) {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", """
            # Tasks
            ## Phase 7: Observability - 1/2 tasks complete
            - [x] **LF-040** Metrics exporter ✅ 22/22 tests passing
            - [ ] **LF-041** Log shipper
            """)
        try repository.write("tasks/LF-040-metrics/tasks.md", "- [x] wire the exporter\n")
        // Plans: their figures are targets and examples, not claims of what was done.
        try repository.write("tasks/LF-040-metrics/requirements.md", "Export 40 metrics with 95% coverage by November 30, 2025.\n")
        try repository.write("tasks/LF-040-metrics/design.md", "The exporter (120 LOC) has 12 tests passing.\n")
        try repository.write("tasks/LF-040-metrics/REPORT.md", """
            # Exporter report

            Reached 91% coverage.

            ## Files Created (1 total)

            - `services/exporter/metrics.go` (2 LOC)
            - `services/exporter/missing.go`
            """)
        try repository.write("services/exporter/metrics.go", "package exporter\n\nfunc Export() {}\n")
        let first = try repository.commit("LF-040: exporter with 22/22 tests passing")
        try repository.write("docs/PHASE_07_SUMMARY.md", """
            # Phase 7: Observability

            | Task | Tests |
            |------|-------|
            | LF-040 | 22 |
            | LF-041 | 14 |
            | **Total** | **30** |

            | Commit | Message |
            |--------|---------|
            | \(first.prefix(8)) | exporter |
            """)
        try repository.write("docs/notes.md", "Nothing here is a report: 99% coverage.\n")
        try repository.write("Tests/Fixtures/reports/PHASE_SUMMARY.md", "# Phase 7\n\n98% coverage\n")
        try repository.write("reports/phase-7/AUDIT_SUMMARY.md", "# Phase 7\n\n97% coverage\n")
        try repository.write("docs/BROKEN_REPORT.md", bytes: [0x23, 0x00, 0x01])
        let last = try repository.commit("Add the phase summary, 1 table")
        return (repository, first, last)
    }

    func scan(_ repository: GitRepositoryBuilder) throws -> Workspace {
        var configuration = Configuration()
        configuration.evidence.exclude = ["Tests/Fixtures/**"]
        return try WorkspaceScanner(repository: repository.path, configuration: configuration).scan()
    }

    @Test func claimsComeFromTheMasterListTaskDocumentsReportsAndCommitSubjects() throws {
        let (repository, first, last) = try repository()
        let claims = try scan(repository).claims

        let masterList = claims.filter { $0.source.file == "tasks/TASKS.md" }
        let taskTests = try #require(masterList.first { $0.kind == .testCount })
        #expect(taskTests.source == .file("tasks/TASKS.md", line: 3))
        #expect(taskTests.task == "LF-040")
        #expect(taskTests.phase == "7")
        #expect(masterList.contains { $0.source.line == 2 && $0.task == nil && $0.phase == "7" })

        let document = claims.filter { $0.source.file == "tasks/LF-040-metrics/REPORT.md" }
        #expect(document.allSatisfy { $0.task == "LF-040" && $0.phase == "7" })
        #expect(document.first { $0.kind == .coverage }?.source.line == 3)
        #expect(document.first { $0.kind == .fileCount }?.expected == 2)
        let loc = try #require(document.first { $0.kind == .loc })
        #expect(loc.claimed == 2)
        #expect(loc.verified == 3)
        #expect(loc.verifiedValue == "services/exporter/metrics.go")
        let deliverables = document.filter { $0.kind == .deliverable }
        #expect(deliverables.map(\.subject) == ["services/exporter/metrics.go", "services/exporter/missing.go"])
        #expect(deliverables.map(\.verified) == [1, 0])

        let report = claims.filter { $0.source.file == "docs/PHASE_07_SUMMARY.md" }
        let total = try #require(report.first { $0.kind == .total })
        #expect(total.claimed == 30)
        #expect(total.expected == 36)
        #expect(total.phase == "7")
        #expect(total.task == nil)
        let commit = try #require(report.first { $0.kind == .commitRef })
        #expect(commit.verified == 1)
        #expect(commit.verifiedValue == first)

        let subjects = claims.filter { $0.source.file == nil }
        #expect(subjects.map(\.source) == [.commit(first)])
        #expect(subjects.first?.kind == .testCount)
        #expect(subjects.first?.task == "LF-040")
        #expect(subjects.first?.phase == "7")
        #expect(!claims.contains { $0.source == .commit(last) && $0.kind == .testCount })
        #expect(claims.allSatisfy { $0.verdict == nil })
    }

    /// requirements.md and design.md are read as documents (line counts) but not for claims.
    @Test func planDocumentsAreNotReadForClaims() throws {
        let (repository, _, _) = try repository()
        let workspace = try scan(repository)
        let task = try #require(workspace.task("LF-040"))
        #expect(task.documents.map(\.path).contains("tasks/LF-040-metrics/requirements.md"))
        #expect(!workspace.claims.contains { $0.source.file?.hasSuffix("requirements.md") == true })
        #expect(!workspace.claims.contains { $0.source.file?.hasSuffix("design.md") == true })
    }

    /// A report is known by what it says, not by its name: `docs/notes.md` is read like the
    /// summary; excluded files and the reports folder are not.
    @Test func excludedFilesAndTheReportsFolderAreNotReadButOtherMarkdownIs() throws {
        let (repository, _, _) = try repository()
        let workspace = try scan(repository)
        let files = Set(workspace.claims.compactMap(\.source.file))
        #expect(files == ["docs/PHASE_07_SUMMARY.md", "docs/notes.md", "tasks/LF-040-metrics/REPORT.md", "tasks/TASKS.md"])
        // The one report that could not be read is said to be so; nothing else is added.
        let unreadable = workspace.findings.filter { $0.rule == .scanUnreadable }
        #expect(unreadable.map(\.file) == ["docs/BROKEN_REPORT.md"])
    }

    @Test func claimsAreOrderedByFileAndLineThenCommitsInHistoryOrder() throws {
        let (repository, _, _) = try repository()
        let claims = try scan(repository).claims
        let fileKeys = claims.prefix { $0.source.file != nil }.map { ($0.source.file ?? "", $0.source.line ?? 0) }
        #expect(fileKeys.count + 1 == claims.count)
        for (lhs, rhs) in zip(fileKeys, fileKeys.dropFirst()) {
            #expect(lhs.0 < rhs.0 || (lhs.0 == rhs.0 && lhs.1 <= rhs.1))
        }
        // Scanning twice gives the same claims.
        #expect(try scan(repository).claims == claims)
    }

    @Test func withoutGitDocumentsAreStillReadAndCommitFactsStayUnknown() throws {
        let (repository, _, _) = try repository()
        try FileManager.default.removeItem(atPath: repository.path + "/.git")
        let claims = try scan(repository).claims
        #expect(claims.allSatisfy { $0.source.file != nil })
        let commit = try #require(claims.first { $0.kind == .commitRef })
        #expect(commit.verified == nil)
        #expect(claims.first { $0.kind == .loc }?.verified == 3)
    }
}
