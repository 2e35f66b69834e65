import PhaseModel
import Testing
@testable import Score

/// The verdicts and own-score comparisons a caller puts in place, against the whole arrays
/// `verify` and `compareWithOwnScores` give.
struct ClaimVerifierInPlaceTests {
    typealias F = ClaimFixtures

    private var workspace: Workspace {
        var workspace = ClaimVerifierOwnScoreTests().scored
        workspace.claims = [
            F.claim(.ratio, "28/30 = 93%", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100),
            F.claim(.quality, "150% quality", claimed: 150),
            F.claim(.ratio, "9/10 = 95%", claimed: 95, denominator: 10, expected: 90),
            F.claim(.deliverable, "docs/missing.md", subject: "docs/missing.md", verified: 0),
            F.claim(.grade, "Grade A+", task: nil, phase: "13", claimedValue: "A+"),
            F.claim(.fileCount, "16 total", claimed: 16),
        ]
        return workspace
    }

    @Test func verdictsPutInPlaceAreWhatVerifyGives() {
        let verifier = ClaimVerifier(configuration: Configuration())
        for positions in [nil, [], [2], [0, 2, 3], [1, 4], Array(0..<6)] as [[Int]?] {
            let whole = verifier.verify(workspace, judging: positions)
            let (judged, findings) = verifier.verdicts(workspace, judging: positions)
            var claims = workspace.claims
            if let positions {
                #expect(judged.count == positions.count)
                for (position, claim) in zip(positions, judged) { claims[position] = claim }
            } else {
                claims = judged
            }
            #expect(claims == whole.claims)
            #expect(findings == whole.findings)
        }
        // Judging does change claims here, so the comparison above is not between unjudged claims.
        #expect(verifier.verify(workspace).claims != workspace.claims)
    }

    @Test func ownScoreComparisonsAreTheQualityAndGradeClaimsCompared() {
        let claims = ClaimVerifier(configuration: Configuration()).verify(workspace).claims
        let scored = workspace
        for positions in [nil, [], [0, 2], [1], [3, 4, 5]] as [[Int]?] {
            let changes = ClaimVerifier.ownScoreComparisons(claims, in: scored, at: positions)
            #expect(changes.allSatisfy { claims[$0.position].kind.isOtherModel })
            var inPlace = claims
            for (position, claim) in changes { inPlace[position] = claim }
            #expect(inPlace == ClaimVerifier.compareWithOwnScores(claims, in: scored, at: positions))
        }
        #expect(ClaimVerifier.ownScoreComparisons(claims, in: scored).map(\.position) == [1, 4])
        #expect(ClaimVerifier.ownScoreComparisons(claims, in: scored)[0].claim.verified == 91)
    }
}
