import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Verdicts that rest on the document's own history, judged end to end on fixture repositories:
/// files and line counts as the document's versions had them, dates against the document's
/// commits and the repository's start, headings that name a phase's tasks, and figures that are
/// no claim at all (a value before an arrow, a weighted average, a change count in a lines column).
struct DocumentHistoryVerdictTests {
    private func audit(_ repository: GitRepositoryBuilder) throws -> [Claim] {
        try AuditedClaims.of(repository)
    }

    private func plan(_ repository: GitRepositoryBuilder) throws {
        try repository.write("tasks/TASKS.md", """
            # Tasks

            ## Phase 1: Core

            - [x] **TN-001** Parser
            - [x] **TN-002** Writer

            ## Phase 2: Docs

            - [ ] **TN-003** Guide
            """)
    }

    @Test func aLineWrittenWhenTheFileWasSmallerIsJudgedAgainstThatVersion() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 100))
        try repository.write("NOTES.md", "# Notes\n\n- `src/parser.swift` (100 lines) parses\n")
        try repository.commit("feat(TN-001): parser")
        // The file grows; the notes gain an entry about something else.
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 300))
        try repository.write("NOTES.md", "# Notes\n\n- `src/parser.swift` (100 lines) parses\n- writer added\n")
        try repository.commit("feat(TN-002): writer")
        let claim = try #require(try audit(repository).first { $0.kind == .loc && $0.source.file == "NOTES.md" })
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 100)
        #expect(claim.note?.en.contains("which changed the document") == true)
    }

    @Test func aVersionBeforeTheLineWasWrittenIsNoReadingOfIt() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 90))
        try repository.write("NOTES.md", "# Notes\n\n- parser started\n")
        try repository.commit("feat(TN-001): parser")
        // The line is written when the file has 300 lines; the 90-line version predates it.
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 300))
        try repository.write("NOTES.md", "# Notes\n\n- parser started\n- `src/parser.swift` (100 lines) parses\n")
        try repository.commit("feat(TN-002): writer")
        let claim = try #require(try audit(repository).first { $0.kind == .loc && $0.source.file == "NOTES.md" })
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 300)
    }

    @Test func aFileGoneSinceWasThereWhenTheReportNamedIt() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/old.swift", AssessmentFixture.python("line", lines: 5))
        try repository.write("src/keep.swift", AssessmentFixture.python("line", lines: 5))
        try repository.write("REPORT.md", "# Report\n\n## Files Created\n\n- `src/old.swift`\n")
        try repository.commit("feat(TN-001): old")
        try repository.remove("src/old.swift")
        try repository.commit("refactor(TN-002): drop old")
        let claim = try #require(try audit(repository).first { $0.kind == .deliverable && $0.source.file == "REPORT.md" })
        #expect(claim.verdict == .verified)
        #expect(claim.note?.en.contains("existed at commit") == true)
        #expect(claim.note?.ru.contains("был на коммите") == true)
    }

    @Test func aFileGoneSinceIsFoundByTheEndOfItsPathInTheDocumentsCommit() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("app/src/services/submit.py", AssessmentFixture.python("line", lines: 5))
        try repository.write("docs/AUDIT.md", "# Audit\n\n## Files Created\n\n- `services/submit.py`\n")
        try repository.commit("feat(TN-001): submit")
        try repository.remove("app/src/services/submit.py")
        try repository.commit("refactor(TN-002): drop submit")
        let claim = try #require(try audit(repository).first { $0.kind == .deliverable && $0.source.file == "docs/AUDIT.md" })
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "app/src/services/submit.py")
    }

    @Test func aFileNeverMadeUnderAnExistingFolderIsMissingEvenWhenItsOwnFolderIsNot() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/lib/util.swift", AssessmentFixture.python("line", lines: 5))
        try repository.write("REPORT.md", "# Report\n\n## Files Created\n\n- `src/lib/constants/limits.swift`\n")
        try repository.commit("feat(TN-001): util")
        let claim = try #require(try audit(repository).first { $0.kind == .deliverable && $0.source.file == "REPORT.md" })
        #expect(claim.verdict == .contradicted)
    }

    @Test func dateLabelsInEveryLanguageDateTheDocument() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.commit("feat(TN-001): start", date: "1767225600 +0000", allowEmpty: true)
        let day = "2026-01-01"
        try repository.write("REPORT.md", """
            # Report

            > **Отчет сгенерирован:** \(day)

            実行日: \(day)

            **Validated**: \(day)T08:50:00+09:00

            ## \(day)T10:00:00 - check

            Release of the library on 2020-01-01.
            """)
        try repository.commit("docs(TN-001): report", date: "1767232800 +0000")
        let dates = try audit(repository).filter { $0.kind == .date && $0.source.file == "REPORT.md" }
        #expect(dates.filter { $0.subject == Claim.documentDateSubject }.count == 4)
        #expect(dates.filter { $0.subject == Claim.documentDateSubject }.allSatisfy { $0.verdict == .verified })
        let other = try #require(dates.first { $0.claimedValue == "2020-01-01" })
        #expect(other.verdict == nil)
    }

    /// Dated before any commit: copied in from elsewhere, perhaps; the note says how far back.
    @Test func aDocumentDatedBeforeTheRepositoryBeganIsUnverifiableAndSaysSo() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("REPORT.md", "# Report\n\n**Date:** 2001-01-15\n\nA parser (as of May 10, 2013) is used.\n")
        try repository.commit("docs(TN-001): report")
        let dates = try audit(repository).filter { $0.kind == .date && $0.source.file == "REPORT.md" }
        let claim = try #require(dates.first { $0.claimedValue == "2001-01-15" })
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("before the repository's first commit") == true)
        #expect(claim.note?.ru.contains("раньше первого коммита репозитория") == true)
        // `as of` in brackets quotes what something else says of itself.
        let quoted = try #require(dates.first { $0.claimedValue == "2013-05-10" })
        #expect(quoted.verdict == nil)
    }

    @Test func filesToCreateAndEstimatedLinesArePlans() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/job.swift", AssessmentFixture.python("line", lines: 364))
        try repository.write("README.md", """
            # Phase 1

            ## Files to Create

            | File | Lines |
            |------|-------|
            | `src/job.swift` | 200 |

            ## Result

            | File | Est. LOC |
            |------|----------|
            | `src/job.swift` | ~200 |
            """)
        try repository.commit("feat(TN-001): job")
        #expect(try audit(repository).filter { $0.kind == .loc && $0.source.file == "README.md" }.isEmpty)
    }

    @Test func aHeadingNamingAPhasesTasksSpeaksOfThatPhase() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("PROGRESS.md", """
            # Progress

            ### Phase 1: Core (TN-001 to TN-002)

            - **Status:** Completed

            ### Phase 2 of the old schedule

            - **Status:** Completed
            """)
        try repository.commit("docs(TN-001): progress")
        let statuses = try audit(repository).filter { $0.kind == .status && $0.source.file == "PROGRESS.md" }
        let core = try #require(statuses.first { $0.source.line == 5 })
        #expect(core.phase == "1")
        #expect(core.verdict == .verified)
        // A phase number alone names no phase of the master list.
        let old = try #require(statuses.first { $0.source.line == 9 })
        #expect(old.phase == nil)
    }

    @Test func figuresThatAreNoClaimOfTheirKind() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/main.swift", AssessmentFixture.python("line", lines: 30))
        try repository.write("STATUS.md", """
            # Status

            Coverage: 40% → 60%

            | Task | Quality |
            |------|---------|
            | TN-001 | 120% |
            | TN-002 | 130% |

            **Weighted Average**: 127%

            | File | Lines |
            |------|-------|
            | `src/main.swift` | ~20 changes |
            | `src/main.swift` | +17 |
            """)
        try repository.commit("docs(TN-001): status")
        let claims = try audit(repository).filter { $0.source.file == "STATUS.md" }
        #expect(!claims.contains { $0.text.contains("40%") })
        #expect(!claims.contains { $0.kind == .average })
        #expect(!claims.contains { $0.kind == .loc })
    }
}

extension DocumentHistoryVerdictTests {
    @Test func linesMissedByCoverageAreNoFileLength() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("app/use_case.py", AssessmentFixture.python("line", lines: 260))
        try repository.write("QA.md", """
            # QA

            **Упущенные строки в `app/use_case.py`** (12 lines):

            Missed lines in `app/use_case.py` (12 lines)

            Coverage 93,2 %, `app/use_case.py` (260 lines)
            """)
        try repository.commit("test(TN-001): qa")
        let lines = try audit(repository).filter { $0.kind == .loc && $0.source.file == "QA.md" }
        #expect(lines.map(\.claimed) == [260])
        #expect(lines.first?.verdict == .verified)
    }
}

extension DocumentHistoryVerdictTests {
    @Test func aPathWithFoldersThatTwoFilesEndWithExistsButABareNameIsNoEvidence() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("services/a/app/api/models.py", AssessmentFixture.python("line", lines: 3))
        try repository.write("services/b/app/api/models.py", AssessmentFixture.python("line", lines: 3))
        try repository.write("services/a/app/index.ts", AssessmentFixture.python("line", lines: 3))
        try repository.write("services/b/app/index.ts", AssessmentFixture.python("line", lines: 3))
        try repository.write("REPORT.md", """
            # Report

            ## Files Created

            - `app/api/models.py`
            - `index.ts`

            ## Files

            | File | Action |
            |------|--------|
            | `.github/workflows/old.yml` | Delete |
            """)
        try repository.commit("feat(TN-001): models")
        let deliverables = try audit(repository).filter { $0.kind == .deliverable && $0.source.file == "REPORT.md" }
        #expect(deliverables.first { $0.subject == "app/api/models.py" }?.verdict == .verified)
        #expect(deliverables.first { $0.subject == "app/api/models.py" }?.note?.en.contains("whichever is meant") == true)
        #expect(deliverables.first { $0.subject == "index.ts" }?.verdict == .unverifiable)
        #expect(!deliverables.contains { $0.subject?.contains("old.yml") == true })
    }
}

extension DocumentHistoryVerdictTests {
    /// `**path** — what it is (72 lines)`: the item's leading path is what the count measures;
    /// a file name that only one file of the work tree has is that file.
    @Test func anItemsLeadingPathAndAUniqueNameAreTheFilesCounted() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("tests/e2e/session.spec.ts", AssessmentFixture.python("line", lines: 59))
        try repository.write("legacy/java/LoadHelpers.java", AssessmentFixture.python("line", lines: 397))
        try repository.write("REPORT.md", """
            # Report

            1. **tests/e2e/session.spec.ts** — session tests (72 lines)
            2. Reviewed `LoadHelpers.java` (398 LOC)
            3. `tests/e2e/` (1,200 lines total)
            4. [Output buffer cap (1000 lines)](tests/e2e/session.spec.ts)
            """)
        try repository.commit("test(TN-001): e2e")
        let lines = try audit(repository).filter { $0.kind == .loc && $0.source.file == "REPORT.md" }
        let session = try #require(lines.first { $0.claimed == 72 })
        #expect(session.subject == "tests/e2e/session.spec.ts")
        #expect(session.verdict == .contradicted)
        #expect(lines.first { $0.claimed == 398 }?.verdict == .verified)
        // A link's words are not the file it points to.
        #expect(lines.first { $0.claimed == 1000 }?.subject == nil)
        // A folder's lines are not counted: no evidence either way.
        #expect(lines.first { $0.claimed == 1200 }?.verdict == .unverifiable)
    }
}
