import Foundation
import Testing

@testable import PhaseModel

/// `Claim` keeps its optional figures behind one byte of presence bits and its evidence basis and
/// line counts in a shared box: each must still behave as the plain stored property it replaced.
@Suite struct ClaimStorageTests {
    private static var figures: [WritableKeyPath<Claim, Double?>] {
        [\.claimed, \.denominator, \.expected, \.verified, \.discrepancy]
    }

    private func claim() -> Claim { Claim(kind: .loc, text: "120 LOC", source: .file("a.md", line: 3)) }

    @Test func eachFigureIsSetAndClearedOnItsOwn() {
        for (index, figure) in Self.figures.enumerated() {
            var value = claim()
            for other in Self.figures { value[keyPath: other] = -1.5 }
            value[keyPath: figure] = Double(index) + 0.25
            for (otherIndex, other) in Self.figures.enumerated() {
                #expect(value[keyPath: other] == (otherIndex == index ? Double(index) + 0.25 : -1.5))
            }
            value[keyPath: figure] = nil
            for (otherIndex, other) in Self.figures.enumerated() {
                #expect(value[keyPath: other] == (otherIndex == index ? nil : -1.5))
            }
        }
    }

    @Test func zeroIsAFigureNotItsAbsence() {
        var value = claim()
        value.verified = 0
        #expect(value.verified == 0)
        #expect(value.claimed == nil)
        #expect(value != claim())
    }

    @Test func claimsThatDifferInAnyFigureOrRareFactAreUnequal() {
        let base = claim()
        for figure in Self.figures {
            var other = base
            other[keyPath: figure] = 7
            #expect(other != base)
            other[keyPath: figure] = nil
            #expect(other == base)
        }
        var withBasis = base
        withBasis.evidenceBasis = ClaimEvidenceBasis(.testFile, commit: "abc")
        #expect(withBasis != base)
        var withCounts = base
        withCounts.lineCounts = LineCounts(physical: 10, nonBlank: 8)
        #expect(withCounts != base)
        withCounts.lineCounts = nil
        #expect(withCounts == base)
    }

    @Test func aCopyKeepsItsOwnRareFacts() {
        var first = claim()
        first.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: "abc")
        first.lineCounts = LineCounts(physical: 10, nonBlank: 8)
        var second = first
        second.evidenceBasis?.ofPart = true
        second.lineCounts = nil
        #expect(first.evidenceBasis == ClaimEvidenceBasis(.documentCommit, commit: "abc"))
        #expect(first.lineCounts == LineCounts(physical: 10, nonBlank: 8))
        #expect(second.evidenceBasis == ClaimEvidenceBasis(.documentCommit, commit: "abc", ofPart: true))
        #expect(second.lineCounts == nil)
    }

    @Test func jsonRoundTripsEveryWrittenMember() throws {
        var value = claim()
        value.claimed = 120
        value.denominator = 3
        value.expected = 118
        value.verified = 121
        value.discrepancy = 1
        value.verdict = .contradicted
        value.bound = .about
        value.note = LocalizedText(en: "n", ru: "н")
        value.evidenceBasis = ClaimEvidenceBasis(.testSuite, commit: "abc", suite: "A > B")
        let decoded = try JSONDecoder().decode(Claim.self, from: JSONEncoder().encode(value))
        #expect(decoded == value)
        // Absent figures and texts are written as null; bound and basis are left out.
        let bare = try JSONSerialization.jsonObject(with: JSONEncoder().encode(claim())) as? [String: Any]
        #expect(bare?["claimed"] is NSNull)
        #expect(bare?["note"] is NSNull)
        #expect(bare?.keys.contains("bound") == false)
        #expect(bare?.keys.contains("evidenceBasis") == false)
        #expect(try JSONDecoder().decode(Claim.self, from: JSONEncoder().encode(claim())) == claim())
    }

    /// A scan of 100,000 commits holds over 100,000 claims, some of them twice: a stored property
    /// added inline costs its size in each (Benchmarks/RESULTS-scale.md, twenty-fifth round).
    @Test func aClaimStaysWithinItsMeasuredSize() {
        #expect(MemoryLayout<Claim>.stride <= 216)
    }
}
