import Foundation
import PhaseModel
import PhasecertKit
import Testing
import TestSupport

/// `Pipeline.audit`: the claims of the files given in place of the repository's, limited to the
/// phases named; and the audit reports of those phases.
struct PipelineAuditTests {
    @Test func filesGivenReplaceTheDocumentsClaimsAndAreNamedAsGivenOutsideTheRepository() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("tasks/TN-001-parser/REPORT.md", "# TN-001\n\nAll 9/9 tests passing.\n")
        let outside = try TemporaryFolder()
        let summary = try outside.write("summary.md", "# Summary\n\nTN-001: all 7/8 = 92% of the checks pass.\n")
        let pipeline = fixture.pipeline()
        let scanned = try pipeline.scan()
        #expect(scanned.workspace.claims.contains { $0.text.contains("9/9") })
        let audited = try pipeline.audit(scanned, phases: [], files: [AuditedFile(path: summary, given: "notes/summary.md")])
        #expect(!audited.workspace.claims.isEmpty)
        #expect(audited.workspace.claims.allSatisfy { claim in
            if case let .file(path, _) = claim.source { return path == "notes/summary.md" }
            return false
        })
    }

    @Test func phasesNamedKeepOnlyTheirClaims() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("tasks/TN-001-parser/REPORT.md", "# TN-001\n\nAll 9/9 tests passing.\n")
        try fixture.repository.write("tasks/TN-002-writer/REPORT.md", "# TN-002\n\nAll 4/4 tests passing.\n")
        let pipeline = fixture.pipeline()
        let all = try pipeline.audit(pipeline.scan(), phases: [], files: [])
        #expect(Set(all.workspace.claims.compactMap(\.task)) == ["TN-001", "TN-002"])
        let second = try pipeline.audit(pipeline.scan(), phases: ["2"], files: [])
        #expect(Set(second.workspace.claims.compactMap(\.task)) == ["TN-002"])
        #expect(second.hasBrokenClaims)
    }

    @Test func anUnknownPhaseIsReportedBeforeAnyFileIsRead() throws {
        let fixture = try PipelineFixture()
        let pipeline = fixture.pipeline()
        let missing = AuditedFile(path: fixture.path + "/nowhere.md", given: "nowhere.md")
        #expect(throws: UnknownPhaseError.self) { try pipeline.audit(pipeline.scan(), phases: ["7"], files: [missing]) }
        let error = #expect(throws: AuditInputError.self) { try pipeline.audit(pipeline.scan(), phases: [], files: [missing]) }
        #expect(error?.file == "nowhere.md")
        #expect(error?.exitCode == 3)
    }

    @Test func auditReportsAreTheAuditKindOnlyWithCodeQualityOnRequest() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("tasks/TN-001-parser/REPORT.md", "# TN-001\n\nAll 9/9 tests passing.\n")
        let pipeline = fixture.pipeline()
        let assessment = try pipeline.audit(pipeline.scan(), phases: ["1"], files: [])
        let files = try pipeline.auditReports(assessment, phases: ["1"], locales: [.en, .ru], formats: [.md, .codequality])
        #expect(files.map(\.path) == ["phase-1/audit.en.md", "phase-1/audit.ru.md", "audit.codequality.json"])
        let quality = String(decoding: try #require(files.last).contents, as: UTF8.self)
        #expect(quality.contains("tasks/TN-001-parser/REPORT.md"))
    }
}
