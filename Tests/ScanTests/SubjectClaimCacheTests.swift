import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// Commit subjects' claims kept by commit (`SubjectClaimCache`): after new commits only their
/// subjects are read, and the claims come out as reading every subject gives them.
struct SubjectClaimCacheTests {
    static let tasks = [
        TaskRecord(id: "TN-001", phase: "1", directories: ["tasks/TN-001-parser"]),
        TaskRecord(id: "TN-002", phase: "1", directories: ["tasks/TN-002-lexer"]),
    ]
    static let phases = [Phase(id: "1", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-001", "TN-002"])]

    static func extractor(tasks: [TaskRecord] = tasks) throws -> ClaimExtractor {
        try ClaimExtractor(ids: TaskIDPattern(), tasks: tasks, phases: phases)
    }

    static func cache(in folder: TemporaryFolder) -> SubjectClaimCache {
        SubjectClaimCache(
            beside: DocumentClaimCache(
                directory: folder.path + "/cache", boundary: WriteBoundary(root: folder.path, name: "folder"), salt: "build 1"))
    }

    static func history(_ repository: GitRepositoryBuilder) throws -> History {
        try #require(try HistoryScanner(repositoryPath: repository.path, cachePath: repository.path + "/.git/history-cache").scan())
    }

    /// Three commits whose subjects hold figures, one that holds none.
    static func repository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("a.txt", "a\n")
        try repository.commit("TN-001: parser (120 LOC)")
        try repository.write("b.txt", "b\n")
        try repository.commit("chore: tidy")
        try repository.write("c.txt", "c\n")
        try repository.commit("TN-002: lexer, 14 tests passing")
        try repository.write("d.txt", "d\n")
        try repository.commit("TN-001: 3 files changed, 40 lines")
        return repository
    }

    /// A repository of `repository()`, a cache in a folder of its own (kept while in use) and the extractor.
    static func setUp() throws -> (GitRepositoryBuilder, TemporaryFolder, SubjectClaimCache, ClaimExtractor) {
        let folder = try TemporaryFolder()
        return (try repository(), folder, cache(in: folder), try extractor())
    }

    /// A branch `side` and `main` each one commit ahead of HEAD, then `side` merged into `main`.
    static func mergeSideBranch(in repository: GitRepositoryBuilder) throws {
        try repository.git(["checkout", "-q", "-b", "side"])
        try repository.write("side.txt", "side\n")
        try repository.commit("TN-001: side, 5 tests passing")
        try repository.git(["checkout", "-q", "main"])
        try repository.write("main.txt", "main\n")
        try repository.commit("TN-002: main, 6 tests passing")
        try repository.merge(["side"], message: "Merge branch 'side'")
    }

    /// `history` with the subject of `commit` replaced: what a kept entry is told from.
    static func relabelled(_ history: History, _ commit: String, _ subject: String) -> History {
        var history = history
        for index in history.commits.indices where history.commits[index].id == commit { history.commits[index].subject = subject }
        return history
    }

    @Test func aNewCommitIsReadAndTheOthersAreKept() throws {
        let (repository, folder, cache, extractor) = try Self.setUp()
        defer { withExtendedLifetime(folder) {} }
        let first = try Self.history(repository)
        #expect(cache.claims(of: first, extractor: extractor) == extractor.extract(subjectsOf: first.commits))
        try repository.write("e.txt", "e\n")
        let added = try repository.commit("TN-002: lexer done (75 LOC)")
        let second = try Self.history(repository)
        let fresh = extractor.extract(subjectsOf: second.commits)
        #expect(fresh.claims.contains { $0.source == .commit(added) })
        #expect(cache.claims(of: second, extractor: extractor) == fresh)
        // The kept commits' subjects were not read again: a subject changed in memory (the same
        // id) still gives the claims kept for it, while the new commit's subject is read.
        let old = try #require(first.commits.first { $0.subject.contains("parser") }).id
        try repository.write("f.txt", "f\n")
        let newest = try repository.commit("TN-001: parser again (30 LOC)")
        let third = Self.relabelled(Self.relabelled(try Self.history(repository), old, "TN-001: parser (999 LOC)"), newest, "TN-001: parser again (31 LOC)")
        let result = cache.claims(of: third, extractor: extractor)
        #expect(result.claims.first { $0.source == .commit(old) }?.claimed == 120)
        #expect(result.claims.first { $0.source == .commit(newest) }?.claimed == 31)
        #expect(result.claims.map(\.source) == extractor.extract(subjectsOf: third.commits).claims.map(\.source))
    }

    @Test func branchCommitsOlderThanTheKeptHeadComeInHistoryOrder() throws {
        let (repository, folder, cache, extractor) = try Self.setUp()
        defer { withExtendedLifetime(folder) {} }
        let base = try repository.head()
        // A branch whose commits are dated before main's next commit, merged after it: they fall
        // between commits the cache holds.
        try repository.git(["checkout", "-q", "-b", "side"])
        try repository.write("s.txt", "s\n")
        try repository.commit("TN-002: side work (12 LOC)", date: "2024-01-01T00:00:00Z", committerDate: "2024-01-01T00:00:00Z")
        try repository.git(["checkout", "-q", "main"])
        try repository.write("m.txt", "m\n")
        try repository.commit("TN-001: main work (8 LOC)")
        _ = cache.claims(of: try Self.history(repository), extractor: extractor)
        try repository.merge(["side"], message: "Merge side (2 tests)")
        let merged = try Self.history(repository)
        #expect(merged.commits.contains { $0.id == base })
        #expect(cache.claims(of: merged, extractor: extractor) == extractor.extract(subjectsOf: merged.commits))
    }

    @Test func whatTheEntryCannotVouchForIsReadWhole() throws {
        let (repository, folder, cache, extractor) = try Self.setUp()
        defer { withExtendedLifetime(folder) {} }
        let history = try Self.history(repository)
        _ = cache.claims(of: history, extractor: extractor)
        let old = try #require(history.commits.first { $0.subject.contains("parser") }).id
        let relabelled = Self.relabelled(history, old, "TN-001: parser (999 LOC)")
        func claimed(_ history: History, by extractor: ClaimExtractor) -> Double? {
            cache.claims(of: history, extractor: extractor).claims.first { $0.source == .commit(old) }?.claimed
        }
        // Same HEAD and commit count: the kept claims.
        #expect(claimed(relabelled, by: extractor) == 120)
        // A shallow history can gain commits behind the kept HEAD.
        var shallow = relabelled
        shallow.isShallow = true
        #expect(claimed(shallow, by: extractor) == 999)
        _ = cache.claims(of: history, extractor: extractor)
        // Another plan: another key.
        let more = try Self.extractor(tasks: Self.tasks + [TaskRecord(id: "TN-003", phase: "1", directories: [])])
        #expect(claimed(relabelled, by: more) == 999)
        _ = cache.claims(of: history, extractor: extractor)
        // A history without the kept HEAD.
        var rewritten = relabelled
        rewritten.commits.removeFirst()
        #expect(claimed(rewritten, by: extractor) == 999)
        _ = cache.claims(of: history, extractor: extractor)
        // A damaged file.
        var bytes = try #require(FileManager.default.contents(atPath: cache.file))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: cache.file))
        #expect(claimed(relabelled, by: extractor) == 999)
        // It was written again, with what was read then, and holds.
        #expect(claimed(history, by: extractor) == 999)
    }

    @Test func anEntryReadsBackAsItWasWritten() throws {
        let repository = try Self.repository()
        let extractor = try Self.extractor()
        let history = try Self.history(repository)
        let (claims, findings) = extractor.extract(subjectsOf: history.commits)
        let capped = ClaimExtractionCap.finding(at: .commit(history.commits[0].id), task: "TN-001", phase: "1")
        let entry = SubjectClaimCache.Entry(
            key: "k", head: history.head ?? "", commitCount: history.commits.count, claims: claims, findings: findings + [capped])
        #expect(!claims.isEmpty)
        #expect(SubjectClaimCache.entry(in: SubjectClaimCache.contents(of: entry), key: "k") == entry)
        #expect(SubjectClaimCache.entry(in: SubjectClaimCache.contents(of: entry), key: "other") == nil)
        // A finding of no commit is no finding of a subject.
        var stray = entry
        stray.findings = [Finding(rule: .claimExtractionCapped, severity: .major, message: LocalizedText(en: "x", ru: "x"))]
        #expect(SubjectClaimCache.entry(in: SubjectClaimCache.contents(of: stray), key: "k") == nil)
    }
}
