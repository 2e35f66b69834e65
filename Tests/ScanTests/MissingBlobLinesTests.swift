import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// A commit one of whose blobs is missing keeps the counts of its other files: the file is
/// unknown, the task's lines are "at least", and a finding names the commit and the path.
struct MissingBlobLinesTests {
    static let masterList = "## Phase 1: Start\n\n- [x] **TN-001** First\n- [ ] **TN-002** Second\n"

    static func lines(_ prefix: String, _ count: Int) -> String {
        (1...count).map { "\(prefix) \($0)\n" }.joined()
    }

    /// Root; a TN-001 commit adding a 1000-line file, a 3-line file and the victim (2 lines, a
    /// blob no other commit shares); a TN-001 commit changing the small file; a TN-002 commit
    /// deleting the victim. The victim's blob is then deleted from `.git/objects`.
    struct Fixture {
        let repo: GitRepositoryBuilder
        let root, victim, follow, removal: String
        let blob: String
        let blobBytes: Data
    }

    static func makeFixture() throws -> Fixture {
        let repo = try GitRepositoryBuilder()
        try repo.write("README.md", "# Service\n")
        let root = try repo.commit("Initial commit")
        try repo.write("big.txt", lines("big", 1000))
        try repo.write("small.txt", lines("small", 3))
        try repo.write("victim.txt", "a blob no other commit shares\nsecond line\n")
        let victim = try repo.commit("TN-001: add the files")
        try repo.write("small.txt", lines("small", 4))
        let follow = try repo.commit("TN-001: one more line")
        try repo.remove("victim.txt")
        let removal = try repo.commit("TN-002: drop the victim")
        let blob = try repo.revParse("\(victim):victim.txt")
        let object = repo.looseObjectPath(blob)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: object))
        try FileManager.default.removeItem(atPath: object)
        return Fixture(repo: repo, root: root, victim: victim, follow: follow, removal: removal, blob: blob, blobBytes: bytes)
    }

    @Test func theOtherFilesOfTheCommitAreStillCounted() throws {
        let fixture = try Self.makeFixture()
        let history = try #require(try HistoryScanner(repositoryPath: fixture.repo.path).scan())
        let stats = try #require(history.stats[fixture.victim])
        let byPath = Dictionary(uniqueKeysWithValues: stats.files.map { ($0.path, $0) })
        #expect(byPath["big.txt"]?.added == 1000)
        #expect(byPath["small.txt"]?.added == 3)
        let victim = try #require(byPath["victim.txt"])
        #expect(victim.isUnreadable && victim.added == nil && victim.deleted == nil && !victim.isBinary)
        #expect(victim.status == .created)
        #expect(stats.linesAdded == 1003)
        #expect(stats.unreadableFiles == 1 && !stats.isComplete)
        // The deletion needs the same blob on its old side.
        let removal = try #require(history.stats[fixture.removal])
        #expect(removal.files.map(\.path) == ["victim.txt"])
        #expect(removal.files.first?.isUnreadable == true && removal.files.first?.status == .deleted)
        // Commits that do not need the blob are counted as git counts them.
        #expect(history.stats[fixture.follow]?.linesAdded == 1)
        #expect(history.stats[fixture.follow]?.isComplete == true)

        let unreadable = history.findings.filter { $0.rule == .gitObjectUnreadable }
        #expect(unreadable.map(\.commit) == [fixture.removal, fixture.victim])
        for finding in unreadable {
            #expect(finding.message.en.contains("victim.txt"))
            #expect(finding.message.ru.contains("victim.txt"))
            #expect(finding.message.en.contains(finding.commit ?? "?"))
        }
    }

    @Test func theTasksLinesAreALowerBoundWithItsCommitsListed() throws {
        let fixture = try Self.makeFixture()
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: fixture.repo.path, cachePath: cache.path).scan())
        let association = TaskAssociation(history: history, tasks: ["TN-001", "TN-002"], ids: try TaskIDPattern())
        let summary = association.summary(for: "TN-001")
        #expect(summary.commits == 2)
        #expect(summary.linesAdded == 1004)
        #expect(summary.linesDeleted == 0)
        #expect(summary.filesTouched == 3)
        #expect(summary.linesAreLowerBound == true)
        #expect(summary.commitIDs == [fixture.follow, fixture.victim])
        let removal = association.summary(for: "TN-002")
        #expect(removal.linesAdded == 0 && removal.linesDeleted == 0 && removal.linesAreLowerBound == true)

        let table = association.history(for: "TN-001")
        #expect(table.commits.map(\.unreadableFiles) == [nil, 1])
        #expect(table.commits.map(\.added) == [1, 1003])
        let victim = try #require(table.files.first { $0.path == "victim.txt" })
        #expect(victim.unreadable == true && victim.added == nil && victim.created)
        let big = try #require(table.files.first { $0.path == "big.txt" })
        #expect(big.unreadable == nil && big.added == 1000)

        #expect(TaskAssociation.summary(of: history).unreadable == 2)
    }

    @Test func theScanJSONSaysAtLeastOnlyWhereItApplies() throws {
        let fixture = try Self.makeFixture()
        try fixture.repo.write("tasks/TASKS.md", Self.masterList)
        let workspace = try WorkspaceScanner(repository: fixture.repo.path).scan()
        let json = try #require(try JSONSerialization.jsonObject(with: CanonicalJSON.encode(workspace)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        let first = try #require(tasks.first { $0["id"] as? String == "TN-001" }?["git"] as? [String: Any])
        #expect(first["linesAdded"] as? Int == 1004)
        #expect(first["linesAreLowerBound"] as? Bool == true)
        #expect(first["commitIDs"] as? [String] == [fixture.follow, fixture.victim])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "git.object-unreadable" && $0["commit"] as? String == fixture.victim })
        #expect(workspace.git?.unreadable == 2)

        // Without damage the flag is not written at all.
        let clean = try GitRepositoryBuilder()
        try clean.write("a.txt", "a\n")
        try clean.commit("TN-001: a")
        try clean.write("tasks/TASKS.md", Self.masterList)
        let bytes = try CanonicalJSON.encode(try WorkspaceScanner(repository: clean.path).scan())
        #expect(!String(decoding: bytes, as: UTF8.self).contains("linesAreLowerBound"))
    }

    @Test func aPartlyReadCommitIsNotCachedSoARestoredObjectIsCounted() throws {
        let fixture = try Self.makeFixture()
        let cache = try TemporaryFolder()
        let scanner = HistoryScanner(repositoryPath: fixture.repo.path, cachePath: cache.path)
        _ = try #require(try scanner.scan())
        let again = try #require(try scanner.scan())
        // Root and the follow-up come from the cache; the two commits that need the blob are counted again.
        #expect(again.cachedCommits == 2)
        #expect(again.stats[fixture.victim]?.linesAdded == 1003)
        #expect(again.findings.filter { $0.rule == .gitObjectUnreadable }.count == 2)

        try fixture.blobBytes.write(to: URL(fileURLWithPath: fixture.repo.looseObjectPath(fixture.blob)))
        let restored = try #require(try scanner.scan())
        #expect(restored.stats[fixture.victim]?.linesAdded == 1005)
        #expect(restored.stats[fixture.victim]?.isComplete == true)
        #expect(restored.stats[fixture.removal]?.linesDeleted == 2)
        #expect(!restored.findings.contains { $0.rule == .gitObjectUnreadable })
    }

    /// A commit that both adds and deletes files goes through libgit2's diff (rename detection);
    /// a missing blob there costs only its own file too.
    @Test func aCommitWithARenameKeepsItsReadableFiles() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("old.txt", Self.lines("moved", 10))
        try repo.write("big.txt", Self.lines("big", 5))
        try repo.commit("Root")
        try repo.remove("old.txt")
        try repo.write("new.txt", Self.lines("moved", 10))
        try repo.write("big.txt", Self.lines("big", 7))
        try repo.write("lost.txt", "this blob goes missing\nand a second line\nand a third\n")
        let commit = try repo.commit("TN-001: move, grow, lose")
        try FileManager.default.removeItem(atPath: repo.looseObjectPath(try repo.revParse("\(commit):lost.txt")))

        let history = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        let stats = try #require(history.stats[commit])
        let byPath = Dictionary(uniqueKeysWithValues: stats.files.map { ($0.path, $0) })
        #expect(byPath["new.txt"]?.status == .renamed && byPath["new.txt"]?.oldPath == "old.txt")
        #expect(byPath["new.txt"]?.added == 0 && byPath["new.txt"]?.deleted == 0)
        #expect(byPath["big.txt"]?.added == 2 && byPath["big.txt"]?.deleted == 0)
        #expect(byPath["lost.txt"]?.isUnreadable == true && byPath["lost.txt"]?.status == .created)
        #expect(stats.files.count == 3)
        #expect(history.findings.contains { $0.rule == .gitObjectUnreadable && $0.commit == commit && $0.message.en.contains("lost.txt") })
    }

    @Test func workerRecordsCarryUnreadableFiles() throws {
        let stats = CommitStats(files: [
            FileChange(path: "a.txt", status: .created, added: 3, deleted: 0),
            FileChange(path: "b.bin", status: .modified, added: nil, deleted: nil),
            FileChange(path: "lost\tname.txt", status: .deleted, added: nil, deleted: nil, isUnreadable: true),
        ])
        let id = String(repeating: "a", count: 40)
        var bytes: [UInt8] = []
        HistoryRecordFormat.append(id, stats, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("f D ? ? lost\\tname.txt\n"))
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(bytes[...], into: &parsed)
        #expect(parsed.stats[id] == stats)
        #expect(parsed.stats[id]?.files[1].isBinary == true)
        // `?` on one side only is no record.
        var broken = HistoryRecordFormat.Parsed()
        #expect(throws: HistoryRecordFormat.Malformed.self) {
            try HistoryRecordFormat.parse(Array("c \(id) 1\nf M ? 2 x.txt\n".utf8)[...], into: &broken)
        }
    }

    @Test func workerProcessesPassUnreadableFilesBack() throws {
        let binary = GitHistoryRobustnessTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "phasecert not built at \(binary)")
        let fixture = try Self.makeFixture()
        let cache = try TemporaryFolder()
        let inProcess = try #require(try HistoryScanner(repositoryPath: fixture.repo.path, cachePath: cache.path + "/a").scan())
        let worker = HistoryScanner.WorkerCommand(executable: binary, arguments: ["history-worker", "--repo", fixture.repo.path])
        let withWorkers = try #require(try HistoryScanner(
            repositoryPath: fixture.repo.path, cachePath: cache.path + "/b", worker: worker, workerCount: 2, workerThreshold: 1
        ).scan())
        #expect(withWorkers.stats == inProcess.stats)
        #expect(withWorkers.stats[fixture.victim]?.unreadableFiles == 1)
        #expect(withWorkers.findings.map(\.commit) == inProcess.findings.map(\.commit))
    }
}
