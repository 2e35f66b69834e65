import Foundation
import Testing
import TestSupport
@testable import Scan

/// A history counted anew is written in the cache's format and read back from those bytes
/// (`HistoryScanner.compactingCount`): what the scan returns and what the cache holds are the
/// same as without it.
struct HistoryCompactionTests {
    private func scan(_ path: String, cache: String, compacting: Int, worker: HistoryScanner.WorkerCommand? = nil) throws -> History {
        var scanner = HistoryScanner(repositoryPath: path, cachePath: cache, worker: worker, workerCount: 2, workerThreshold: 1)
        scanner.compactingCount = compacting
        return try #require(try scanner.scan())
    }

    private func expectSame(_ compacted: History, _ plain: History) {
        #expect(compacted.head == plain.head)
        #expect(compacted.commits == plain.commits)
        #expect(compacted.stats == plain.stats)
        #expect(compacted.statsByPosition == plain.statsByPosition)
        #expect(compacted.findings == plain.findings)
        #expect(compacted.notes == plain.notes)
        #expect(compacted.cachedCommits == plain.cachedCommits)
    }

    @Test func aCompactedHistoryIsTheHistoryCounted() throws {
        let repo = try GitHistoryCacheTests.fixture()
        let caches = try TemporaryFolder()
        let plain = try scan(repo.path, cache: caches.path + "/plain", compacting: .max)
        let compacted = try scan(repo.path, cache: caches.path + "/compacted", compacting: 1)
        #expect(compacted.commits.count == 5)
        expectSame(compacted, plain)
        // The cache file is the one the scan without compaction writes.
        let written = try Data(contentsOf: URL(fileURLWithPath: HistoryCache(directory: caches.path + "/compacted").file))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: HistoryCache(directory: caches.path + "/plain").file))))
        // And the next scan reads every commit from it.
        let again = try scan(repo.path, cache: caches.path + "/compacted", compacting: 1)
        #expect(again.cachedCommits == 5)
        #expect(again.stats == plain.stats && again.commits == plain.commits)
    }

    @Test func statisticsTheCacheDoesNotKeepSurviveTheCompaction() throws {
        // A commit one of whose blobs is missing: its statistics are incomplete, which the cache
        // never keeps, so read back from the cache's bytes they would be gone.
        let fixture = try MissingBlobLinesTests.makeFixture()
        let caches = try TemporaryFolder()
        let plain = try scan(fixture.repo.path, cache: caches.path + "/plain", compacting: .max)
        let compacted = try scan(fixture.repo.path, cache: caches.path + "/compacted", compacting: 1)
        #expect(compacted.stats[fixture.victim]?.unreadableFiles == 1)
        expectSame(compacted, plain)
        // Counted again next time, as without compaction: the commits with the missing blob.
        let again = try scan(fixture.repo.path, cache: caches.path + "/compacted", compacting: 1)
        let plainAgain = try scan(fixture.repo.path, cache: caches.path + "/plain", compacting: .max)
        #expect(again.cachedCommits < again.commits.count)
        #expect(again.cachedCommits == plainAgain.cachedCommits)
        #expect(again.stats == plain.stats)
    }

    @Test func workerProcessesCountWhileTheWalkHasLetGoOfTheRepository() throws {
        let binary = GitHistoryRobustnessTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "phasecert not built at \(binary)")
        let repo = try GitHistoryCacheTests.fixture()
        let caches = try TemporaryFolder()
        let plain = try scan(repo.path, cache: caches.path + "/plain", compacting: .max)
        let worker = HistoryScanner.WorkerCommand(executable: binary, arguments: ["history-worker", "--repo", repo.path])
        let counted = try scan(repo.path, cache: caches.path + "/workers", compacting: 1, worker: worker)
        expectSame(counted, plain)
    }

    @Test func whatFailedWorkersLeaveIsCountedInAReopenedRepository() throws {
        // Workers that exit at once: every commit is left to this process, after the walk's
        // repository was let go.
        let repo = try GitHistoryCacheTests.fixture()
        let caches = try TemporaryFolder()
        let plain = try scan(repo.path, cache: caches.path + "/plain", compacting: .max)
        let failing = HistoryScanner.WorkerCommand(executable: "/bin/false", arguments: [])
        let counted = try scan(repo.path, cache: caches.path + "/failing", compacting: .max, worker: failing)
        expectSame(counted, plain)
        #expect(counted.findings.isEmpty)
    }
}
