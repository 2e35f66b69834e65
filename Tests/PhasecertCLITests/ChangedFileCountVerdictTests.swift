import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// File counts of reports judged end to end against the files the commit a line describes
/// changed, on fixture repositories built here.
struct ChangedFileCountVerdictTests {
    /// The file counts stated on `line` of `document`.
    private func counts(in document: String, line: Int, of repository: GitRepositoryBuilder) throws -> [Claim] {
        try AuditedClaims.of(repository).filter {
            $0.kind == .fileCount && $0.source.file == document && $0.source.line == line
        }
    }

    /// A feature `F17` implemented in one commit (two source files, a test, a settings file, a
    /// plan), fixed in another when `fixed`, and reported on in a later commit whose subject names
    /// the feature.
    private func feature(report: String, fixed: Bool = false) throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("README.md", "# Store\n")
        try repository.commit("chore: start")
        try repository.write("store/cache.go", "package store\n")
        try repository.write("store/queue.go", "package store\n")
        try repository.write("store/cache_test.go", "package store\n")
        try repository.write("store/settings.json", "{}\n")
        try repository.write("docs/F17-plan.md", "# Plan\n")
        try repository.commit("feat(F17): cache and queue")
        if fixed {
            try repository.write("store/cache.go", "package store\n\nvar size = 1\n")
            try repository.commit("fix(F17): cache size")
        }
        try repository.write("docs/F17-report.md", report)
        try repository.commit("docs(F17): validation report")
        return repository
    }

    @Test func aCountOfTheFeaturesSourceFilesIsVerifiedByItsCommit() throws {
        let repository = try feature(report: "# Validation report\n\n## Result\n\n- **Files Changed**: 3\n")
        let claim = try #require(try counts(in: "docs/F17-report.md", line: 5, of: repository).first)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 3)
        #expect(claim.subject == FileCountScope.source.rawValue)
        #expect(claim.evidenceBasis?.kind == .changedFiles)
        #expect(claim.note?.en.contains("changed 3 files of source code and tests") == true)
    }

    @Test func aRussianCountOfFilesOfOneNameIsVerified() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("api/logger.py", "import logging\n")
        try repository.write("worker/logger.py", "import logging\n")
        try repository.write("api/main.py", "print(1)\n")
        try repository.write("REPORT.md", "# Отчёт о выполнении\n\n## Итог\n\nИзменено 3 файла: 2 logger.py и точка входа.\n")
        try repository.commit("feat: json logs")
        let claims = try counts(in: "REPORT.md", line: 5, of: repository)
        #expect(claims.map(\.verdict) == [.verified, .verified])
        let named = try #require(claims.first { $0.verifiedValue == "logger.py" })
        #expect(named.verified == 2)
        #expect(named.note?.ru.contains("изменил файлов с именем logger.py: 2") == true)
    }

    @Test func aCountOfChangedFilesOfTheCommitTheLineNamesIsContradicted() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache.go", "package store\n")
        try repository.write("store/queue.go", "package store\n")
        let commit = try repository.commit("feat: cache")
        try repository.write("REPORT.md", "# Validation report\n\n## Gates\n\n- Implementation: commit \(commit) (4 files changed)\n")
        try repository.commit("docs: report")
        let claim = try #require(try counts(in: "REPORT.md", line: 5, of: repository).first)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 2)
        #expect(claim.discrepancy == -2)
    }

    @Test func aCountThatMayLeaveOutDocumentationIsUnverifiable() throws {
        let repository = try feature(report: "# Отчёт о валидации\n\n## Итог\n\n- Файлов изменено: 6\n")
        let claim = try #require(try counts(in: "docs/F17-report.md", line: 5, of: repository).first)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.verified == 5)
        #expect(claim.note?.ru.contains("число может считать другие файлы") == true)
        #expect(claim.note?.en.contains("may count other files") == true)
    }

    @Test func aPartOfALargerCountIsNotComparedWithTheCommit() throws {
        let repository = try feature(report: "# Validation report\n\n## Result\n\n- 3 files changed: 2 files with caching and a test\n")
        let claims = try counts(in: "docs/F17-report.md", line: 5, of: repository)
        let part = try #require(claims.first { $0.claimed == 2 })
        #expect(part.verdict == .unverifiable)
        #expect(part.evidenceBasis == nil)
        #expect(claims.first { $0.claimed == 3 }?.verdict == .verified)
    }

    @Test func aFeatureOfSeveralSourceCommitsLeavesTheCountUnverifiable() throws {
        let repository = try feature(report: "# Validation report\n\n## Result\n\n- Files Changed: 3\n", fixed: true)
        let claim = try #require(try counts(in: "docs/F17-report.md", line: 5, of: repository).first)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.evidenceBasis == nil)
    }
}
