import Foundation
import Testing
@testable import Scan

/// History records share one `String` per distinct path, name and id, and read the same texts as
/// before they did.
struct RecordTextInternerTests {
    /// Where a text's UTF-8 bytes are stored: the same address for two texts means one allocation.
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    static func interned(_ texts: [[UInt8]], capacity: Int = 1024) -> [String] {
        var interner = RecordTextInterner(capacity: capacity)
        return texts.map { bytes in bytes.withUnsafeBufferPointer { interner.text($0[...]) } }
    }

    @Test func everyTextReadsAsItsBytesDecode() {
        // Random texts from a small alphabet, so that many repeat, over a table that starts at
        // 16 slots and grows several times; with invalid UTF-8 and texts of every short length.
        var random = DocumentClaimCacheFormatTests.SplitMix(state: 19)
        let alphabet: [UInt8] = Array("ab/.\u{0441}".utf8) + [0xFF, 0x20]
        let texts: [[UInt8]] = (0..<3_000).map { _ in
            (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
        let result = Self.interned(texts, capacity: 1)
        for (bytes, text) in zip(texts, result) {
            #expect(text == String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func aRepeatedTextIsOneString() {
        let path = Array("services/billing/internal/handlers/invoice.go".utf8)
        let other = Array("services/billing/internal/handlers/invoice.gp".utf8)
        let result = Self.interned([path, other, path, Array("x".utf8), path], capacity: 1)
        #expect(result[0] == result[2] && result[2] == result[4])
        #expect(Self.storage(result[0]) == Self.storage(result[2]))
        #expect(Self.storage(result[0]) == Self.storage(result[4]))
        #expect(Self.storage(result[0]) != Self.storage(result[1]))
        #expect(result[1] == String(decoding: other, as: UTF8.self))
    }

    @Test func parsedRecordsSharePathsNamesAndParentIDs() throws {
        let parent = String(repeating: "a", count: 40)
        let child = String(repeating: "b", count: 40)
        let author = GitSignature(name: "Мария Кузнецова", email: "m.kuznetsova@example.com", time: 1_700_000_000, offsetMinutes: 180)
        let path = "services/billing/internal/handlers/invoice.go"
        let escaped = "docs/with\ttab/and a long name.md"
        func stats(_ added: Int) -> CommitStats {
            CommitStats(files: [
                FileChange(path: path, status: .modified, added: added, deleted: 1),
                FileChange(path: escaped, oldPath: path, status: .renamed, added: 0, deleted: 0),
            ])
        }
        let commits = [
            GitCommit(id: child, parents: [parent], author: author, committer: author, subject: "Second", body: ""),
            GitCommit(id: parent, parents: [], author: author, committer: author, subject: "First", body: "with\\ a\nbody"),
        ]
        var bytes: [UInt8] = []
        for (index, commit) in commits.enumerated() {
            HistoryRecordFormat.append(commit, to: &bytes)
            HistoryRecordFormat.append(commit.id, stats(index + 2), to: &bytes)
        }
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(bytes[...], into: &parsed)

        #expect(parsed.commits == commits)
        #expect(parsed.stats == [child: stats(2), parent: stats(3)])
        let first = try #require(parsed.stats[child]?.files)
        let second = try #require(parsed.stats[parent]?.files)
        #expect(Self.storage(first[0].path) == Self.storage(second[0].path))
        #expect(Self.storage(first[0].path) == Self.storage(try #require(second[1].oldPath)))
        #expect(Self.storage(parsed.commits[0].parents[0]) == Self.storage(parsed.commits[1].id))
        #expect(Self.storage(parsed.commits[0].author.email) == Self.storage(parsed.commits[1].committer.email))
        #expect(Self.storage(parsed.commits[0].author.name) == Self.storage(parsed.commits[1].author.name))
    }
}
