import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// Ids in lower-case hexadecimal are sorted by their first sixteen digits as a number: the order
/// must be the one sorting their text gives, whatever their length and however many digits they share.
struct HistoryIndicesHexSortTests {
    static func history(_ ids: [String]) -> History {
        let signature = GitSignature(name: "a", email: "a@example.com", time: 0, offsetMinutes: 0)
        return History(
            head: ids.first, commits: ids.map { GitCommit(id: $0, parents: [], author: signature, committer: signature, subject: "x", body: "") },
            stats: [:], isShallow: false, isHeadDetached: false, findings: [], notes: [], cachedCommits: 0)
    }

    /// Ids of 0 to 40 digits, most of them starting alike, so that many share their first sixteen.
    static let id = Gen.int(in: 0...2).array(of: 0...40).map { digits in
        String(digits.enumerated().map { index, digit in Array("0f9a")[index < 18 ? 0 : digit + 1] })
    }
    static let anyID = Gen.int(in: 0...15).array(of: 0...24).map { String($0.map { Array("0123456789abcdef")[$0] }) }

    @Test func sortsAsTheTextDoes() async {
        await propertyCheck(count: 1_000, input: Self.id.array(of: 0...20), Self.anyID.array(of: 0...20)) { alike, any in
            let ids = alike + any
            #expect(HistoryIndices.sortedHexIDs(in: Self.history(ids)) == ids.sorted(), "\(ids)")
            #expect(HistoryIndices.sortedIDs(in: Self.history(ids)) == ids.sorted())
        }
    }

    @Test func anIDNotInLowerCaseHexadecimalIsLeftToTheTextSort() {
        for odd in ["ABCD", "abcg", "é", "ab cd"] {
            let ids = ["0123456789abcdef0123456789abcdef01234567", odd]
            #expect(HistoryIndices.sortedHexIDs(in: Self.history(ids)) == nil)
            #expect(HistoryIndices.sortedIDs(in: Self.history(ids)) == ids.map { $0.lowercased() }.sorted())
        }
    }
}
