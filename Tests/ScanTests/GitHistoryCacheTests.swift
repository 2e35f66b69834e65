import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Scan

/// The per-commit statistics cache: reuse, incremental reads, damage, and its record format.
struct GitHistoryCacheTests {
    /// Five commits: a root, an edit, a rename, a binary file, and a merge.
    static func fixture() throws -> GitRepositoryBuilder {
        let repo = try GitRepositoryBuilder()
        try repo.write("src/main.txt", (1...20).map { "main line \($0)\n" }.joined())
        try repo.write("tab\there.txt", "odd name\n")
        try repo.commit("Root")
        try repo.write("src/main.txt", (1...21).map { "main line \($0)\n" }.joined())
        try repo.commit("Edit")
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.git(["mv", "src/main.txt", "src/renamed.txt"])
        try repo.commit("Rename")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("image.bin", bytes: [0, 1, 2, 3, 0, 255])
        try repo.commit("Binary")
        try repo.merge(["side"], message: "Merge branch 'side'")
        return repo
    }

    static func cacheFile(_ repo: GitRepositoryBuilder) -> String { HistoryCache(directory: repo.path + "/.git/phasecert").file }

    /// A scan that cannot use any earlier cache.
    static func freshStats(_ repo: GitRepositoryBuilder) throws -> [String: CommitStats] {
        let elsewhere = try TemporaryFolder()
        return try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: elsewhere.path + "/cache").scan()).stats
    }

    @Test func aSecondScanReadsEveryCommitFromTheCache() throws {
        let repo = try Self.fixture()
        let first = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(first.cachedCommits == 0)
        #expect(first.commits.count == 5)
        #expect(first.notes.isEmpty)
        #expect(FileManager.default.fileExists(atPath: Self.cacheFile(repo)))

        let second = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(second.cachedCommits == 5)
        #expect(second.stats == first.stats)
        #expect(second.commits == first.commits)
        #expect(second.notes.isEmpty)

        // One more commit: only it is read.
        try repo.write("later.txt", "later\n")
        let later = try repo.commit("Later")
        let third = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(third.commits.count == 6)
        #expect(third.cachedCommits == 5)
        #expect(third.stats[later] == CommitStats(files: [FileChange(path: "later.txt", status: .created, added: 1, deleted: 0)]))
        #expect(third.stats == (try Self.freshStats(repo)))
        let fourth = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(fourth.cachedCommits == 6)
    }

    @Test func commitsNoLongerReachableLeaveTheCache() throws {
        let repo = try Self.fixture()
        _ = try HistoryScanner(repositoryPath: repo.path).scan()
        try repo.git(["reset", "-q", "--hard", "HEAD~1"])
        let history = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(history.cachedCommits == history.commits.count)
        #expect(history.stats.count == history.commits.count)
        guard case let .loaded(cached) = HistoryCache(directory: repo.path + "/.git/phasecert").load() else {
            Issue.record("the cache does not load")
            return
        }
        #expect(cached.head == history.head)
        #expect(cached.commits.map(\.id) == history.commits.map(\.id))
        #expect(Set(cached.stats.keys) == Set(history.commits.map(\.id)))
    }

    @Test func aCachePathOutsideTheGitFolderIsHonoured() throws {
        let repo = try Self.fixture()
        let history = try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: ".cache/phasecert").scan())
        #expect(FileManager.default.fileExists(atPath: HistoryCache(directory: repo.path + "/.cache/phasecert").file))
        #expect(!FileManager.default.fileExists(atPath: Self.cacheFile(repo)))
        let again = try #require(try HistoryScanner(repositoryPath: repo.path, cachePath: ".cache/phasecert").scan())
        #expect(again.cachedCommits == history.commits.count)
    }

    // MARK: - Damage

    enum Corruption: String, CaseIterable, Sendable {
        case flippedByte, truncatedHalf, truncatedToHeader, empty, garbage, olderVersion, newerVersion, lastByteMissing
        /// Checksum and trailer recomputed, so only the content checks can catch these.
        case resealedWithoutHead, resealedTextOutOfRange, resealedRecordCut, resealedWrongCount, resealedCutMoved
    }

    /// `body` (header, HEAD line and records) with a trailer whose checksum matches it.
    static func sealed(_ body: [UInt8], count: Int) -> [UInt8] {
        var trailer: [UInt8] = []
        HistoryCacheFormat.appendFixed(UInt64(count), to: &trailer)
        HistoryCacheFormat.appendFixed(HistoryCache.checksum(body[...]), to: &trailer)
        return body + trailer
    }

    static func corrupt(_ original: [UInt8], _ corruption: Corruption) -> [UInt8] {
        let header = Array(HistoryCache.header.utf8)
        let body = Array(original.dropLast(HistoryCache.trailerSize))
        let headEnd = body[header.count...].firstIndex(of: 0x0A)! + 1
        let headLine = Array(body[header.count..<headEnd])
        let records = Array(body[headEnd...])
        let commits = Int(HistoryCacheFormat.fixed(original, at: original.count - HistoryCache.trailerSize))
        let version = HistoryCache.formatVersion
        switch corruption {
        case .flippedByte:
            var bytes = original
            bytes[bytes.count / 2] ^= 0x01
            return bytes
        case .truncatedHalf: return Array(original.prefix(original.count / 2))
        case .truncatedToHeader: return header
        case .empty: return []
        case .garbage: return Array("\u{0}\u{1}not a cache at all\nc zz\n".utf8) + (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        case .olderVersion: return Array("phasecert-history-cache \(version - 1)\n".utf8) + original[header.count...]
        case .newerVersion: return Array("phasecert-history-cache \(version + 1)\n".utf8) + original[header.count...]
        case .lastByteMissing: return Array(original.dropLast())
        case .resealedWithoutHead:
            return sealed(header + records, count: commits)
        case .resealedTextOutOfRange:
            // No texts, one commit whose author is the sixth text.
            var bytes = header + headLine + [0, 1, 20] + [UInt8](repeating: 0xAA, count: 20)
            let recordStart = bytes.count
            bytes += [0, 5]
            HistoryCacheFormat.appendFixed(0, to: &bytes)
            HistoryCacheFormat.appendFixed(UInt64(recordStart), to: &bytes)
            return sealed(bytes, count: 1)
        case .resealedRecordCut:
            // The last record one byte short: it reads into the cut, or stops before it.
            return sealed(header + headLine + records.dropLast(17) + records.suffix(16), count: commits)
        case .resealedWrongCount:
            return sealed(body, count: commits + 1)
        case .resealedCutMoved:
            var bytes = body
            let at = bytes.count - 8
            let offset = HistoryCacheFormat.fixed(bytes, at: at) + 1
            bytes.replaceSubrange(at..., with: { var moved: [UInt8] = []; HistoryCacheFormat.appendFixed(offset, to: &moved); return moved }())
            return sealed(bytes, count: commits)
        }
    }

    /// One fixture for every kind of damage: each round ends with a whole cache again.
    @Test func aDamagedCacheIsDiscardedAndRebuilt() throws {
        let repo = try Self.fixture()
        let first = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        let fresh = try Self.freshStats(repo)
        #expect(first.stats == fresh)
        let file = Self.cacheFile(repo)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))

        for corruption in Corruption.allCases {
            try Data(Self.corrupt(original, corruption)).write(to: URL(fileURLWithPath: file))
            let history = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
            #expect(history.stats == fresh, "\(corruption)")
            #expect(history.cachedCommits == 0, "\(corruption)")
            #expect(history.notes.contains { $0.contains("cache") && $0.contains("discarded") }, "\(corruption): notes \(history.notes)")
            #expect(history.findings.isEmpty, "\(corruption)")

            // The rewritten cache is whole again.
            let again = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
            #expect(again.cachedCommits == 5, "\(corruption)")
            #expect(again.notes.isEmpty, "\(corruption)")
            #expect(again.stats == fresh, "\(corruption)")
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) == original, "\(corruption)")
        }
    }

    @Test func aCacheThatCannotBeWrittenIsANoteNotAFailure() throws {
        let repo = try Self.fixture()
        // `.git/phasecert` is a file, so the cache folder cannot be made.
        try Data("in the way\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/.git/phasecert"))
        let history = try #require(try HistoryScanner(repositoryPath: repo.path).scan())
        #expect(history.stats == (try Self.freshStats(repo)))
        #expect(history.notes.contains { $0.contains("could not be written") }, "notes: \(history.notes)")

        // The cache file's place is taken by a folder.
        let other = try Self.fixture()
        try FileManager.default.createDirectory(atPath: Self.cacheFile(other) + "/inside", withIntermediateDirectories: true)
        let second = try #require(try HistoryScanner(repositoryPath: other.path).scan())
        #expect(second.stats.count == 5)
        #expect(second.findings.isEmpty)
        #expect(!second.notes.isEmpty)
    }

    // MARK: - HistoryCache and HistoryRecordFormat

    static let awkwardPaths = [
        "tab\there.txt", "new\nline.txt", "back\\slash", "trailing\\", "\\t is not a tab", "\\n neither", " leading space",
        "ünïcödé/файл.txt", "emoji 🚀.md", "carriage\rreturn", "- dash", "f 1 2 looks like a record", "c 0 0",
        "percent %d and quote \"",
    ]

    @Test func historyCacheRoundTripsAwkwardPathsAndMessages() throws {
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path + "/cache")
        #expect(cache.load() == .missing)
        var stats: [String: CommitStats] = [:]
        var commits: [GitCommit] = []
        for (index, path) in Self.awkwardPaths.enumerated() {
            let id = String(repeating: "0", count: 38) + String(index / 10) + String(index % 10)
            let old = Self.awkwardPaths[(index + 3) % Self.awkwardPaths.count]
            // Every third commit has no statistics: it is kept, to be counted again.
            if index % 3 != 2 {
                stats[id] = CommitStats(files: [
                    FileChange(path: path, status: index % 2 == 0 ? .created : .modified, added: index, deleted: index * 2),
                    FileChange(path: path + "/renamed", oldPath: old, status: .renamed, added: 0, deleted: 0),
                    FileChange(path: "binary " + path, status: index % 2 == 0 ? .deleted : .created, added: nil, deleted: nil),
                ])
            }
            let author = GitSignature(name: path, email: old, time: Int64(index) * 86_400 - 1_000, offsetMinutes: index * 30 - 300)
            let committer = GitSignature(name: "", email: "", time: -Int64(index), offsetMinutes: -index)
            let parents = commits.last.map { [$0.id] + (index % 4 == 0 ? [String(repeating: "e", count: 40)] : []) } ?? []
            commits.append(GitCommit(id: id, parents: parents, author: author, committer: committer, subject: old, body: path + "\n\n" + old))
        }
        let sha256 = String(repeating: "ab", count: 32)
        stats[sha256] = CommitStats(files: [])
        commits.append(GitCommit(
            id: sha256, parents: [], author: GitSignature(name: "a", email: "b", time: 0, offsetMinutes: 0),
            committer: GitSignature(name: "c", email: "d", time: 0, offsetMinutes: 0), subject: "", body: ""))
        let head = commits[commits.count - 2].id
        try cache.save(head: head, complete: true, commits: commits, stats: stats)
        #expect(cache.load() == .loaded(HistoryCache.Contents(head: head, complete: true, commits: commits, stats: stats)))

        cache.discard()
        #expect(cache.load() == .missing)
    }

    @Test func statsRecordsRoundTripAwkwardPaths() throws {
        var bytes: [UInt8] = []
        let id = String(repeating: "c", count: 40)
        let stats = CommitStats(files: Self.awkwardPaths.map { FileChange(path: $0, oldPath: $0 + "\t", status: .renamed, added: 1, deleted: 2) })
        HistoryRecordFormat.append(id, stats, to: &bytes)
        HistoryRecordFormat.appendFailure(String(repeating: "d", count: 40), message: "broken\tobject\nsecond line \\", to: &bytes)
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(bytes[...], into: &parsed)
        #expect(parsed.stats[id] == stats)
        #expect(parsed.failures[String(repeating: "d", count: 40)] == "broken\tobject\nsecond line \\")
        #expect(parsed.order == [id, String(repeating: "d", count: 40)])
    }

    static let id = String(repeating: "a", count: 40)

    static let malformed: [String] = [
        "f M 1 1 path\n",  // a file before any commit
        "c \(id) 1\n",  // fewer files than announced
        "c \(id) 1\nf M 1 1 a\nf M 1 1 b\n",  // more files than announced
        "c \(id) 0",  // no final newline
        "c \(id.uppercased()) 0\n",  // upper-case id
        "c \(id.dropLast()) 0\n",  // 39 digits
        "c \(String(repeating: "g", count: 40)) 0\n",  // not hexadecimal
        "c \(id) -1\n",  // negative count
        "c \(id) x\n",  // count not a number
        "c \(id)\n",  // no count
        "c  \(id) 0\n",  // two spaces
        "c \(id) 1\nf M 1 - a\n",  // half binary
        "c \(id) 1\nf A - 1 a\n",  // half binary
        "c \(id) 1\nf M 1 1 \n",  // empty path
        "c \(id) 1\nf M 1 1\n",  // no path
        "c \(id) 1\nf M 1 1 a\\x\n",  // unknown escape
        "c \(id) 1\nf M 1 1 a\\\n",  // trailing backslash
        "c \(id) 1\nf R 1 1 a\told\\q\n",  // unknown escape in the old path
        "c \(id) 1\nf M +1 1 a\n",  // signed number
        "c \(id) 1\nf M 1234567890123456789 1 a\n",  // too many digits
        "x \(id) 0\n",  // unknown record
        "c\n",  // too short
        "\n",  // empty line
        "c_\(id) 0\n",  // no space after the tag
        "! \(id)\n",  // failure without message
        "! short message\n",  // failure without id
        "! \(id) bad \\z escape\n",  // failure with a bad escape
        "m \(id)\n",  // commit line without fields
        "m \(id) - 1 0 1 0\n",  // no names, no message
        "m \(id) - 1 0 1 0\ta\tb\tc\td\te\n",  // six fields instead of seven
        "m \(id) - 1 0 1 0\ta\tb\tc\td\te\tf\tg\n",  // eight fields
        "m \(id) - x 0 1 0\ta\tb\tc\td\te\tf\n",  // time not a number
        "m \(id) - 1 0 1\ta\tb\tc\td\te\tf\n",  // a number missing
        "m \(id) zz 1 0 1 0\ta\tb\tc\td\te\tf\n",  // parent not an id
        "m \(id) \(id), 1 0 1 0\ta\tb\tc\td\te\tf\n",  // empty second parent
        "m \(id) - 1 0 1 0\ta\tb\tc\td\te\\q\tf\n",  // bad escape in the subject
        "m \(id) - 1 0 1 0\ta\tb\tc\td\te\tf\\\n",  // trailing backslash in the body
        "m \(id) - -- 0 1 0\ta\tb\tc\td\te\tf\n",  // double sign
        "c \(id) 1\nf 1 1 a\n",  // no status letter (cache format 2)
        "c \(id) 1\nf X 1 1 a\n",  // unknown status letter
        "c \(id) 1\nf m 1 1 a\n",  // lower-case status letter
        "c \(id) 1\nf AM 1 1 a\n",  // two status letters
        "c \(id) 1\nf  1 1 a\n",  // empty status
    ]

    @Test(arguments: malformed)
    func malformedRecordsAreRejected(_ text: String) {
        var parsed = HistoryRecordFormat.Parsed()
        #expect(throws: HistoryRecordFormat.Malformed.self) { try HistoryRecordFormat.parse(Array(text.utf8)[...], into: &parsed) }
    }

    @Test func malformedRecordsNameTheirLine() throws {
        var parsed = HistoryRecordFormat.Parsed()
        let text = "c \(Self.id) 1\nf M 1 1 a\nc \(Self.id) 1\nf M 1 1 b\\q\n"
        let error = #expect(throws: HistoryRecordFormat.Malformed.self) { try HistoryRecordFormat.parse(Array(text.utf8)[...], into: &parsed) }
        #expect(error?.line == 4)
        let offset = #expect(throws: HistoryRecordFormat.Malformed.self) {
            try HistoryRecordFormat.parse(Array("c \(Self.id) 0\nbad\n".utf8)[...], into: &parsed, firstLine: 10)
        }
        #expect(offset?.line == 11)
    }

    @Test func commitLinesRoundTripWithNegativeTimesAndOffsets() throws {
        let text = "m \(Self.id) \(Self.id),\(String(repeating: "b", count: 40)) -5 -300 7 60\tA\\tB\ta@x\t\t\tsub\\nject\t\n"
        var parsed = HistoryRecordFormat.Parsed()
        try HistoryRecordFormat.parse(Array(text.utf8)[...], into: &parsed)
        let commit = try #require(parsed.commits.first)
        #expect(commit.parents == [Self.id, String(repeating: "b", count: 40)])
        #expect(commit.author == GitSignature(name: "A\tB", email: "a@x", time: -5, offsetMinutes: -300))
        #expect(commit.committer == GitSignature(name: "", email: "", time: 7, offsetMinutes: 60))
        #expect(commit.subject == "sub\nject")
        #expect(commit.body == "")
        #expect(parsed.order.isEmpty)
    }

    // MARK: - Properties

    static let byte = Gen<UInt8>.value(in: 0...255)

    /// Pieces of real records, so random input gets past the first checks now and then.
    static let fragments: [[UInt8]] = [
        Array("c ".utf8), Array("f ".utf8), Array("! ".utf8), Array(id.utf8), Array(" ".utf8), Array("\n".utf8),
        Array("A ".utf8), Array("M ".utf8), Array("D ".utf8), Array("R ".utf8),
        Array("\t".utf8), Array("\\".utf8), Array("\\t".utf8), Array("\\n".utf8), Array("-".utf8), Array("0".utf8),
        Array("12".utf8), Array("999999999999999999".utf8), Array("path".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0],
    ]

    @Test func randomBytesNeverCrashTheParser() async {
        await propertyCheck(count: 300, input: Self.byte.array(of: 0...120)) { bytes in
            Self.parseOrThrow(bytes)
        }
        let fragment = Gen<[UInt8]?>.element(of: Self.fragments).compactMap { $0 }
        await propertyCheck(count: 500, input: fragment.array(of: 0...30).map { $0.flatMap { $0 } }) { bytes in
            Self.parseOrThrow(bytes)
        }
    }

    /// Parses `bytes`: either it parses and everything it read round-trips, or it throws.
    static func parseOrThrow(_ bytes: [UInt8]) {
        var parsed = HistoryRecordFormat.Parsed()
        do {
            try HistoryRecordFormat.parse(bytes[...], into: &parsed)
        } catch {
            #expect(error.line >= 1)
            return
        }
        var again: [UInt8] = []
        var written = Set<String>()
        for id in parsed.order where written.insert(id).inserted {
            if let stats = parsed.stats[id] { HistoryRecordFormat.append(id, stats, to: &again) }
            if let message = parsed.failures[id] { HistoryRecordFormat.appendFailure(id, message: message, to: &again) }
        }
        var reparsed = HistoryRecordFormat.Parsed()
        #expect(throws: Never.self) { try HistoryRecordFormat.parse(again[...], into: &reparsed) }
        #expect(reparsed.stats == parsed.stats)
        #expect(reparsed.failures == parsed.failures)
    }

    static let pathCharacter = Gen<Character?>.element(of: Array("ab/ .-_\t\n\\\r\"éжü🚀0123fc!") as [Character]).compactMap { $0 }
    static let path = pathCharacter.string(of: 1...16)
    static let count = Gen<Int>.int(in: 0...1_000_000)
    static let unrenamed: [FileChange.Status] = [.created, .modified, .deleted]
    static let status = Gen<Int>.int(in: 0...2).map { unrenamed[$0] }
    static let fileChange = zip(path, path.optional(valueRate: 0.3), count, count, Gen<Bool>.bool(0.2), status).map { values in
        FileChange(
            path: values.0, oldPath: values.1, status: values.1 == nil ? values.5 : .renamed,
            added: values.4 ? nil : values.2, deleted: values.4 ? nil : values.3)
    }
    static let commitID = Gen<Character?>.element(of: Array("0123456789abcdef") as [Character]).compactMap { $0 }.string(of: 40)

    @Test func randomStatsRoundTrip() async {
        await propertyCheck(count: 300, input: Self.commitID, Self.fileChange.array(of: 0...8)) { id, files in
            var bytes: [UInt8] = []
            let stats = CommitStats(files: files)
            HistoryRecordFormat.append(id, stats, to: &bytes)
            var parsed = HistoryRecordFormat.Parsed()
            #expect(throws: Never.self) { try HistoryRecordFormat.parse(bytes[...], into: &parsed) }
            #expect(parsed.stats[id] == stats)
            #expect(parsed.order == [id])
        }
    }

    static let text = pathCharacter.string(of: 0...12)
    static let signature = zip(text, text, Gen<Int64>.int64(in: -10_000_000_000...10_000_000_000), Gen<Int>.int(in: -720...840))
        .map { values in GitSignature(name: values.0, email: values.1, time: values.2, offsetMinutes: values.3) }
    static let commit = zip(commitID, commitID.array(of: 0...3), signature, signature, text, text).map { values in
        GitCommit(id: values.0, parents: values.1, author: values.2, committer: values.3, subject: values.4, body: values.5)
    }

    @Test func randomCommitsRoundTrip() async {
        await propertyCheck(count: 300, input: Self.commit) { commit in
            var bytes: [UInt8] = []
            HistoryRecordFormat.append(commit, to: &bytes)
            var parsed = HistoryRecordFormat.Parsed()
            #expect(throws: Never.self) { try HistoryRecordFormat.parse(bytes[...], into: &parsed) }
            #expect(parsed.commits == [commit])
        }
    }

    @Test func randomHistoriesRoundTripThroughTheCacheFile() async throws {
        let folder = try TemporaryFolder()
        let cache = HistoryCache(directory: folder.path)
        await propertyCheck(count: 50, input: Self.commit.array(of: 1...6), Self.fileChange.array(of: 0...5)) { generated, files in
            // Distinct ids, as a walk lists them.
            var seen = Set<String>()
            let commits = generated.filter { seen.insert($0.id).inserted }
            var stats: [String: CommitStats] = [:]
            for (index, commit) in commits.enumerated() where index % 2 == 0 { stats[commit.id] = CommitStats(files: Array(files.prefix(index + 1))) }
            try cache.save(head: commits[0].id, complete: true, commits: commits, stats: stats)
            #expect(cache.load() == .loaded(HistoryCache.Contents(head: commits[0].id, complete: true, commits: commits, stats: stats)))
        }
    }
}
