import Foundation
import Testing
import TestSupport
@testable import Scan

/// The history read from a given commit instead of HEAD (`--at`), and the cache kept for HEAD.
struct GitHistoryStartRevisionTests {
    /// Three commits on main; returns the repository and the commits, oldest first.
    static func fixture() throws -> (GitRepositoryBuilder, [String]) {
        let repo = try GitRepositoryBuilder()
        var commits: [String] = []
        for index in 1...3 {
            try repo.write("file\(index).txt", (1...index).map { "line \($0)\n" }.joined())
            commits.append(try repo.commit("TN-00\(index): step \(index)"))
        }
        return (repo, commits)
    }

    static func cacheBytes(_ repo: GitRepositoryBuilder) -> Data? {
        FileManager.default.contents(atPath: HistoryCache(directory: repo.path + "/.git/phasecert").file)
    }

    @Test func theHistoryStartsAtTheRevision() throws {
        let (repo, commits) = try Self.fixture()
        let history = try #require(try HistoryScanner(repositoryPath: repo.path, startRevision: commits[1]).scan())
        #expect(history.head == commits[1])
        #expect(history.commits.map(\.id) == [commits[1], commits[0]])
        #expect(Set(history.stats.keys) == [commits[1], commits[0]])
        #expect(history.isHeadDetached)
        let atHead = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(!atHead.isHeadDetached)
        #expect(history.stats[commits[1]] == atHead.stats[commits[1]])
    }

    @Test func aScanAtAnOlderCommitReadsTheCacheButLeavesItToHead() throws {
        let (repo, commits) = try Self.fixture()
        // Without a cache, a scan at an older commit writes none.
        _ = try HistoryScanner(repositoryPath: repo.path, startRevision: commits[0]).scan()
        #expect(Self.cacheBytes(repo) == nil)

        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let written = try #require(Self.cacheBytes(repo))
        let older = try #require(try HistoryScanner(repositoryPath: repo.path, startRevision: commits[1]).scan())
        #expect(older.cachedCommits == 2)
        #expect(older.commits.map(\.id) == [commits[1], commits[0]])
        #expect(Self.cacheBytes(repo) == written)

        let head = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(head.head == commits[2])
        #expect(head.commits.count == 3)
        #expect(head.cachedCommits == 3)
    }

    @Test func aScanAtHeadNamedAsARevisionKeepsTheCacheCurrent() throws {
        let (repo, commits) = try Self.fixture()
        let history = try #require(try HistoryScanner(repositoryPath: repo.path, startRevision: "HEAD").scan())
        #expect(history.head == commits[2])
        #expect(Self.cacheBytes(repo) != nil)
        #expect(try #require(try HistoryScanner(repositoryPath: repo.path).scan()).cachedCommits == 3)
    }

    @Test func anUnknownRevisionThrows() throws {
        let (repo, _) = try Self.fixture()
        #expect(throws: GitError.self) { try HistoryScanner(repositoryPath: repo.path, startRevision: "nope").scan() }
    }

    @Test func theWorkspaceScannerReadsFilesFromOneFolderAndHistoryFromTheRepository() throws {
        let (repo, commits) = try Self.fixture()
        let files = try TemporaryFolder()
        try files.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: One\n\n- [x] **TN-001** First\n")
        let outcome = try WorkspaceScanner(repository: files.path, historyRepository: repo.path, revision: commits[0])
            .scanDetailed()
        #expect(outcome.history?.head == commits[0])
        #expect(outcome.workspace.tasks.first { $0.id == "TN-001" }?.git?.commits == 1)
    }
}
