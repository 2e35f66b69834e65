import Foundation
import Testing
import TestSupport
@testable import Scan

/// Each file change's status (created, modified, deleted, renamed) as `git diff --name-status`
/// gives it, through libgit2, the history cache and the history-worker protocol.
struct TaskHistoryFileStatusTests {
    /// One `git diff --name-status -z` entry, reduced to what phasecert records.
    struct NameStatus: Hashable, CustomStringConvertible {
        var path: String
        var oldPath: String?
        var status: FileChange.Status

        var description: String { "\(status) \(oldPath.map { "\($0) => " } ?? "")\(path)" }
    }

    /// `git diff --name-status -z <old> <new>`: `X\0path\0`, or `Rnnn\0old\0new\0` for a rename.
    static func gitNameStatus(from old: String, to new: String, in directory: String) throws -> [NameStatus] {
        let fields = [UInt8](try GitFixture.gitOutput(["diff", "--name-status", "-z", old, new], in: directory))
            .split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var entries: [NameStatus] = []
        var index = 0
        while index + 1 < fields.count {
            let letter = fields[index].first
            switch letter {
            case "R", "C":
                entries.append(NameStatus(path: fields[index + 2], oldPath: fields[index + 1], status: .renamed))
                index += 3
            case "A": entries.append(NameStatus(path: fields[index + 1], status: .created)); index += 2
            case "D": entries.append(NameStatus(path: fields[index + 1], status: .deleted)); index += 2
            case "M", "T": entries.append(NameStatus(path: fields[index + 1], status: .modified)); index += 2
            default:
                Issue.record("unexpected name-status field \(fields[index])")
                return entries
            }
        }
        return entries.sorted { $0.description < $1.description }
    }

    static func nameStatus(_ stats: CommitStats) -> [NameStatus] {
        stats.files.map { NameStatus(path: $0.path, oldPath: $0.oldPath, status: $0.status) }.sorted { $0.description < $1.description }
    }

    /// Compares every commit with git and returns the statuses seen, to show what was covered.
    @discardableResult
    static func compareEveryCommit(_ path: String) throws -> Set<FileChange.Status> {
        let empty = try GitFixture.emptyTree(in: path)
        let repository = try #require(try GitRepository(path: path))
        let parentsByCommit = try GitFixture.parentsByCommit(in: path)
        var seen = Set<FileChange.Status>()
        for id in try GitFixture.revList(in: path) {
            let parent = parentsByCommit[id]?.first
            let stats = try repository.stats(of: id, against: parent)
            #expect(nameStatus(stats) == (try gitNameStatus(from: parent ?? empty, to: id, in: path)), "commit \(id)")
            for file in stats.files {
                seen.insert(file.status)
                #expect(file.isCreation == (file.status == .created))
                #expect((file.status == .renamed) == (file.oldPath != nil), "\(file.path) in \(id)")
            }
        }
        return seen
    }

    /// The numstat fixture holds additions, deletions, pure and edited renames, binary files, a
    /// symlink, a mode change, merges and an octopus merge.
    @Test func everyStatusMatchesGitNameStatusOnTheNumstatFixture() throws {
        let fixture = try GitHistoryNumstatTests.shared.get()
        let seen = try Self.compareEveryCommit(fixture.path)
        #expect(seen == [.created, .modified, .deleted, .renamed])
    }

    /// The two ways phasecert counts a commit: its own tree comparison (no rename possible)
    /// and libgit2's diff (a file added and another deleted in one commit).
    @Test func creationModificationDeletionAndRenameInBothDiffPaths() throws {
        let repo = try GitRepositoryBuilder()
        func text(_ name: String, _ count: Int) -> String { GitHistoryNumstatTests.lines(name, count) }
        try repo.write("keep.txt", text("keep", 6))
        try repo.write("nested/deep/moved.txt", text("moved", 12))
        try repo.write("gone.txt", text("gone", 3))
        let root = try repo.commit("Root")
        try repo.write("keep.txt", text("keep", 7))
        try repo.write("new/added.txt", text("added", 2))
        let addOnly = try repo.commit("Add and modify: the tree comparison")
        try repo.remove("gone.txt")
        try repo.write("keep.txt", text("keep", 5))
        let deleteOnly = try repo.commit("Delete and modify: the tree comparison")
        try repo.folder.makeFolder("elsewhere")
        try repo.git(["mv", "nested/deep/moved.txt", "elsewhere/moved.txt"])
        try repo.write("fresh.txt", text("fresh", 1))
        try repo.remove("new/added.txt")
        let mixed = try repo.commit("Rename, add and delete: libgit2's diff")
        try repo.write("gone.txt", text("gone again", 2))
        let recreated = try repo.commit("The deleted file comes back")

        let repository = try #require(try GitRepository(path: repo.path))
        func statuses(_ id: String) throws -> [String: FileChange.Status] {
            let parent = try GitFixture.parents(of: id, in: repo.path).first
            return Dictionary(uniqueKeysWithValues: try repository.stats(of: id, against: parent).files.map { ($0.path, $0.status) })
        }
        #expect(try statuses(root) == ["keep.txt": .created, "nested/deep/moved.txt": .created, "gone.txt": .created])
        #expect(try statuses(addOnly) == ["keep.txt": .modified, "new/added.txt": .created])
        #expect(try statuses(deleteOnly) == ["keep.txt": .modified, "gone.txt": .deleted])
        #expect(try statuses(mixed) == ["elsewhere/moved.txt": .renamed, "fresh.txt": .created, "new/added.txt": .deleted])
        #expect(try statuses(recreated) == ["gone.txt": .created])
        #expect(try Self.compareEveryCommit(repo.path) == [.created, .modified, .deleted, .renamed])
    }

    /// A root commit is compared with the empty tree: every file in it is a creation, binary
    /// files and empty files included.
    @Test func aRootCommitCreatesEveryFile() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        try repo.write("empty.txt", "")
        try repo.write("deep/b/c.txt", "c\nc\n")
        try repo.write("image.bin", bytes: [0, 1, 2, 0, 255])
        let root = try repo.commit("Root")
        let repository = try #require(try GitRepository(path: repo.path))
        let stats = try repository.stats(of: root, against: nil)
        #expect(stats.files.count == 4)
        #expect(stats.files.allSatisfy { $0.isCreation })
        #expect(stats.files.first { $0.path == "image.bin" } == FileChange(path: "image.bin", status: .created, added: nil, deleted: nil))
        // Through the scanner too (the same comparison, chosen by the missing parent).
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: cache.path).scan())
        #expect(history.stats[root] == stats)
    }

    /// A file that becomes a symlink keeps its path: git calls it a type change, phasecert a
    /// modification, not a deletion and a creation.
    @Test func aTypeChangeIsAModification() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("target.txt", "target\n")
        try repo.write("swap", "one\ntwo\n")
        try repo.commit("Root")
        try repo.remove("swap")
        try repo.folder.link("swap", to: "target.txt")
        let change = try repo.commit("File becomes a symlink")
        let repository = try #require(try GitRepository(path: repo.path))
        #expect(try repository.stats(of: change, against: try repo.revParse("\(change)^")).files.map(\.status) == [.modified])
        try Self.compareEveryCommit(repo.path)
    }

    // MARK: - Cache

    @Test func theCacheKeepsEveryStatus() throws {
        let repo = try GitHistoryCacheTests.fixture()
        try repo.remove("image.bin")
        try repo.write("src/added.txt", "added\n")
        try repo.commit("Delete the binary, add a file")
        let first = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(first.cachedCommits == 0)
        let second = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(second.cachedCommits == first.commits.count)
        #expect(second.stats == first.stats)
        #expect(Set(second.stats.values.flatMap { $0.files.map(\.status) }) == [.created, .modified, .deleted, .renamed])
        guard case let .loaded(contents) = HistoryCache(directory: repo.path + "/.git/phasecert").load() else {
            Issue.record("the cache does not load")
            return
        }
        #expect(contents.stats == first.stats)
        let files = Set(contents.stats.values.flatMap(\.files))
        #expect(files.contains(FileChange(path: "src/renamed.txt", oldPath: "src/main.txt", status: .renamed, added: 0, deleted: 0)))
        #expect(files.contains(FileChange(path: "image.bin", status: .deleted, added: nil, deleted: nil)))
    }

    /// `history` as format 3 kept it: text records (`HistoryRecordFormat`) after the header and
    /// the HEAD line, and a trailer line with the count and the checksum.
    static func formatThree(_ history: History) -> [UInt8] {
        var bytes = Array("phasecert-history-cache 3\nh \(history.head ?? "") complete\n".utf8)
        for commit in history.commits {
            HistoryRecordFormat.append(commit, to: &bytes)
            if let stats = history.stats[commit.id] { HistoryRecordFormat.append(commit.id, stats, to: &bytes) }
        }
        return bytes + Array("end \(history.commits.count) \(String(HistoryCache.checksum(bytes[...]), radix: 16))\n".utf8)
    }

    @Test func aCacheOfAnOlderFormatIsRebuiltNotMisread() throws {
        let repo = try GitHistoryCacheTests.fixture()
        let fresh = try GitHistoryCacheTests.freshStats(repo)
        let first = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        let file = GitHistoryCacheTests.cacheFile(repo)
        #expect(file.hasSuffix("/history-v\(HistoryCache.formatVersion).cache"))
        let current = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let old = Self.formatThree(first)
        #expect(String(decoding: old, as: UTF8.self).contains("\nf A - - image.bin\n"))

        // Left by an older phasecert under its own name, with a file on top: not read, and
        // removed once replaced.
        let folder = repo.path + "/.git/phasecert"
        let (oldFile, oldTop) = (folder + "/history-v3.cache", folder + "/history-v3.on-top")
        try FileManager.default.removeItem(atPath: file)
        try Data(old).write(to: URL(fileURLWithPath: oldFile))
        try Data("phasecert-history-on-top 3\n".utf8).write(to: URL(fileURLWithPath: oldTop))
        let history = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(history.cachedCommits == 0)
        #expect(history.stats == fresh)
        #expect(!FileManager.default.fileExists(atPath: oldFile))
        #expect(!FileManager.default.fileExists(atPath: oldTop))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) == current)

        // Old records under the current name and header, checksum recomputed: they do not parse.
        let headLine = old.firstIndex(of: 0x0A)! + 1
        let body = Array(HistoryCache.header.utf8) + old[headLine..<(old.dropLast().lastIndex(of: 0x0A)! + 1)]
        try Data(GitHistoryCacheTests.sealed(Array(body), count: first.commits.count)).write(to: URL(fileURLWithPath: file))
        guard case let .damaged(reason) = HistoryCache(directory: folder).load() else {
            Issue.record("old records were read as new ones")
            return
        }
        #expect(reason.hasPrefix("record at byte "))
        let rebuilt = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(rebuilt.cachedCommits == 0)
        #expect(rebuilt.stats == fresh)
        #expect(rebuilt.notes.contains { $0.contains("discarded and rebuilt") })
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) == current)
    }

    // MARK: - Worker protocol

    /// `StatsWorker.serve`, the body of `phasecert history-worker`, run on files instead of pipes:
    /// the records it writes carry each file's status.
    @Test func theWorkerProtocolCarriesTheStatus() throws {
        let repo = try GitHistoryCacheTests.fixture()
        let parents = try GitFixture.parentsByCommit(in: repo.path)
        let jobs = try GitFixture.revList(in: repo.path).map { StatsWorker.Job(commit: $0, parent: parents[$0]?.first) }
        let scratch = try TemporaryFolder()
        let input = try scratch.write("jobs", data: StatsWorker.encode(jobs[...]))
        let output = try scratch.write("records", "")
        let code = StatsWorker.serve(
            repository: repo.path, input: try FileHandle(forReadingFrom: URL(fileURLWithPath: input)),
            output: try FileHandle(forWritingTo: URL(fileURLWithPath: output)))
        #expect(code == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(bytes[...], into: &parsed)
        #expect(parsed.order == jobs.map(\.commit))
        let repository = try #require(try GitRepository(path: repo.path))
        for job in jobs {
            #expect(parsed.stats[job.commit] == (try repository.stats(of: job.commit, against: job.parent)), "\(job.commit)")
        }
        #expect(Set(parsed.stats.values.flatMap { $0.files.map(\.status) }) == [.created, .modified, .renamed])
    }
}
