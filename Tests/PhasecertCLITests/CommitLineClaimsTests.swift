import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// "(538 LOC)" in a commit subject names no file: it speaks of what that commit added, and is
/// judged against the commit's own `git diff --numstat`, not looked up as a file.
struct CommitLineClaimsTests {
    private func repository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "# TN-001\n\n- [x] Parse\n")
        try repository.commit("TN-001: plan")
        let twelve = (1...12).map { "let a\($0) = \($0)" }.joined(separator: "\n") + "\n"
        try repository.write("src/parser.swift", twelve)
        try repository.commit("feat(TN-001): parser (12 LOC)")
        let ten = (1...10).map { "let b\($0) = \($0)" }.joined(separator: "\n") + "\n"
        try repository.write("src/lexer.swift", ten)
        try repository.commit("feat(TN-001): lexer (100 LOC)")
        return repository
    }

    private func claims(_ repository: GitRepositoryBuilder) throws -> [Claim] {
        let result = CapturedConsole.run(["audit", "--json"], in: repository.path)
        #expect(result.code <= 1, "\(result.err)")
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        return workspace.claims.filter { $0.kind == .loc }
    }

    @Test func aSubjectLineCountWithinToleranceIsVerifiedAgainstItsCommit() throws {
        let repository = try repository()
        let claim = try #require(try claims(repository).first { $0.text.contains("12") })
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 12)
        #expect(claim.note?.en.hasPrefix("commit ") == true)
        #expect(claim.note?.en.hasSuffix("added 12 lines") == true)
    }

    @Test func aSubjectLineCountFarFromItsCommitIsContradicted() throws {
        let repository = try repository()
        let claim = try #require(try claims(repository).first { $0.text.contains("100") })
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 10)
        #expect(claim.discrepancy == -90)
        #expect(claim.note?.ru.contains("добавил строк: 10") == true)
    }
}
