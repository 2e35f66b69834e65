import Foundation
import Testing
import TestSupport
import PhaseModel
@testable import Scan

/// Changes counted by `git log` (`GitLogCounting`, `GitLogRecords`): git's figures, the same
/// records libgit2's workers write wherever the two agree, and libgit2 again when git fails.
struct GitLogCountingTests {
    static func git() throws -> GitLogCounting {
        let found = ExecutableLocator.executable(named: "git", path: ProcessInfo.processInfo.environment["PATH"])
        return GitLogCounting(executable: try #require(found).path)
    }

    static func jobs(in path: String) throws -> [StatsWorker.Job] {
        let parents = try GitFixture.parentsByCommit(in: path)
        return try GitFixture.revList(in: path).map { StatsWorker.Job(commit: $0, parent: parents[$0]?.first) }
    }

    /// What git's worker processes counted, slice by slice; fails when any slice fell through.
    static func countedByGit(_ path: String, slices: Int = 1) throws -> [String: CommitStats] {
        let repository = try #require(try GitRepository(path: path))
        let command = try #require(try git().command(for: repository))
        let jobs = try jobs(in: path)
        let parts = HistoryScanner.slices(jobs.count, into: slices).map { jobs[$0] }
        let outputs = WorkerPool(command: command, concurrency: 2).run(parts, counter: ProgressCounter(total: jobs.count) { _ in })
        var stats: [String: CommitStats] = [:]
        for (part, output) in zip(parts, outputs) {
            let parsed = try #require(output)
            #expect(parsed.order == part.map(\.commit))
            #expect(parsed.failures.isEmpty)
            stats.merge(parsed.stats) { first, _ in first }
        }
        return stats
    }

    /// The raw output of git's command for every commit of `path`.
    static func rawOutput(_ path: String) throws -> (ids: [String], bytes: [UInt8]) {
        let repository = try #require(try GitRepository(path: path))
        let command = try #require(try git().command(for: repository))
        let ids = try GitFixture.revList(in: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.environment = command.environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(ids.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (ids, bytes)
    }

    static func records(_ ids: [String], _ bytes: [UInt8], chunks: [Int]) -> (records: [UInt8], finished: Bool) {
        var converter = GitLogRecords(ids: ids)
        var records: [UInt8] = []
        var start = 0
        for size in chunks where start < bytes.count {
            let end = min(bytes.count, start + size)
            converter.consume(bytes[start..<end], into: &records)
            start = end
        }
        converter.consume(bytes[start...], into: &records)
        let finished = converter.finish(into: &records)
        return (records, finished)
    }

    /// Every kind of change of the numstat fixture (renames, binary files, a symlink, a mode
    /// change, merges, odd names with a tab and a newline): git's records are libgit2's.
    @Test func gitCountsTheNumstatFixtureAsLibgit2Does() throws {
        let fixture = try GitHistoryNumstatTests.shared.get()
        let repository = try #require(try GitRepository(path: fixture.path))
        for slices in [1, 3] {
            let counted = try Self.countedByGit(fixture.path, slices: slices)
            let jobs = try Self.jobs(in: fixture.path)
            #expect(counted.count == jobs.count)
            for job in jobs {
                #expect(counted[job.commit] == (try repository.stats(of: job.commit, against: job.parent)), "\(job.commit)")
            }
        }
    }

    /// Type changes, a submodule, an empty commit and a file named like a commit id.
    @Test func typeChangesSubmodulesAndEmptyCommitsAreLibgit2s() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("swap", GitHistoryNumstatTests.lines("swap", 4))
        try repo.write("target.txt", "target\n")
        try repo.commit("Root")
        try repo.git(["commit", "-q", "--allow-empty", "-m", "Nothing"])
        try repo.remove("swap")
        try repo.folder.link("swap", to: "target.txt")
        try repo.commit("File becomes a symlink")
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,1234567890123456789012345678901234567890,vendor/lib"])
        try repo.git(["commit", "-q", "-m", "Add a submodule"])
        try repo.git(["update-index", "--cacheinfo", "160000,2234567890123456789012345678901234567890,vendor/lib"])
        try repo.git(["commit", "-q", "-m", "Move the submodule"])
        let previous = try repo.head()
        try repo.write(previous, "a file named like the commit before\n")
        try repo.write(":colon", "a name starting with a colon\n")
        try repo.commit("Odd names")
        let repository = try #require(try GitRepository(path: repo.path))
        let counted = try Self.countedByGit(repo.path)
        for job in try Self.jobs(in: repo.path) {
            #expect(counted[job.commit] == (try repository.stats(of: job.commit, against: job.parent)), "\(job.commit)")
        }
        #expect(counted.values.contains { $0.files.isEmpty })
    }

    /// A file moved and mostly rewritten: libgit2 pairs the two paths as a rename (79 lines added,
    /// 11 deleted), git does not (60 deleted, 128 added); git's figures are the ones counted.
    @Test func renamesAreGitsWhereLibgit2PairsOtherwise() throws {
        let repo = try GitRepositoryBuilder()
        let kept = (1...60).map { "old page line \($0) with some words in it\n" }
        try repo.write("Start.txt", kept.joined())
        try repo.commit("Root")
        try repo.remove("Start.txt")
        try repo.write("routes/page.txt", kept.prefix(49).joined() + (1...79).map { "brand new content \($0) entirely different\n" }.joined())
        let move = try repo.commit("Move and rewrite the page")
        let parent = try repo.revParse("\(move)^")

        let libgit2 = try #require(try GitRepository(path: repo.path)).stats(of: move, against: parent)
        #expect(libgit2.files.map(\.status) == [.renamed])
        let counted = try #require(try Self.countedByGit(repo.path)[move])
        #expect(GitHistoryNumstatTests.entries(counted) == GitHistoryNumstatTests.sorted(try GitFixture.numstat(from: parent, to: move, in: repo.path)))
        #expect(counted.files.map(\.status) == [.deleted, .created])
        #expect(counted.linesAdded == 128)
        #expect(counted.linesDeleted == 60)

        // The scan counts with git when given it, with libgit2 when not.
        var scanner = HistoryScanner(repositoryPath: repo.path, cachePath: repo.folder.path + "/cache-git")
        scanner.gitLog = try Self.git()
        let history = try #require(try scanner.scan())
        #expect(history.stats[move] == counted)
        #expect(history.notes.isEmpty)
        let plain = HistoryScanner(repositoryPath: repo.path, cachePath: repo.folder.path + "/cache-libgit2")
        #expect(try #require(try plain.scan()).stats[move] == libgit2)
    }

    /// A git that fails, or writes what does not read as its log: libgit2 counts instead.
    @Test func aFailingOrGarbledGitFallsBackToLibgit2() throws {
        let fixture = try GitHistoryNumstatTests.shared.get()
        let scratch = try TemporaryFolder()
        let expected = try #require(try HistoryScanner(repositoryPath: fixture.path, cachePath: scratch.path + "/cache-libgit2").scan()).stats
        let garbled = try scratch.write("git", "#!/bin/sh\ncat > /dev/null\nprintf 'not a commit id\\0'\n")
        // Git's own output, cut short after 300 bytes; the pipe's status is head's, 0.
        let short = try scratch.write("short-git", "#!/bin/sh\n'\(try Self.git().executable)' \"$@\" | head -c 300\n")
        for file in [garbled, short] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        for (index, executable) in ["/bin/false", garbled, short].enumerated() {
            for threshold in [2, 2_000] {
                var scanner = HistoryScanner(
                    repositoryPath: fixture.path, cachePath: scratch.path + "/cache-\(index)-\(threshold)", workerCount: 2,
                    workerThreshold: threshold)
                scanner.gitLog = GitLogCounting(executable: executable)
                let history = try #require(try scanner.scan())
                #expect(history.stats == expected, "\(executable) \(threshold)")
                #expect(history.findings.isEmpty)
                let commits = try GitFixture.revList(in: fixture.path).count
                #expect(history.notes == [
                    LocalizedText(message: "problem.git.count.fallback", ["git": .text(executable), "count": .text(String(commits))]).en
                ])
            }
        }
    }

    /// The output read in chunks of any size gives the same records as read whole.
    @Test func chunksOfAnySizeGiveTheSameRecords() throws {
        let fixture = try GitHistoryNumstatTests.shared.get()
        let (ids, bytes) = try Self.rawOutput(fixture.path)
        let whole = Self.records(ids, bytes, chunks: [])
        #expect(whole.finished)
        #expect(!whole.records.isEmpty)
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(whole.records[...], into: &parsed)
        #expect(parsed.order == ids)
        var random = DocumentClaimCacheFormatTests.SplitMix(state: 0x5EED_1234)
        for _ in 0..<200 {
            let chunks = (0..<64).map { _ in Int(random.next() % 97) + 1 }
            let split = Self.records(ids, bytes, chunks: chunks)
            #expect(split.finished)
            #expect(split.records == whole.records)
        }
        let byteByByte = Self.records(ids, bytes, chunks: Array(repeating: 1, count: bytes.count))
        #expect(byteByByte.records == whole.records)
    }

    /// Output that stops short, names another commit, or lists a file without its counts is
    /// refused, never half read.
    @Test func malformedOutputIsRefused() throws {
        let first = String(repeating: "a", count: 40)
        let second = String(repeating: "b", count: 40)
        func refused(_ text: String, ids: [String] = [first, second]) -> Bool {
            var converter = GitLogRecords(ids: ids)
            var records: [UInt8] = []
            converter.consume(Array(text.utf8), into: &records)
            return !converter.finish(into: &records)
        }
        let good = "\(first)\0\n:100644 100644 1111111 2222222 M\0a.txt\01\t2\ta.txt\0\(second)\0"
        #expect(!refused(good))
        #expect(refused(String(good.dropLast())))  // the last NUL missing
        #expect(refused("\(first)\0"))  // the second commit missing
        #expect(refused("\(second)\0\(first)\0"))  // out of order
        #expect(refused(good + "\(second)\0"))  // a commit twice
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 M\0a.txt\0\(second)\0"))  // no counts
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 M\0a.txt\01\t2\tb.txt\0\(second)\0"))  // another path
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 U\0a.txt\01\t2\ta.txt\0\(second)\0"))  // unmerged
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 R\0a.txt\0b.txt\01\t2\t\0a.txt\0b.txt\0\(second)\0"))  // no score
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 M\0a.txt\0-\t2\ta.txt\0\(second)\0"))  // half binary
        #expect(refused("\(first)\0\n:100644 100644 1111111 2222222 R087\0a.txt\0b.txt\01\t2\t\0b.txt\0a.txt\0\(second)\0"))  // paths swapped
        let rename = "\(first)\0\n:100644 100644 1111111 2222222 R087\0a.txt\0b.txt\01\t2\t\0a.txt\0b.txt\0\(second)\0"
        #expect(!refused(rename))
        var converter = GitLogRecords(ids: [first, second])
        var records: [UInt8] = []
        converter.consume(Array(rename.utf8), into: &records)
        let finished = converter.finish(into: &records)
        #expect(finished)
        #expect(String(decoding: records, as: UTF8.self) == "c \(first) 1\nf R 1 2 b.txt\ta.txt\nc \(second) 0\n")
    }

    /// Git runs without the `GIT_` variables of a hook and never reaches a network.
    @Test func gitRunsWithoutTheCallersGitVariables() {
        let environment = GitLogCounting.environment([
            "GIT_DIR": "/elsewhere", "GIT_INDEX_FILE": "index.lock", "GIT_CONFIG_PARAMETERS": "'diff.renames'='false'",
            "PATH": "/usr/bin", "HOME": "/home/someone",
        ])
        #expect(environment["GIT_DIR"] == nil)
        #expect(environment["GIT_INDEX_FILE"] == nil)
        #expect(environment["GIT_CONFIG_PARAMETERS"] == nil)
        #expect(environment["PATH"] == "/usr/bin")
        #expect(environment["HOME"] == "/home/someone")
        #expect(environment["GIT_ALLOW_PROTOCOL"] == "")
        #expect(environment["GIT_NO_LAZY_FETCH"] == "1")
    }

    /// Grafts and partial clones are left to libgit2.
    @Test func graftsAndPartialClonesAreNotCountedByGit() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        try repo.commit("Root")
        let git = try Self.git()
        func counted() throws -> Bool {
            let repository = try #require(try GitRepository(path: repo.path))
            return git.command(for: repository) != nil
        }
        #expect(try counted())
        try repo.git(["config", "extensions.partialClone", "origin"])
        #expect(try !counted())
        try repo.git(["config", "--unset", "extensions.partialClone"])
        #expect(try counted())
        try repo.folder.makeFolder(".git/info")
        _ = try repo.folder.write(".git/info/grafts", "")
        #expect(try !counted())
    }
}
