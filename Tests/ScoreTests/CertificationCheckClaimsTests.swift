import PhaseModel
import Testing
@testable import Score

/// `CertificationCheck.ClaimChange`: claims whose verdict is not what the record says.
struct CertificationCheckClaimsTests {
    typealias Change = CertificationCheck.ClaimChange

    func claim(_ text: String, line: Int = 4, verdict: Verdict?, kind: ClaimKind = .testCount) -> Claim {
        Claim(kind: kind, text: text, source: .file("tasks/TN-001-x/REPORT.md", line: line), task: "TN-001", verdict: verdict)
    }

    @Test func theSameVerdictIsNoChange() {
        let claims = [claim("9 tests", verdict: .verified), claim("A+", verdict: nil, kind: .grade)]
        #expect(Change.changes(before: claims, after: claims).isEmpty)
    }

    @Test func aChangedVerdictIsListedWithBothSides() {
        let before = [claim("9 tests", verdict: .verified)]
        let after = [claim("9 tests", verdict: .contradicted)]
        #expect(Change.changes(before: before, after: after) == [
            Change(claim: after[0], before: .judged(.verified), after: .judged(.contradicted))
        ])
    }

    @Test func claimsThatAppearOrGoAreListedAgainstAbsent() {
        let gone = claim("9 tests", verdict: .verified)
        let new = claim("12 tests", verdict: .unverifiable)
        #expect(Change.changes(before: [gone], after: [new]) == [
            Change(claim: new, before: .absent, after: .judged(.unverifiable)),
            Change(claim: gone, before: .judged(.verified), after: .absent),
        ])
    }

    @Test func aClaimThatMovedToAnotherLineIsTheSameClaim() {
        let before = claim("9 tests", line: 4, verdict: .verified)
        #expect(Change.changes(before: [before], after: [claim("9 tests", line: 6, verdict: .verified)]).isEmpty)
        let after = claim("9 tests", line: 6, verdict: .contradicted)
        #expect(Change.changes(before: [before], after: [after]) == [
            Change(claim: after, before: .judged(.verified), after: .judged(.contradicted))
        ])
    }

    @Test func repeatsOfOneClaimAreMatchedInOrder() {
        let before = [claim("9 tests", verdict: .verified), claim("9 tests", verdict: .contradicted)]
        let after = [claim("9 tests", verdict: .verified)]
        #expect(Change.changes(before: before, after: after) == [
            Change(claim: before[1], before: .judged(.contradicted), after: .absent)
        ])
    }

    @Test func statesReadAsWords() {
        #expect([CertificationCheck.ClaimState.absent, .unjudged, .judged(.inconsistent)].map(\.description)
            == ["absent", "not judged", "inconsistent"])
    }
}
