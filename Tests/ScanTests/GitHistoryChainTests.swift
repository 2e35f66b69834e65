import Foundation
import Testing
import TestSupport
@testable import Scan

/// New commits on top of the cached HEAD are put before the cached commits without walking them
/// again (`HistoryScanner.chain(from:onto:in:)`); the history is the one a walk with no cache gives.
struct GitHistoryChainTests {
    /// A history with a side branch whose commits are dated after main's, merged.
    static func fixture() throws -> GitRepositoryBuilder {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        try repo.commit("Root", date: "2024-03-01T10:00:00Z")
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.write("s.txt", "s\n")
        try repo.commit("Side", date: "2024-03-05T10:00:00Z", committerDate: "2024-03-05T10:00:00Z")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("b.txt", "b\n")
        try repo.commit("Main", date: "2024-03-02T10:00:00Z", committerDate: "2024-03-02T10:00:00Z")
        try repo.merge(["side"], message: "Merge side", date: "2024-03-06T10:00:00Z")
        return repo
    }

    /// The history a scan with no earlier cache reads.
    static func fresh(_ repo: GitRepositoryBuilder) throws -> History {
        let elsewhere = try TemporaryFolder()
        return try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: elsewhere.path + "/cache").scan())
    }

    static func cached(_ repo: GitRepositoryBuilder) throws -> History {
        try #require(try HistoryScanner(repositoryPath: repo.path).scan())
    }

    @Test func newCommitsOnTheCachedHeadComeFirstAsAWalkPutsThem() throws {
        let repo = try Self.fixture()
        _ = try Self.cached(repo)
        // Three more, one committed with a clock behind every cached commit.
        try repo.write("c.txt", "c\n")
        let first = try repo.commit("One", date: "2024-03-07T10:00:00Z", committerDate: "2024-03-07T10:00:00Z")
        try repo.write("d.txt", "d\n")
        try repo.commit("Two", date: "2024-01-01T10:00:00Z", committerDate: "2024-01-01T10:00:00Z")
        try repo.write("e.txt", "e\n")
        let last = try repo.commit("Three", date: "2024-03-08T10:00:00Z", committerDate: "2024-03-08T10:00:00Z")
        let cachedHead = try repo.revParse("\(first)~1")
        let git = try #require(try GitRepository(path: repo.path))
        let chain = try #require(HistoryScanner.chain(from: last, onto: cachedHead, in: git))
        #expect(chain.map(\.subject) == ["Three", "Two", "One"])
        let history = try Self.cached(repo)
        let expected = try Self.fresh(repo)
        #expect(history.commits == expected.commits)
        #expect(history.stats == expected.stats)
        #expect(history.cachedCommits == 4)
    }

    @Test func aMergeOrAnotherBranchIsWalked() throws {
        let repo = try Self.fixture()
        _ = try Self.cached(repo)
        let cachedHead = try repo.head()
        try repo.git(["checkout", "-q", "-b", "topic", "\(cachedHead)~1"])
        try repo.write("t.txt", "t\n")
        let topic = try repo.commit("Topic", date: "2024-03-09T10:00:00Z", committerDate: "2024-03-09T10:00:00Z")
        let git = try #require(try GitRepository(path: repo.path))
        // Not on top of the cached HEAD: no chain reaches it.
        #expect(HistoryScanner.chain(from: topic, onto: cachedHead, in: git) == nil)
        try repo.git(["checkout", "-q", "main"])
        let merge = try repo.merge(["topic"], message: "Merge topic", date: "2024-03-10T10:00:00Z")
        // A merge on top of it: walked.
        #expect(HistoryScanner.chain(from: merge, onto: cachedHead, in: git) == nil)
        let history = try Self.cached(repo)
        let expected = try Self.fresh(repo)
        #expect(history.commits == expected.commits)
        #expect(history.stats == expected.stats)
    }

    @Test func aChainLongerThanTheLimitIsWalked() throws {
        let repo = try Self.fixture()
        let cachedHead = try repo.head()
        let git = try #require(try GitRepository(path: repo.path))
        var last = cachedHead
        for number in 1...4 { last = try repo.commit("Empty \(number)", allowEmpty: true) }
        #expect(HistoryScanner.chain(from: last, onto: cachedHead, in: git, limit: 4)?.count == 4)
        #expect(HistoryScanner.chain(from: last, onto: cachedHead, in: git, limit: 3) == nil)
        #expect(HistoryScanner.chainLimit >= 100)
    }
}
