import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// `phasecert audit`: claims judged against the evidence, from the repository's own documents
/// or from the files given.
struct AuditCommandTests {
    static let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports").path

    /// A repository with one task whose report claims a test count nothing backs.
    func repository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
        try repository.write("tasks/TN-001-parser/requirements.md", "# Parser\n\nRead the input.\nWrite the output.\nTell errors.\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [x] read\n- [x] write\n")
        try repository.write("tasks/TN-001-parser/REPORT.md", "# TN-001 report\n\nAll 9/9 tests passing.\n")
        _ = try repository.commit("TN-001: parser")
        return repository
    }

    @Test func aContradictedClaimIsListedAndExitsWith1() throws {
        let repository = try repository()
        let result = CapturedConsole.run(["audit", "--repo", repository.path], in: "/")
        #expect(result.code == 1)
        #expect(result.out.contains("contradicted"))
        #expect(result.out.contains("tasks/TN-001-parser/REPORT.md:3"))
        #expect(result.out.contains("Claims: 1 — 0 verified, 1 contradicted, 0 inconsistent, 0 unverifiable, 0 not judged"))
    }

    @Test func jsonCarriesVerdictsFindingsScoresAndTheGate() throws {
        let repository = try repository()
        let result = CapturedConsole.run(["audit", "--json", "--repo", repository.path], in: "/")
        #expect(result.code == 1)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        let claim = try #require(workspace.claims.first)
        #expect(claim.kind == .testCount)
        #expect(claim.verdict == .contradicted)
        #expect(claim.claimed == 9)
        #expect(claim.verified == 0)
        #expect(workspace.findings.contains { $0.rule == .claimContradicted && $0.line == 3 && $0.task == "TN-001" })
        let phase = try #require(workspace.phases.first)
        #expect(phase.gate?.passed == false)
        let id = try #require(phase.certification?.id)
        #expect(id.wholeMatch(of: /1-\d{8}-100PCT-[A-F][+-]?-[0-9a-f]{8}/) != nil)
        #expect(workspace.tasks.first?.quality != nil)
    }

    @Test func filesGivenAreAuditedInsteadOfTheRepositorysDocuments() throws {
        let repository = try repository()
        let report = Self.reports + "/PHASE_07_SUMMARY.en.md"
        let result = CapturedConsole.run(["audit", "--repo", repository.path, report], in: "/")
        #expect(result.code == 1)
        // The repository's own report is not read; the given one is, by the path as given.
        #expect(!result.out.contains("REPORT.md:3"))
        #expect(result.out.contains("inconsistent  ratio"))
        #expect(result.out.contains("7/8 = 92%"))
        #expect(result.out.contains("inconsistent  average"))
        #expect(result.out.contains("inconsistent  target"))
        #expect(result.out.contains("inconsistent  completion"))
        #expect(!result.out.contains("19/20 = 95%"), "a consistent ratio is verified, not listed")

        let all = CapturedConsole.run(["audit", "--all", "--repo", repository.path, report], in: "/")
        let consistent = try #require(all.out.split(separator: "\n").first { $0.contains("19/20 = 95%") })
        #expect(consistent.hasPrefix("verified"))
    }

    @Test func anUnknownPhaseIsAUsageError() throws {
        let repository = try repository()
        let result = CapturedConsole.run(["audit", "--phase", "7", "--repo", repository.path], in: "/")
        #expect(result.code == 2)
        #expect(result.err.contains("no phase 7"))
    }

    @Test func anUnreadableFileExitsWith3NamingIt() throws {
        let repository = try repository()
        let result = CapturedConsole.run(["audit", "--repo", repository.path, "/nonexistent/REPORT.md"], in: "/")
        #expect(result.code == 3)
        #expect(result.err.contains("/nonexistent/REPORT.md"))
    }
}
