import PhaseModel
import Testing
@testable import Scan

struct HistoryIndicesSortedIDsTests {
    @Test func idsAreSortedInLowerCaseWhateverCaseTheyWereIn() {
        let signature = GitSignature(name: "a", email: "a@example.com", time: 0, offsetMinutes: 0)
        let ids = [
            "ffff000000000000000000000000000000000000", "ABCD000000000000000000000000000000000000",
            "abce000000000000000000000000000000000000", "0123456789abcdef0123456789abcdef01234567",
            "Éclair", "ÿ-not-hex", "AbCd", "abcd",
        ]
        let history = History(
            head: ids[0], commits: ids.map { GitCommit(id: $0, parents: [], author: signature, committer: signature, subject: "x", body: "") },
            stats: [:], isShallow: false, isHeadDetached: false, findings: [], notes: [], cachedCommits: 0)
        #expect(HistoryIndices.sortedIDs(in: history) == ids.map { $0.lowercased() }.sorted())
        #expect(HistoryIndices.sortedIDs(in: history).first == "0123456789abcdef0123456789abcdef01234567")
        #expect(HistoryIndices.sortedIDs(in: history).contains("éclair"))
    }
}
