import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `History.statsByPosition` holds, for each commit, what `stats` holds under its id: as the
/// scanner reads a history (without a cache, from it, and with new commits on top of it) and
/// after either is changed.
struct HistoryStatsByPositionTests {
    static func expectInStep(_ history: History, _ comment: Comment? = nil) {
        #expect(history.statsByPosition.count == history.commits.count, comment)
        for index in history.commits.indices {
            #expect(history.statsByPosition[index] == history.stats[history.commits[index].id], comment)
        }
    }

    @Test func theScannerLooksEachCommitUpOnce() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("a.txt", "a\n")
        try repository.commit("TN-001: a")
        try SubjectClaimCacheTests.mergeSideBranch(in: repository)
        let cache = repository.path + "/.git/history-cache"
        let cold = try #require(try HistoryScanner(repositoryPath: repository.path, cachePath: cache).scan())
        #expect(cold.cachedCommits == 0)
        Self.expectInStep(cold, "read through libgit2")
        let warm = try #require(try HistoryScanner(repositoryPath: repository.path, cachePath: cache).scan())
        #expect(warm.cachedCommits == warm.commits.count)
        Self.expectInStep(warm, "read from the cache")
        try repository.write("d.txt", "d\n")
        try repository.commit("TN-002: d")
        let onTop = try #require(try HistoryScanner(repositoryPath: repository.path, cachePath: cache).scan())
        #expect(onTop.cachedCommits == onTop.commits.count - 1)
        Self.expectInStep(onTop, "one new commit on the cache")
        #expect(onTop.statsByPosition.allSatisfy { $0 != nil })
    }

    @Test func changingCommitsOrStatsKeepsThemInStep() {
        let ids = (1...3).map { String(format: "%040x", $0) }
        let signature = GitSignature(name: "a", email: "a@example.com", time: 0, offsetMinutes: 0)
        let commits = ids.map { GitCommit(id: $0, parents: [], author: signature, committer: signature, subject: "x", body: "") }
        let stats = [ids[0]: CommitStats(files: [FileChange(path: "a", added: 1, deleted: 0)]),
                     ids[2]: CommitStats(files: [FileChange(path: "c", added: 3, deleted: 0)])]
        var history = History(
            head: ids[0], commits: commits, stats: stats, isShallow: false, isHeadDetached: false, findings: [], notes: [],
            cachedCommits: 0)
        Self.expectInStep(history, "made")
        #expect(history.statsByPosition[1] == nil)
        history.stats[ids[1]] = CommitStats(files: [FileChange(path: "b", added: 2, deleted: 0)])
        Self.expectInStep(history, "a commit's statistics added")
        #expect(history.statsByPosition[1]?.linesAdded == 2)
        history.commits.removeFirst()
        Self.expectInStep(history, "the newest commit removed")
        #expect(history.statsByPosition.first??.linesAdded == 2)
        history.stats = [:]
        Self.expectInStep(history, "every statistic removed")
    }
}
