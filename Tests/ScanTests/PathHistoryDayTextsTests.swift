import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// `PathHistory` makes each day's text once, by the day's number in the signature's own time
/// zone (`GitSignature.dayNumber`): its days must be those of making every commit's texts, with
/// signatures in any zone, before 1970 and far after.
struct PathHistoryDayTextsTests {
    /// An author's and a committer's seconds from 1970 (before it, too), and their zones' offsets in minutes.
    static let times = Gen.int(in: -4_000_000_000...40_000_000_000).array(of: 2)
    static let offsets = Gen.int(in: -720...840).array(of: 2)

    static func history(times: [[Int]], offsets: [[Int]], paths: [Int]) -> History {
        var commits: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        for (index, time) in times.enumerated() {
            let id = String(format: "%040x", index + 1)
            let offset = offsets[index % offsets.count]
            let author = GitSignature(name: "a", email: "a@example.com", time: Int64(time[0]), offsetMinutes: offset[0])
            let committer = GitSignature(name: "c", email: "c@example.com", time: Int64(time[1]), offsetMinutes: offset[1])
            commits.append(GitCommit(id: id, parents: [], author: author, committer: committer, subject: "x", body: ""))
            stats[id] = CommitStats(files: [FileChange(path: paths[index % paths.count] == 0 ? "a.md" : "b.md", added: 1, deleted: 0)])
        }
        return History(
            head: commits.first?.id, commits: commits, stats: stats, isShallow: false, isHeadDetached: false, findings: [],
            notes: [], cachedCommits: 0)
    }

    /// Times within five days: many commits on one day, in zones where it is another.
    static let nearTimes = Gen.int(in: 1_740_000_000...1_740_432_000).array(of: 2)

    @Test(arguments: [false, true]) func daysAreThoseOfEveryCommitsOwnTexts(near: Bool) async {
        await propertyCheck(
            count: 800, input: (near ? Self.nearTimes : Self.times).array(of: 1...6), Self.offsets.array(of: 1...6),
            Gen.int(in: 0...1).array(of: 1...6)
        ) { times, offsets, paths in
            let history = Self.history(times: times, offsets: offsets, paths: paths)
            let reference = PathHistorySlotsTests.Reference(history)
            let index = PathHistory(history)
            for path in ["a.md", "b.md"] {
                #expect(index.days(of: path)?.first == reference.days(of: path)?.first)
                #expect(index.days(of: path)?.last == reference.days(of: path)?.last)
            }
        }
    }

    @Test func oneInstantInTwoZonesIsTwoDaysOfAPath() {
        // 2025-03-01 23:30 UTC, written in London and committed in Moscow.
        let history = Self.history(times: [[1_740_871_800, 1_740_871_800]], offsets: [[0, 180]], paths: [0])
        let days = PathHistory(history).days(of: "a.md")
        #expect(days?.first == "2025-03-01")
        #expect(days?.last == "2025-03-02")
    }

    @Test func oneInstantIsTwoDaysInTwoZones() {
        // 2025-03-01 23:30 UTC: still that day in London, already the next in Moscow.
        let london = GitSignature(name: "a", email: "a@example.com", time: 1_740_871_800, offsetMinutes: 0)
        let moscow = GitSignature(name: "a", email: "a@example.com", time: 1_740_871_800, offsetMinutes: 180)
        #expect(london.day == "2025-03-01")
        #expect(moscow.day == "2025-03-02")
        #expect(moscow.dayNumber == london.dayNumber + 1)
        // Before 1970 the day still starts at local midnight.
        let early = GitSignature(name: "a", email: "a@example.com", time: -1, offsetMinutes: 0)
        #expect(early.day == "1969-12-31")
        #expect(early.dayNumber == -1)
    }
}
