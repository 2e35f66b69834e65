import PhaseModel
import Testing
@testable import Scan

/// The order the documents' claims are put in, and how they are joined with the subjects'.
struct ClaimOrderTests {
    /// The order as it was written before positions were sorted: pairs of position and claim.
    private func reference(_ claims: [Claim]) -> [Claim] {
        claims.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.source.file ?? "", lhs.element.source.line ?? 0)
            let right = (rhs.element.source.file ?? "", rhs.element.source.line ?? 0)
            if left.0 != right.0 { return left.0.utf8.lexicographicallyPrecedes(right.0.utf8) }
            if left.1 != right.1 { return left.1 < right.1 }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    @Test func claimsGoByFileInByteOrderThenLineAndKeepTheirOrderOnOneLine() {
        let claims = [
            Claim(kind: .loc, text: "b", source: .file("b.md", line: 2)),
            Claim(kind: .loc, text: "first on a.md:3", source: .file("a.md", line: 3)),
            Claim(kind: .loc, text: "Z", source: .file("Z.md", line: 9)),
            Claim(kind: .loc, text: "second on a.md:3", source: .file("a.md", line: 3)),
            Claim(kind: .loc, text: "a.md:1", source: .file("a.md", line: 1)),
            Claim(kind: .loc, text: "no line", source: .file("a.md", line: nil)),
        ]
        #expect(WorkspaceClaimReader.ordered(claims).map(\.text) == ["Z", "no line", "a.md:1", "first on a.md:3", "second on a.md:3", "b"])
    }

    @Test func theOrderIsThatOfSortingPairsOfPositionAndClaim() {
        // Few files and lines, many claims: most compare equal but for their positions.
        var state: UInt64 = 1206
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let files = ["a.md", "b.md", "A.md", "docs/é.md", "docs/e.md", "ä.md"]
        for round in 0..<40 {
            let claims = (0..<(round * 7 % 150)).map { index in
                Claim(
                    kind: .loc, text: "\(round)-\(index)",
                    source: next(9) == 0 ? .commit(String(repeating: "a", count: 40)) : .file(files[next(files.count)], line: next(4) == 0 ? nil : next(5)))
            }
            #expect(WorkspaceClaimReader.ordered(claims) == reference(claims))
        }
    }

    @Test func joinedClaimsAreTheDocumentsThenTheSubjects() {
        let documents = (0..<5).map { Claim(kind: .loc, text: "d\($0)", source: .file("a.md", line: $0)) }
        let subjects = (0..<3).map { Claim(kind: .loc, text: "s\($0)", source: .commit(String(repeating: "\($0)", count: 40))) }
        #expect(WorkspaceClaimReader.joined(documents, subjects) == documents + subjects)
        #expect(WorkspaceClaimReader.joined([], subjects) == subjects)
        #expect(WorkspaceClaimReader.joined(documents, []) == documents)
    }
}
