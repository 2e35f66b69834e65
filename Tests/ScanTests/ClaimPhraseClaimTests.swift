import PhaseModel
import Testing

@testable import Scan

struct ClaimPhraseClaimTests {
    @Test func aPhraseClaimBecomesAnUnjudgedModelClaim() throws {
        let phrase = try #require(ClaimPhraseScanner.claims(in: "39/39 tests passing").first)
        let claim = phrase.claim(source: .file("tasks/TASKS.md", line: 12), task: "TN-099", phase: "13")
        #expect(claim.kind == .testCount && claim.text == "39/39 tests passing")
        #expect(claim.source == .file("tasks/TASKS.md", line: 12))
        #expect(claim.task == "TN-099" && claim.phase == "13")
        #expect(claim.subject == "passing" && claim.claimed == 39 && claim.denominator == 39)
        #expect(claim.verified == nil && claim.verdict == nil && claim.discrepancy == nil)
    }
}
