import Foundation
import Testing
import TestSupport
@testable import Scan

/// How changes are counted fast must not change what is counted: blobs diffed under an empty path
/// when no attributes apply, under their own path when some do, and loose objects looked up by
/// their raw ids.
struct GitCountingRepositoryTests {
    @Test func anAttributeStillMakesAFileBinary() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write(".gitattributes", "*.dat binary\n")
        try repo.write("table.dat", "one\ntwo\n")
        try repo.write("notes.txt", "one\n")
        try repo.commit("Data as binary", date: "1764000000 +0000")
        try repo.write("table.dat", "one\ntwo\nthree\n")
        try repo.write("notes.txt", "one\ntwo\n")
        let edit = try repo.commit("More data", date: "1764000100 +0000")
        let stats = try Self.statsCountedLikeGit(edit, in: repo)
        #expect(stats.files.first { $0.path == "table.dat" }?.isBinary == true)
        #expect(stats.files.first { $0.path == "notes.txt" }?.added == 1)
    }

    @Test func binaryContentIsToldWithoutAttributes() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("image.bin", bytes: [0x89, 0x50, 0x00, 0x0A, 0x01])
        try repo.write("text.txt", "a\n")
        try repo.commit("Start", date: "1764000000 +0000")
        try repo.write("image.bin", bytes: [0x89, 0x50, 0x00, 0x0A, 0x02, 0x0A])
        try repo.write("text.txt", "a\nb\nc\n")
        let edit = try repo.commit("Edit", date: "1764000100 +0000")
        let stats = try Self.statsCountedLikeGit(edit, in: repo)
        #expect(stats.files.first { $0.path == "image.bin" }?.isBinary == true)
        #expect(stats.files.first { $0.path == "text.txt" }?.added == 2)
    }

    /// The changes of `edit` against its parent, once every commit of `repo` counts as
    /// `git diff --numstat` counts it (`GitHistoryNumstatTests.compareEveryCommit`).
    static func statsCountedLikeGit(_ edit: String, in repo: GitRepositoryBuilder) throws -> CommitStats {
        try GitHistoryNumstatTests.compareEveryCommit(repo.path)
        let repository = try #require(try GitRepository(path: repo.path))
        return try repository.stats(of: edit, against: try repo.revParse("\(edit)^"))
    }

    @Test func aRawIDIsTheIDItsHexDigitsGive() throws {
        var generator = DocumentClaimCacheFormatTests.SplitMix(state: 19)
        for _ in 0..<500 {
            let bytes = (0..<20).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            let fromRaw = bytes.withUnsafeBytes { LooseObjectBackend.LooseID(sha1: $0) }
            #expect(fromRaw == LooseObjectBackend.LooseID(hex: hex), "\(hex)")
        }
    }
}
