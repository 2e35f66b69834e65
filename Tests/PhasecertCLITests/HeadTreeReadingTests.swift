import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// A file as a report's commit had it is read from HEAD's tree, listed once, when nothing since
/// that commit can have changed it; these cases must still read the commit's own tree.
struct HeadTreeReadingTests {
    private func locClaim(in repository: GitRepositoryBuilder, document: String) throws -> Claim {
        let result = CapturedConsole.run(["audit", "--json"], in: repository.path)
        #expect(result.code <= 1, "\(result.err)")
        let claims = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8)).claims
        return try #require(claims.first { $0.kind == .loc && $0.source.file == document })
    }

    private func plan(_ repository: GitRepositoryBuilder) throws {
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n- [x] **TN-002** Writer\n")
    }

    @Test func aFileUntouchedSinceTheReportIsCountedAsHeadHasIt() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 120))
        try repository.write("NOTES.md", "# Notes\n\n- `src/parser.swift` (100 lines) parses\n")
        try repository.commit("feat(TN-001): parser")
        try repository.write("src/writer.swift", AssessmentFixture.python("line", lines: 10))
        try repository.commit("feat(TN-002): writer")
        let claim = try locClaim(in: repository, document: "NOTES.md")
        #expect(claim.verified == 120)
        #expect(claim.verdict == .contradicted)
    }

    @Test func aFileRenamedAwaySinceIsReadAtTheReportsCommit() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 100))
        try repository.write("NOTES.md", "# Notes\n\n- `src/parser.swift` (100 lines) parses\n")
        try repository.commit("feat(TN-001): parser")
        try repository.git(["mv", "src/parser.swift", "src/reader.swift"])
        try repository.commit("refactor(TN-002): rename the parser")
        let claim = try locClaim(in: repository, document: "NOTES.md")
        #expect(claim.verified == 100)
        #expect(claim.verdict == .verified)
    }

    /// The report is written on a side branch; the file grows on the main line, dated before the
    /// report, and the branch is merged. HEAD's file is not the one the report's commit had, though
    /// no commit listed after the report touched it: the merge above it rules HEAD's tree out.
    @Test func aReportBelowAMergeIsReadInItsOwnTree() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 100))
        try repository.commit("feat(TN-001): parser")
        try repository.git(["branch", "side"])
        try repository.write("src/parser.swift", AssessmentFixture.python("line", lines: 300))
        try repository.commit("feat(TN-001): parser grows")
        try repository.git(["checkout", "-q", "side"])
        try repository.write("NOTES.md", "# Notes\n\n- `src/parser.swift` (100 lines) parses\n")
        try repository.commit("docs(TN-002): notes")
        try repository.git(["checkout", "-q", "-"])
        try repository.merge(["side"], message: "Merge branch 'side'")
        let claim = try locClaim(in: repository, document: "NOTES.md")
        #expect(claim.verified == 100)
        #expect(claim.verdict == .verified)
    }
}
