import Foundation
import PhaseModel
import PhasecertKit
import Testing

/// A scan for some phases alone keeps their claims (and those written on their lines), not the
/// others, and still counts every claim it found.
struct PipelinePhaseClaimsTests {
    @Test func aScanForOnePhaseKeepsItsClaimsAndCountsAll() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write(
            "tasks/TN-001-parser/REPORT.md", "# Report\n\n- `src/parser.py`: 6 lines\n- 2/2 = 100% of the checks\n")
        try fixture.repository.write(
            "tasks/TN-002-writer/REPORT.md", "# Report\n\n- `src/writer.py`: 2 lines\n- `src/gone.py` delivered\n")
        try fixture.repository.commit("TN-002: reports (adds 9 LOC)", date: "2025-12-03T10:00:00+00:00")
        let pipeline = fixture.pipeline()
        let whole = try pipeline.scan().workspace
        let focused = try pipeline.scan(factsFor: ["1"]).workspace
        let phaseOne = try #require(whole.phase("1"))
        let key = { (claim: Claim) in "\(claim.source) \(claim.text)" }
        // Phase 1's claims are there, with the same facts as in a whole scan; phase 2's are not.
        #expect(focused.claims(of: phaseOne).map(key) == whole.claims(of: phaseOne).map(key))
        #expect(focused.claims(of: phaseOne) == whole.claims(of: phaseOne))
        #expect(whole.claims.contains { $0.task == "TN-002" })
        #expect(!focused.claims.contains { $0.task == "TN-002" })
        #expect(focused.claims.count < whole.claims.count)
        // Every claim found is counted, kept or not.
        #expect(focused.claimsFound == whole.claims.count)
        #expect(whole.claimsFound == whole.claims.count)
        #expect(focused.claimsNotKept == whole.claims.count - focused.claims.count)
    }
}
