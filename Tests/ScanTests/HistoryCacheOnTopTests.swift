import Foundation
import Testing
import TestSupport
@testable import Scan

/// New commits on the cached HEAD kept in a file on top of the history cache
/// (`HistoryCache.saveOnTop`): the cache file is left as it is, the two read as one, and a file
/// on top that is damaged, too long or over another cache file is never read.
struct HistoryCacheOnTopTests {
    static func cache(_ repo: GitRepositoryBuilder) -> HistoryCache { HistoryCache(directory: repo.path + "/.git/phasecert") }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func loaded(_ repo: GitRepositoryBuilder) throws -> HistoryCache.Contents {
        guard case let .loaded(contents) = cache(repo).load() else { throw CacheNotLoaded() }
        return contents
    }

    struct CacheNotLoaded: Error {}

    /// A scan of `repo`, and what a scan that cannot use any cache gives.
    static func scanAndFresh(_ repo: GitRepositoryBuilder) throws -> (History, History) {
        let elsewhere = try TemporaryFolder()
        let scanned = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        let fresh = try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: elsewhere.path + "/cache").scan())
        return (scanned, fresh)
    }

    @Test func newCommitsGoOnTopAndTheCacheFileStaysAsItWas() throws {
        let repo = try GitHistoryCacheTests.fixture()
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let cache = Self.cache(repo)
        let base = try #require(Self.bytes(cache.file))
        #expect(!FileManager.default.fileExists(atPath: cache.onTopFile))

        for count in 1...3 {
            try repo.write("later.txt", String(repeating: "later\n", count: count))
            let head = try repo.commit("Later \(count)")
            let (scanned, fresh) = try Self.scanAndFresh(repo)
            #expect(scanned.commits == fresh.commits)
            #expect(scanned.stats == fresh.stats)
            #expect(scanned.cachedCommits == 4 + count)
            #expect(Self.bytes(cache.file) == base)
            let contents = try Self.loaded(repo)
            #expect(contents.head == head)
            #expect(contents.onTop == count)
            #expect(contents.commits == fresh.commits)
            #expect(contents.stats == fresh.stats)
            // Read from the two files, nothing is counted again.
            #expect(try HistoryScanner(repositoryPath: repo.path).scan()?.cachedCommits == 5 + count)
        }
    }

    @Test func aWalkThatIsNotNewCommitsOnTopWritesTheWholeCache() throws {
        let repo = try GitHistoryCacheTests.fixture()
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        try repo.write("later.txt", "later\n")
        try repo.commit("Later")
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let cache = Self.cache(repo)
        #expect(FileManager.default.fileExists(atPath: cache.onTopFile))

        // A merge is not a line of single-parent commits: the whole cache, and nothing on top.
        try repo.git(["checkout", "-q", "-b", "other", "HEAD~1"])
        try repo.write("other.txt", "other\n")
        try repo.commit("Other")
        try repo.git(["checkout", "-q", "main"])
        try repo.merge(["other"], message: "Merge branch 'other'")
        let (scanned, fresh) = try Self.scanAndFresh(repo)
        #expect(scanned.commits == fresh.commits && scanned.stats == fresh.stats)
        #expect(!FileManager.default.fileExists(atPath: cache.onTopFile))
        let contents = try Self.loaded(repo)
        #expect(contents.onTop == 0 && contents.commits == fresh.commits)

        // HEAD moved back below the cache's: the whole cache again.
        try repo.write("later.txt", "later again\n")
        try repo.commit("Later again")
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        #expect(FileManager.default.fileExists(atPath: cache.onTopFile))
        try repo.git(["reset", "-q", "--hard", "HEAD~2"])
        let (back, freshBack) = try Self.scanAndFresh(repo)
        #expect(back.commits == freshBack.commits && back.stats == freshBack.stats)
        #expect(!FileManager.default.fileExists(atPath: cache.onTopFile))
        #expect(try Self.loaded(repo).commits == freshBack.commits)
    }

    @Test func pastTheLimitTheWholeCacheIsWritten() throws {
        let repo = try GitHistoryCacheTests.fixture()
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let cache = Self.cache(repo)
        let cached = try Self.loaded(repo)
        // As many new commits as the limit allows, then one more.
        let parent = cached.head
        var commits: [GitCommit] = []
        var stats = cached.stats
        for index in 0...HistoryCache.onTopLimit {
            let id = String(format: "%040x", index + 1)
            let signature = GitSignature(name: "n", email: "e", time: Int64(index), offsetMinutes: 0)
            commits.insert(
                GitCommit(id: id, parents: [commits.first?.id ?? parent], author: signature, committer: signature, subject: "s", body: "s"),
                at: 0)
            stats[id] = CommitStats(files: [FileChange(path: "f\(index)", status: .created, added: 1, deleted: 0)])
        }
        try cache.saveOnTop(
            over: try #require(cached.base), head: commits[1].id, newCommits: Array(commits.dropFirst()),
            commits: commits.dropFirst() + cached.commits, stats: stats)
        #expect(try Self.loaded(repo).onTop == HistoryCache.onTopLimit)
        let withTop = try Self.loaded(repo)
        try cache.saveOnTop(
            over: try #require(withTop.base), head: commits[0].id, newCommits: [commits[0]], commits: commits + cached.commits, stats: stats)
        let whole = try Self.loaded(repo)
        #expect(whole.onTop == 0)
        #expect(whole.head == commits[0].id)
        #expect(whole.commits == commits + cached.commits)
        #expect(!FileManager.default.fileExists(atPath: cache.onTopFile))
    }

    @Test func aFileOnTopThatFailsACheckIsNotReadAndGoes() throws {
        let repo = try GitHistoryCacheTests.fixture()
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let baseHead = try Self.loaded(repo).head
        try repo.write("later.txt", "later\n")
        try repo.commit("Later")
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        let cache = Self.cache(repo)
        let good = try #require(Self.bytes(cache.onTopFile))

        var flipped = good
        flipped[flipped.count / 2] ^= 0x01
        // Sealed again, but naming a cache file of another checksum.
        let trailerStart = try #require(good.dropLast().lastIndex(of: 0x0A)) + 1
        let body = String(decoding: good[..<trailerStart], as: UTF8.self)
        let baseLine = String(body.split(separator: "\n")[1])
        #expect(baseLine.hasPrefix("b \(baseHead) "))
        let overAnother = Array(body.replacingOccurrences(of: baseLine, with: "b \(baseHead) 0").utf8)
        for damaged in [flipped, Array(good.prefix(good.count / 2)), [], GitHistoryCacheTests.sealed(overAnother, count: 1)] {
            try Data(damaged).write(to: URL(fileURLWithPath: cache.onTopFile))
            let contents = try Self.loaded(repo)
            #expect(contents.onTop == 0)
            #expect(contents.head == baseHead)
            #expect(!FileManager.default.fileExists(atPath: cache.onTopFile))
            // The scan reads the new commit again and puts it back on top.
            let (scanned, fresh) = try Self.scanAndFresh(repo)
            #expect(scanned.commits == fresh.commits && scanned.stats == fresh.stats)
            #expect(Self.bytes(cache.onTopFile) == good)
        }

        // A cache file written again (by another run) under a file on top: the file on top is not read over it.
        try Data(good).write(to: URL(fileURLWithPath: cache.onTopFile))
        let contents = try Self.loaded(repo)
        try cache.save(head: contents.head, complete: true, commits: contents.commits, stats: contents.stats)
        try Data(good).write(to: URL(fileURLWithPath: cache.onTopFile))
        let rewritten = try Self.loaded(repo)
        #expect(rewritten.onTop == 0)
        #expect(rewritten.commits == contents.commits)
    }
}
