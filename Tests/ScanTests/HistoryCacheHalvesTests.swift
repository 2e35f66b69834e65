import Foundation
import PhaseModel
import Testing
@testable import Scan

/// A history cache large enough to be read in two halves on two cores: it loads whole, and a
/// damaged one says why — a failed checksum first, whatever else is wrong, then a record that
/// does not parse, with its offset in the file.
struct HistoryCacheHalvesTests {
    static let commits: [GitCommit] = (0..<20_000).map { index in
        let signature = GitSignature(name: "Ann", email: "ann@example.com", time: Int64(1_700_000_000 + index), offsetMinutes: 0)
        return GitCommit(
            id: String(format: "%040x", index + 1), parents: index == 19_999 ? [] : [String(format: "%040x", index + 2)],
            author: signature, committer: signature, subject: "TN-\(index % 50): change number \(index)", body: "")
    }
    static let stats = Dictionary(uniqueKeysWithValues: commits.map {
        ($0.id, CommitStats(files: [FileChange(path: "src/file\($0.id.suffix(3)).swift", added: 3, deleted: 1)]))
    })

    func withCache(_ body: (HistoryCache, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-halves-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = HistoryCache(directory: folder)
        try cache.save(head: Self.commits[0].id, complete: true, commits: Self.commits, stats: Self.stats)
        try body(cache, folder + "/history-v\(HistoryCache.formatVersion).cache")
    }

    /// The file with `change` made to its records, and its trailer resealed when `reseal`.
    func damaged(_ file: String, reseal: Bool, _ change: (inout [UInt8]) -> Void) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let trailerStart = bytes.count - HistoryCache.trailerSize
        var body = Array(bytes[..<trailerStart])
        change(&body)
        let sealed = GitHistoryCacheTests.sealed(body, count: Int(HistoryCacheFormat.fixed(bytes, at: trailerStart)))
        try Data(reseal ? sealed : body + bytes[trailerStart...]).write(to: URL(fileURLWithPath: file))
    }

    /// Why `load()` did not load, or "loaded" (a failure does not print twenty thousand commits).
    func reason(_ loaded: HistoryCache.Loaded) -> String {
        switch loaded {
        case .missing: "missing"
        case .loaded: "loaded"
        case let .damaged(reason): reason
        }
    }

    /// The offset of `text` in `bytes`, from three quarters in: in the second half.
    func offset(of text: String, in bytes: [UInt8]) -> Int {
        let needle = Array(text.utf8)
        var index = bytes.count * 3 / 4
        while !bytes[index...].starts(with: needle) { index += 1 }
        return index
    }

    @Test func aLargeCacheLoadsWhole() throws {
        try withCache { cache, file in
            let size = try Data(contentsOf: URL(fileURLWithPath: file)).count
            #expect(size > 1 << 20)
            guard case let .loaded(contents) = cache.load() else { Issue.record("not loaded"); return }
            #expect(contents.commits == Self.commits)
            #expect(contents.stats == Self.stats)
        }
    }

    @Test func aChangedByteFailsTheSum() throws {
        try withCache { cache, file in
            try damaged(file, reseal: false) { body in body[offset(of: "change number", in: body)] = UInt8(ascii: "C") }
            #expect(reason(cache.load()) == LocalizedText(message: "problem.git.cache.checksum").en)
        }
    }

    /// The offset of the flags of the file changed by the commit whose subject is the first one
    /// from three quarters in on: after the subject come the empty body's length and the file count.
    func fileFlags(in bytes: [UInt8]) -> Int {
        var end = offset(of: "change number", in: bytes)
        while bytes[end] != 0 { end += 1 }
        #expect(bytes[end + 1] == 2 && bytes[end + 2] == 1)
        return end + 2
    }

    @Test func aBadRecordIsNamedByItsOffsetOnlyWhenTheSumHolds() throws {
        try withCache { cache, file in
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            var at = 0
            try damaged(file, reseal: true) { body in
                at = fileFlags(in: body)
                body[at] = 0x10
            }
            #expect(at > original.count / 2)
            #expect(reason(cache.load()) == LocalizedText(message: "problem.git.cache.record", ["offset": .text(String(at))]).en)
            try Data(original).write(to: URL(fileURLWithPath: file))
            try damaged(file, reseal: false) { body in body[fileFlags(in: body)] = 0x10 }
            #expect(reason(cache.load()) == LocalizedText(message: "problem.git.cache.checksum").en)
        }
    }
}
