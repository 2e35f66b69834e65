import Foundation
import PhaseModel
import Score
import Testing
import TestSupport

/// A contradicted claim written in phase 1's summary about a task of phase 2 belongs to phase 2
/// (`PhaseMembership`), and one about a task no phase lists belongs to no phase, though it names
/// phase 1; every output agrees: each phase's audit report, `phase.json` claims and findings,
/// certification digest, gate, and the `audit --phase` filters.
struct PhaseMembershipAgreementTests {
    static let summary = "docs/PHASE-1-SUMMARY.md"

    /// A line of the summary claiming tests the repository does not have, and the phase that
    /// owns its claim.
    struct WrongLine: Sendable, CustomTestStringConvertible {
        let text: String
        let owner: String?
        var testDescription: String { text }
    }

    static let wrongLines = [
        WrongLine(text: "- TN-002 lexer: all 9/9 tests passing", owner: "2"),
        // TN-003 has a task folder but no phase: the claim's phase is the summary's, its task none's.
        WrongLine(text: "- TN-003 cache: all 5/5 tests passing", owner: nil),
    ]

    /// Phase 1 (TN-001) and phase 2 (TN-002), both done; a gate of no major finding, so the
    /// contradicted claim fails the gate of the phase it belongs to.
    static let built: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository()
        try repository.write("phasecert.yml", "gate:\n  maxMajor: 0\n")
        try repository.writeTwoPhases()
        try repository.write("tasks/TN-003-cache/tasks.md", "# TN-003\n\n- [x] Write the cache\n")
        try repository.commit("chore: two phases", on: "2025-12-01", hour: 11)
        try repository.write("src/parser.py", "a = 1\n")
        try repository.commit("TN-001: parser", on: "2025-12-02")
        try repository.write("src/lexer.py", "b = 1\n")
        try repository.commit("TN-002: lexer", on: "2025-12-03")
        try repository.write(summary, "# Phase 1: Core — Summary\n\n" + wrongLines.map { $0.text + "\n" }.joined())
        try repository.commit("docs: phase 1 summary", on: "2025-12-04")
        return repository
    }

    /// The assessed workspace, every claim and finding in it, as `audit --json` prints it.
    static let assessed: Result<Workspace, any Error> = Result {
        let result = CapturedConsole.run(["audit", "--json", "--repo", try built.get().path], in: "/")
        return try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
    }

    /// Every report of both phases, as `report --format md,json` writes them.
    static let reports: Result<[String: Data], any Error> = Result {
        let out = try TemporaryFolder()
        let result = CapturedConsole.run(
            ["report", "--repo", try built.get().path, "--out", out.path, "--quiet", "--format", "md,json"], in: "/")
        guard result.code == 0 else { throw ReportFailure(code: result.code, err: result.err) }
        return try ReportFiles.read(out.path)
    }

    struct ReportFailure: Error {
        let code: Int32
        let err: String
    }

    /// The contradicted claim of `line`.
    static func wrongClaim(_ line: WrongLine) throws -> Claim {
        let claims = try built.get().claims(in: summary, at: line.text, of: try assessed.get())
        return try #require(claims.first { $0.verdict == .contradicted }, "claims there: \(claims)")
    }

    /// The model in `phase-<id>/phase.json`, and its phase.
    static func phaseJSON(_ id: String) throws -> (model: Workspace, phase: Phase) {
        let json = try #require(try reports.get()["phase-\(id)/phase.json"])
        let model = try CanonicalJSON.decode(Workspace.self, from: json)
        return (model, try #require(model.phase(id)))
    }

    @Test func theClaimsAreAboutTheirTasksAndNamePhasesOneAndTwo() throws {
        let second = try Self.wrongClaim(Self.wrongLines[0])
        #expect(second.task == "TN-002")
        #expect(second.phase == "2")
        let phaseless = try Self.wrongClaim(Self.wrongLines[1])
        #expect(phaseless.task == "TN-003")
        #expect(phaseless.phase == "1")
    }

    @Test(arguments: ["1", "2"], wrongLines)
    func phaseJSONAndItsDigestHoldAClaimOnlyForItsPhase(phase id: String, line: WrongLine) throws {
        let owns = line.owner == id
        let claim = try Self.wrongClaim(line)
        let (model, phase) = try Self.phaseJSON(id)
        #expect(model.claims.contains { $0.source == claim.source && $0.verdict == .contradicted } == owns)
        let finding = model.findings.first { $0.rule == .claimContradicted && $0.file == claim.source.file && $0.line == claim.source.line }
        #expect((finding != nil) == owns)
        // The digest is of exactly what phase.json holds: recomputed from the phase's own file,
        // it comes out the same, so it covers the claim and its finding if and only if they are there.
        #expect(phase.certification != nil)
        #expect(CertificationID.certify(phase, in: model).digest == phase.certification?.digest)
    }

    @Test(arguments: ["1", "2"])
    func theGateCountsTheFindingsOfPhaseJSON(phase id: String) throws {
        let (model, phase) = try Self.phaseJSON(id)
        let condition = try #require(phase.gate?.conditions.first { $0.id == .maxMajor })
        #expect(condition.actual == Double(model.findings.count { $0.severity == .major }))
        // Only phase 2 owns a contradicted claim, and so a major finding.
        #expect(condition.passed == (id == "1"), "majors of phase \(id): \(model.findings.filter { $0.severity == .major })")
    }

    @Test(arguments: ["1", "2"], wrongLines)
    func theAuditReportListsAClaimOnlyForItsPhase(phase id: String, line: WrongLine) throws {
        let owns = line.owner == id
        let claim = try Self.wrongClaim(line)
        let place = "\(Self.summary)\\:\(try #require(claim.source.line))"
        let report = String(decoding: try #require(try Self.reports.get()["phase-\(id)/audit.en.md"]), as: UTF8.self)
        #expect(report.contains(place) == owns, "\(report)")
        let contradicted = try #require(report.components(separatedBy: "\n## Contradicted claims\n").last?.components(separatedBy: "\n## ").first)
        #expect(contradicted.contains(place) == owns, "\(contradicted)")
    }

    @Test(arguments: ["1", "2"], wrongLines)
    func theAuditPhaseFiltersKeepAClaimOnlyForItsPhase(phase id: String, line: WrongLine) throws {
        let owns = line.owner == id
        let claim = try Self.wrongClaim(line)
        let path = try Self.built.get().path
        let json = CapturedConsole.run(["audit", "--json", "--phase", id, "--repo", path], in: "/")
        let filtered = try CanonicalJSON.decode(Workspace.self, from: Data(json.out.utf8))
        #expect(filtered.claims.contains { $0.source == claim.source && $0.verdict == .contradicted } == owns)
        // 1: a claim of the phase is contradicted (phase 2's); 0: none is.
        #expect(json.code == (id == "2" ? 1 : 0), "\(json.err)")
        let quality = CapturedConsole.run(["audit", "--format", "codequality", "--phase", id, "--repo", path], in: "/")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(quality.out.utf8)) as? [[String: Any]])
        let lines = issues.compactMap { issue in
            (issue["location"] as? [String: Any]).flatMap { ($0["lines"] as? [String: Any])?["begin"] as? Int }
        }
        #expect(lines.contains(try #require(claim.source.line)) == owns, "\(quality.out)")
    }
}
