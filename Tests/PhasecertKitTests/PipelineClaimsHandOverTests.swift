import Foundation
import PhaseModel
import PhasecertKit
import Testing

/// The scan's claims go to the assessment, which judges them: the scan keeps no second copy.
struct PipelineClaimsHandOverTests {
    @Test func theAssessmentHoldsTheScansClaimsJudgedAndTheScanNone() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write(
            "tasks/TN-001-parser/REPORT.md", "# Report\n\n- `src/parser.py`: 6 lines\n- `src/missing.py` delivered\n")
        try fixture.repository.commit("TN-001: report", date: "2025-12-03T10:00:00+00:00")
        let pipeline = fixture.pipeline()
        let scanned = try pipeline.scan()
        let written = scanned.workspace.claims.map(\.text)
        #expect(written.count >= 2)
        #expect(scanned.workspace.claims.allSatisfy { $0.verdict == nil })
        let assessment = pipeline.assess(scanned)
        #expect(assessment.scan.workspace.claims.isEmpty)
        #expect(assessment.workspace.claims.map(\.text) == written)
        #expect(assessment.workspace.claims.contains { $0.verdict != nil })
        // The rest of the scan is kept as it came.
        #expect(assessment.scan.workspace.tasks.map(\.id) == scanned.workspace.tasks.map(\.id))
        #expect(assessment.scan.history?.commits.count == scanned.history?.commits.count)
    }
}
