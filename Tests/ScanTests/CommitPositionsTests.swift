import PhaseModel
import Testing

@testable import Scan

/// Positions by binary search in the sorted ids must be what a dictionary by id gives: the first
/// position of each id, nothing for an id no commit has.
@Suite struct CommitPositionsTests {
    private func history(_ ids: [String]) -> History {
        let person = GitSignature(name: "A", email: "a@example.com", time: 0, offsetMinutes: 0)
        let commits = ids.map { GitCommit(id: $0, parents: [], author: person, committer: person, subject: "s", body: "") }
        return History(
            head: ids.first, commits: commits, stats: [:], isShallow: false, isHeadDetached: false, findings: [], notes: [],
            cachedCommits: 0)
    }

    private func reference(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, id) in ids.enumerated() where result[id] == nil { result[id] = index }
        return result
    }

    @Test func everyIdGivesTheFirstPositionADictionaryWould() {
        var state: UInt64 = 2512
        func hexID(_ length: Int) -> String {
            String((0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Array("0123456789abcdef")[Int(state >> 60)]
            })
        }
        for round in 0..<30 {
            // Ids sharing their first sixteen digits, repeated ids and short ids among the random ones.
            var ids = (0..<(round * 13 % 200)).map { _ in hexID(40) }
            ids += ids.prefix(round % 4).map { String($0.prefix(16)) + hexID(24) }
            ids += ids.prefix(round % 3)
            ids.append(hexID(7))
            let positions = CommitPositions(of: history(ids))
            for (id, position) in reference(ids) { #expect(positions.position(of: id) == position) }
            #expect(positions.sortedIDs == ids.sorted())
            #expect(positions.position(of: hexID(40)) == nil)
        }
    }

    @Test func textThatIsNoLowerCaseHexNamesNoCommit() {
        let ids = ["ab12", "ff00", "0a0a"]
        let positions = CommitPositions(of: history(ids))
        #expect(positions.position(of: "AB12") == nil)
        #expect(positions.position(of: "ab1") == nil)
        #expect(positions.position(of: "") == nil)
        #expect(positions.position(of: "0a0a") == 2)
    }

    @Test func idsNotInLowerCaseHexAreLookedUpAsWritten() {
        let ids = ["ABC", "def", "zzz", "def"]
        let positions = CommitPositions(of: history(ids))
        #expect(positions.position(of: "ABC") == 0)
        #expect(positions.position(of: "def") == 1)
        #expect(positions.position(of: "zzz") == 2)
        #expect(positions.position(of: "abc") == nil)
        #expect(positions.sortedIDs == ["abc", "def", "def", "zzz"])
    }
}
