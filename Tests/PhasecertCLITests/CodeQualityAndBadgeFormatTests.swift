import Foundation
import Testing
import TestSupport

/// `--format codequality` (GitLab Code Quality) and `--format badge` (shields.io endpoint) of
/// `report`, `audit` and `check-names`.
struct CodeQualityAndBadgeFormatTests {
    func json(_ data: Data?) throws -> Any {
        try JSONSerialization.jsonObject(with: try #require(data))
    }

    @Test func reportWritesACodeQualityFilePerPhaseAndOneForAll() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let out = try TemporaryFolder()
        let run = CapturedConsole.run(["report", "--repo", fixture.path, "--format", "codequality,badge", "--out", out.path, "--quiet"], in: "/")
        #expect(run.code == 0, "\(run.err)")
        let files = try ReportFiles.read(out.path)
        #expect(files.keys.sorted() == [
            "codequality.json", "phase-1/badge.json", "phase-1/codequality.json", "phase-2/badge.json", "phase-2/codequality.json",
        ])
        var perPhase = Set<String>()
        for path in ["phase-1/codequality.json", "phase-2/codequality.json", "codequality.json"] {
            let data = try #require(files[path])
            #expect(GitLabCodeQualityRequirements.problems(in: data) == [], "\(path)")
            let issues = try #require(try json(data) as? [[String: Any]])
            #expect(!issues.isEmpty, "\(path)")
            if path != "codequality.json" { perPhase.formUnion(issues.compactMap { $0["fingerprint"] as? String }) }
        }
        // The file for GitLab holds every phase's issues, each once.
        let all = try #require(try json(files["codequality.json"]) as? [[String: Any]])
        #expect(Set(all.compactMap { $0["fingerprint"] as? String }) == perPhase)
        #expect(Set(all.compactMap { $0["check_name"] as? String }).isSuperset(of: ["tests.failing", "claim.contradicted", "naming.noncanonical"]))
    }

    @Test func theBadgeSaysPhaseCompletionGradeAndGate() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let out = try TemporaryFolder()
        let run = CapturedConsole.run(["report", "--format", "badge", "--out", out.path, "--quiet", "--lang", "en,ru"], in: fixture.path)
        #expect(run.code == 0, "\(run.err)")
        let passed = try #require(try json(ReportFiles.read(out.path)["phase-1/badge.json"]) as? [String: Any])
        #expect(passed["schemaVersion"] as? Int == 1)
        #expect(passed["label"] as? String == "phase 1")
        #expect((passed["message"] as? String)?.hasPrefix("100% · ") == true)
        #expect(passed["color"] as? String == "brightgreen")
        let failed = try #require(try json(ReportFiles.read(out.path)["phase-2/badge.json"]) as? [String: Any])
        #expect((failed["message"] as? String)?.hasPrefix("50% · ") == true)
        #expect(failed["color"] as? String == "orange")
    }

    @Test func reportWritesNeitherUnlessAskedFor() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let out = try TemporaryFolder()
        #expect(CapturedConsole.run(["report", "--out", out.path, "--quiet"], in: fixture.path).code == 0)
        let paths = try ReportFiles.read(out.path).keys
        #expect(!paths.contains { $0.hasSuffix("codequality.json") || $0.hasSuffix("badge.json") })
        #expect(paths.contains("phase-1/findings.sarif"))
    }

    @Test func auditPrintsTheFindingsItsClaimsRaise() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let run = CapturedConsole.run(["audit", "--repo", fixture.path, "--format", "codequality"], in: "/")
        #expect(run.code == 1, "\(run.err)")
        let data = Data(run.out.utf8)
        #expect(GitLabCodeQualityRequirements.problems(in: data) == [])
        let rules = Set(try #require(try json(data) as? [[String: Any]]).compactMap { $0["check_name"] as? String })
        #expect(rules.contains("claim.contradicted"))
        #expect(rules.isSubset(of: ["claim.contradicted", "deliverable.missing", "claim.unverifiable", "report.arithmetic"]))

        let out = try TemporaryFolder()
        let written = CapturedConsole.run(["audit", "--repo", fixture.path, "--format", "codequality", "--out", out.path, "--quiet"], in: "/")
        #expect(written.code == 1)
        #expect(try ReportFiles.read(out.path)["audit.codequality.json"] == data)
        // Badges are a phase's, not an audit's.
        let badge = CapturedConsole.run(["audit", "--repo", fixture.path, "--format", "badge"], in: "/")
        #expect(badge.code == 2)
        #expect(badge.err.contains("expected one of md, html, codequality"))
    }

    @Test func checkNamesWritesCodeQuality() throws {
        let (root, keep) = try CheckNamesCommandTests.fixture()
        let run = CapturedConsole.run(["check-names", "--format", "codequality", "--repo", root], in: "/")
        #expect(run.code == 1)
        let data = Data(run.out.utf8)
        #expect(GitLabCodeQualityRequirements.problems(in: data) == [])
        let issues = try #require(try json(data) as? [[String: Any]])
        #expect(issues.contains { $0["check_name"] as? String == "naming.duplicate-id" && $0["severity"] as? String == "major" })
        withExtendedLifetime(keep) {}
    }
}
