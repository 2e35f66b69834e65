import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Line counts in a report's tables, judged end to end: each file as the report's commit had
/// it, each history row against what its commit added.
struct LineCountEvidenceTests {
    private static func lines(_ count: Int) -> String {
        (1...count).map { "line \($0)" }.joined(separator: "\n") + "\n"
    }

    private func repository() throws -> (GitRepositoryBuilder, code: String) {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Chart\n")
        try repository.write("tasks/TN-001-chart/tasks.md", "# TN-001\n\n- [x] Chart\n")
        try repository.write("helm/chart/values.yaml", Self.lines(40))
        try repository.write("helm/chart/Chart.yaml", Self.lines(10))
        let code = try repository.commit("feat(TN-001): chart")
        try repository.write("tasks/TN-001-chart/REPORT.md", """
            # TN-001 report

            | File | Строк |
            |------|-------|
            | ../../helm/chart/values.yaml | 40 |
            | `helm/chart/Chart.yaml` | 25 |
            | `helm/chart/templates/job.yaml` | ~200 |

            | Commit | Subject | Lines |
            |--------|---------|-------|
            | \(code.prefix(7)) | feat(TN-001): chart | 58 |
            | \(code.prefix(8)) | feat(TN-001): chart | 500 |
            | 0000000 | lost | 12 |

            """)
        try repository.commit("docs(TN-001): report")
        // After the report: the values grow and a template the report estimated appears.
        try repository.write("helm/chart/values.yaml", Self.lines(200))
        try repository.write("helm/chart/templates/job.yaml", Self.lines(369))
        try repository.commit("feat(TN-001): job template")
        return (repository, code)
    }

    private func claims(_ repository: GitRepositoryBuilder) throws -> [Claim] {
        let result = CapturedConsole.run(["audit", "--json"], in: repository.path)
        #expect(result.code <= 1, "\(result.err)")
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        return workspace.claims.filter { $0.kind == .loc && $0.source.file == "tasks/TN-001-chart/REPORT.md" }
    }

    @Test func fileRowsAreJudgedAsTheReportsCommitHadTheFiles() throws {
        let (repository, _) = try repository()
        let found = try claims(repository)
        let values = try #require(found.first { $0.subject == "../../helm/chart/values.yaml" })
        // 200 lines today, 40 when the report was committed.
        #expect(values.verdict == .verified)
        #expect(values.verified == 40)
        #expect(values.verifiedValue == "helm/chart/values.yaml")
        #expect(values.note?.en.contains("had 40 lines at commit") == true)
        #expect(values.note?.ru.contains("на коммите") == true)
        let chart = try #require(found.first { $0.subject == "helm/chart/Chart.yaml" })
        #expect(chart.verdict == .contradicted)
        #expect(chart.verified == 10)
        #expect(chart.discrepancy == -15)
        #expect(chart.note?.en == "helm/chart/Chart.yaml has 10 lines")
    }

    @Test func aFileRowWrittenBeforeTheFileExistedIsAnEstimate() throws {
        let (repository, _) = try repository()
        let job = try #require(try claims(repository).first { $0.subject == "helm/chart/templates/job.yaml" })
        #expect(job.verdict == .unverifiable)
        #expect(job.bound == .about)
        #expect(job.note?.en.contains("did not exist at commit") == true)
        #expect(job.note?.ru.contains("план или оценка") == true)
    }

    @Test func historyRowsAreJudgedAgainstTheLinesTheirCommitAdded() throws {
        let (repository, code) = try repository()
        let rows = try claims(repository).filter { $0.claimedValue != nil }
        #expect(rows.map(\.claimed) == [58, 500, 12])
        #expect(rows.map(\.verdict) == [.verified, .contradicted, .unverifiable])
        // TASKS.md (5) + tasks.md (3) + values.yaml (40) + Chart.yaml (10).
        #expect(rows.map(\.verified) == [58, 58, nil])
        #expect(rows[0].note?.en == "commit \(code.prefix(7)) added 58 lines")
        #expect(rows[1].verifiedValue == code)
        #expect(rows[2].note?.en == "no commit of the history starts with 0000000, so the lines it added cannot be counted")
    }
}
