import Foundation
import PhaseModel
import PropertyBased
import Testing
import TestSupport
@testable import Scan

/// The binary records of the history cache (`HistoryCacheFormat`): histories of every size and
/// id round-trip, and records changed or made up behind a checksum that holds are refused, or read
/// whole as records that are written back the same: never crashed on.
struct HistoryCacheFormatTests {
    static let signature = GitSignature(name: "Ann Example", email: "ann@example.com", time: -86_401, offsetMinutes: -150)

    static func commit(_ id: String, parents: [String], subject: String = "TN-1: a change of 42 lines") -> GitCommit {
        GitCommit(id: id, parents: parents, author: signature, committer: signature, subject: subject, body: "Body\n\nwith lines")
    }

    static func id(_ number: Int) -> String { String(format: "%040x", number) }

    func roundTrip(_ commits: [GitCommit], _ stats: [String: CommitStats]) throws -> HistoryCache.Loaded {
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        try cache.save(head: commits.first?.id ?? Self.id(0), complete: true, commits: commits, stats: stats)
        return cache.load()
    }

    @Test(arguments: [0, 1, 2, 3, 2_047, 2_048, 2_049])
    func historiesOfEverySizeRoundTrip(_ count: Int) throws {
        let commits = (0..<count).map { Self.commit(Self.id($0 + 1), parents: $0 + 1 < count ? [Self.id($0 + 2)] : []) }
        let stats = Dictionary(uniqueKeysWithValues: commits.enumerated().filter { $0.offset % 3 != 1 }.map { index, commit in
            (commit.id, CommitStats(files: [
                FileChange(path: "src/\(index % 17).swift", status: .modified, added: index, deleted: 1),
                FileChange(path: "img/\(index).png", status: .created, added: nil, deleted: nil),
            ]))
        })
        let head = commits.first?.id ?? Self.id(0)
        #expect(try roundTrip(commits, stats) == .loaded(HistoryCache.Contents(head: head, complete: true, commits: commits, stats: stats)))
    }

    @Test func idsOfEveryShapeRoundTrip() throws {
        // SHA-1 and SHA-256 ids, a parent outside the history, and ids no object database gives
        // (upper case, odd length, not hexadecimal, empty), kept as texts.
        let ids = [Self.id(1), String(repeating: "ab", count: 32), "ABCDEF", "abc", "not an id", ""]
        let commits = ids.enumerated().map { index, id in
            Self.commit(id, parents: index + 1 < ids.count ? [ids[index + 1], String(repeating: "e", count: 40)] : [])
        }
        let stats = [ids[0]: CommitStats(files: [FileChange(path: "a", oldPath: "b", status: .renamed, added: 0, deleted: 0)])]
        #expect(try roundTrip(commits, stats) == .loaded(HistoryCache.Contents(head: ids[0], complete: true, commits: commits, stats: stats)))
    }

    @Test func aStatisticOfAnUnreadableFileIsNotKept() throws {
        let commits = [Self.commit(Self.id(1), parents: [])]
        let stats = [Self.id(1): CommitStats(files: [FileChange(path: "a", added: nil, deleted: nil, isUnreadable: true)])]
        guard case let .loaded(contents) = try roundTrip(commits, stats) else {
            Issue.record("not loaded")
            return
        }
        #expect(contents.commits == commits)
        #expect(contents.stats.isEmpty)
    }

    /// A small cache file and where its records start.
    static func smallFile() throws -> (bytes: [UInt8], records: Int) {
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        let commits = (0..<6).map { Self.commit(Self.id($0 + 1), parents: $0 < 5 ? [Self.id($0 + 2)] : [], subject: "s\($0)") }
        let stats = Dictionary(uniqueKeysWithValues: commits.map {
            ($0.id, CommitStats(files: [FileChange(path: "p/\($0.subject)", oldPath: "q", status: .renamed, added: 3, deleted: 4)]))
        })
        try cache.save(head: commits[0].id, complete: true, commits: commits, stats: stats)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache.file)))
        let header = HistoryCache.header.utf8.count
        return (bytes, bytes[header...].firstIndex(of: 0x0A)! + 1)
    }

    /// Loads `bytes` as the cache file: damaged or loaded, and when loaded, written again and
    /// loaded again the same. Whether it was refused.
    @discardableResult
    static func loadOrRefuse(_ bytes: [UInt8]) throws -> Bool {
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: cache.file))
        switch cache.load() {
        case .missing:
            Issue.record("missing")
            return false
        case let .damaged(reason):
            #expect(!reason.isEmpty)
            return true
        case let .loaded(contents):
            try cache.save(head: contents.head, complete: contents.complete, commits: contents.commits, stats: contents.stats)
            #expect(cache.load() == .loaded(contents))
            return false
        }
    }

    @Test func everyByteChangedAndResealedIsRefusedOrReadWhole() throws {
        let (bytes, records) = try Self.smallFile()
        let body = Array(bytes.dropLast(HistoryCache.trailerSize))
        let count = Int(HistoryCacheFormat.fixed(bytes, at: body.count))
        var refused = 0
        for offset in records..<body.count {
            for change: UInt8 in [0x01, 0x80, 0xFF] {
                var changed = body
                changed[offset] ^= change
                if try Self.loadOrRefuse(GitHistoryCacheTests.sealed(changed, count: count)) { refused += 1 }
            }
        }
        // A change in a number or a flag breaks the records; one inside a text (a subject, a
        // path) reads as another text. Both happen in this file (411 of its 1,365 changes refused).
        #expect(refused > 0 && refused < (body.count - records) * 3)
    }

    @Test func bytesLeftAfterTheRecordsAreRefused() throws {
        let (bytes, _) = try Self.smallFile()
        var body = Array(bytes.dropLast(HistoryCache.trailerSize))
        let extra = body.count - 16
        body.insert(contentsOf: [0, 0, 0], at: extra)
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        try Data(GitHistoryCacheTests.sealed(body, count: 6)).write(to: URL(fileURLWithPath: cache.file))
        #expect(cache.load() == .damaged(LocalizedText(message: "problem.git.cache.record", ["offset": .text(String(extra))]).en))
    }

    static let byte = Gen<UInt8>.value(in: 0...255)

    @Test func randomRecordsWithAChecksumThatHoldsAreRefusedOrReadWhole() async throws {
        let (bytes, records) = try Self.smallFile()
        let prefix = Array(bytes[..<records])
        await propertyCheck(count: 300, input: Self.byte.array(of: 0...200), Gen<Int>.int(in: 0...8)) { random, count in
            try Self.loadOrRefuse(GitHistoryCacheTests.sealed(prefix + random, count: count))
        }
        // Pieces of the real records, shuffled into new ones.
        let pieces = stride(from: records, to: bytes.count - HistoryCache.trailerSize, by: 7).map {
            Array(bytes[$0..<min($0 + 7, bytes.count - HistoryCache.trailerSize)])
        }
        let piece = Gen<[UInt8]?>.element(of: pieces).compactMap { $0 }
        await propertyCheck(count: 300, input: piece.array(of: 0...12).map { $0.flatMap { $0 } }) { random in
            try Self.loadOrRefuse(GitHistoryCacheTests.sealed(prefix + random, count: 6))
        }
    }

    @Test func theFileIsSmallerThanTheTextRecords() throws {
        let commits = (0..<500).map { Self.commit(Self.id($0 + 1), parents: $0 < 499 ? [Self.id($0 + 2)] : []) }
        let stats = Dictionary(uniqueKeysWithValues: commits.map {
            ($0.id, CommitStats(files: (0..<3).map { FileChange(path: "src/module/file\($0).swift", added: 10, deleted: 2) }))
        })
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        try cache.save(head: commits[0].id, complete: true, commits: commits, stats: stats)
        var text: [UInt8] = []
        for commit in commits {
            HistoryRecordFormat.append(commit, to: &text)
            if let entry = stats[commit.id] { HistoryRecordFormat.append(commit.id, entry, to: &text) }
        }
        let size = try Data(contentsOf: URL(fileURLWithPath: cache.file)).count
        #expect(size * 2 < text.count)
    }
}
