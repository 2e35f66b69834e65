import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// The threads working facts out take pieces of the claims as they finish the last: every claim
/// is in exactly one piece, in order; a document stays whole in a piece unless it alone holds a
/// quarter of a thread's share; and whichever thread takes a piece, the facts are what one gives.
struct ClaimFactsPiecesTests {
    static func claims(documents: [(String, Int)], subjects: Int) -> [Claim] {
        documents.flatMap { document, count in
            (0..<count).map { line in
                Claim(kind: .deliverable, text: "x.md", source: .file(document, line: line + 1), subject: "x.md")
            }
        } + (0..<subjects).map { index in
            Claim(kind: .loc, text: "+\(index) lines", source: .commit(String(repeating: "a", count: 40)), claimed: Double(index))
        }
    }

    @Test func everyClaimIsInOnePieceInOrderAndDocumentsStayWhole() {
        let documents = [("a.md", 300), ("b.md", 10), ("c.md", 5_000), ("d.md", 7), ("e.md", 256)]
        let claims = Self.claims(documents: documents, subjects: 1_000)
        let documentIndices = Array(0..<5_573)
        let subjectIndices = Array(5_573..<6_573)
        let pieces = ClaimFacts.pieces(of: documentIndices, in: claims, workers: 2)
        #expect(pieces.flatMap { $0 } == documentIndices)
        let most = documentIndices.count / 8
        for piece in pieces.dropLast() {
            let last = claims[piece.last!].source.file
            let next = claims[piece.last! + 1].source.file
            // A piece ends where a document does, or where it reached the most a piece holds.
            #expect(last != next || piece.count == most, "\(piece.first!)…\(piece.last!)")
            #expect(piece.count >= ClaimFacts.pieceSize || last != next)
        }
        // The large document is shared out; the small ones are not cut.
        #expect(pieces.filter { claims[$0.first!].source.file == "c.md" }.count >= 2)
        let subjectPieces = ClaimFacts.pieces(of: subjectIndices, in: claims, workers: 2)
        #expect(subjectPieces.flatMap { $0 } == subjectIndices)
        #expect(subjectPieces.dropLast().allSatisfy { $0.count == ClaimFacts.pieceSize })
    }

    @Test func manyPiecesGiveTheFactsOneThreadGives() throws {
        let folder = try TemporaryFolder()
        for name in ["x.md", "docs/x.md", "guide/y.md"] { try folder.write(name, "text\n") }
        let documents = (0..<12).map { ("docs/report-\($0).md", 97 + $0 * 13) }
        var claims = Self.claims(documents: documents, subjects: 0)
        for index in claims.indices where index % 3 == 0 { claims[index].subject = "y.md" }
        let facts = ClaimFacts(
            tree: RepositoryTree(root: folder.path), tasks: [], phases: [], history: nil, association: nil,
            workTree: ["x.md", "docs/x.md", "guide/y.md"], repository: nil)
        #expect(ClaimFacts.pieces(of: Array(claims.indices), in: claims, workers: 2).count > 4)
        let one = facts.apply(to: claims, workers: 1)
        #expect(facts.apply(to: claims, workers: 2) == one)
        #expect(facts.apply(to: claims, workers: 3) == one)
        #expect(one.contains { $0.verifiedValue != nil })
    }
}
