import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// The file of `DocumentClaimCache` (format version 2, a record per line): entries come back as
/// they were saved, whatever the order of the lines and however many cores read them, and a file
/// with a damaged line, checksum or count is read as empty.
struct DocumentClaimCacheFormatTests {
    typealias Entry = DocumentClaimCache.Entry

    /// A deterministic generator (SplitMix64), so every run tests the same entries.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Text with what the file's fields or JSON could trip on: quotes, backslashes, the mark of
    /// a `nil` field, slashes, tabs, line breaks, spaces, Cyrillic and emoji.
    static func text(_ rng: inout SplitMix) -> String {
        let pieces = ["a", " ", "\"", "\\", "\\-", "-", "/", "\n", "\t", "end 3 ff", "тесты", "✅", "92%", "\u{1}"]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func maybe<T>(_ rng: inout SplitMix, _ make: (inout SplitMix) -> T) -> T? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }

    static func number(_ rng: inout SplitMix) -> Double {
        [0, 1, 92.5, 1e-7, 0.1 + 0.2, 123_456_789.125, -3].randomElement(using: &rng)!
    }

    static func claim(_ rng: inout SplitMix) -> Claim {
        var claim = Claim(
            kind: ClaimKind.allCases.randomElement(using: &rng)!, text: text(&rng),
            source: Bool.random(using: &rng) ? .file("docs/a b/ОТЧЁТ.md", line: maybe(&rng) { .random(in: 1...9_999, using: &$0) }) : .commit("0a1b2c"),
            task: maybe(&rng, text), phase: maybe(&rng, text), subject: maybe(&rng, text), claimed: maybe(&rng, number),
            denominator: maybe(&rng, number), claimedValue: maybe(&rng, text), expected: maybe(&rng, number),
            verified: maybe(&rng, number), verifiedValue: maybe(&rng, text), verdict: maybe(&rng) { Verdict.allCases.randomElement(using: &$0)! },
            bound: maybe(&rng) { ClaimBound.allCases.randomElement(using: &$0)! })
        claim.discrepancy = maybe(&rng, number)
        claim.note = maybe(&rng) { LocalizedText(en: text(&$0), ru: text(&$0)) }
        claim.evidenceBasis = maybe(&rng) {
            ClaimEvidenceBasis(
                ClaimEvidenceBasis.Kind.allCases.randomElement(using: &$0)!, commit: maybe(&$0, text),
                otherCases: maybe(&$0) { Bool.random(using: &$0) }, ofPart: maybe(&$0) { Bool.random(using: &$0) },
                earlierChanges: maybe(&$0) { Bool.random(using: &$0) }, suite: maybe(&$0, text))
        }
        return claim
    }

    static func finding(_ rng: inout SplitMix) -> Finding {
        Finding(
            rule: FindingRuleID.allCases.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!,
            task: maybe(&rng, text), phase: maybe(&rng, text), at: maybe(&rng) { .file(text(&$0), line: 7) },
            message: LocalizedText(en: text(&rng), ru: text(&rng)), remediation: maybe(&rng) { LocalizedText(en: text(&$0), ru: "") })
    }

    /// `count` entries under keys shaped like the cache's (64 hexadecimal digits).
    static func entries(_ count: Int, seed: UInt64 = 1) -> [String: Entry] {
        var rng = SplitMix(state: seed)
        var entries: [String: Entry] = [:]
        for index in 0..<count {
            let key = ContentDigest.sha256Hex(of: Array("\(seed) \(index)".utf8))
            entries[key] = Entry(
                claims: (0..<Int.random(in: 0...12, using: &rng)).map { _ in claim(&rng) },
                findings: (0..<Int.random(in: 0...2, using: &rng)).map { _ in finding(&rng) })
        }
        return entries
    }

    /// The lines between header and trailer of a file.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        Array(bytes.split(separator: 0x0A).dropFirst().dropLast())
    }

    /// A file of `lines` with a valid header, count and checksum: damage in a line is then found
    /// by reading the line itself.
    static func file(lines: [ArraySlice<UInt8>], count: Int? = nil, header: String = DocumentClaimCache.header) -> [UInt8] {
        var bytes = Array(header.utf8)
        for line in lines { bytes += line + [0x0A] }
        bytes += "end \(count ?? lines.count) \(String(HistoryCache.checksum(bytes[...]), radix: 16))\n".utf8
        return bytes
    }

    /// What the file gives read the plain way: every line in turn, on one core.
    static func readOneByOne(_ bytes: [UInt8]) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for line in lines(of: bytes) {
            let tab = try #require(line.firstIndex(of: 0x09))
            let entry = try #require(DocumentClaimCache.Record.entry(in: line[tab...]))
            entries[String(decoding: line[..<tab], as: UTF8.self)] = entry
        }
        return entries
    }

    @Test func savedEntriesAreLoadedAsTheyWere() throws {
        let folder = try TemporaryFolder()
        let cache = DocumentClaimCache(directory: folder.path, boundary: WriteBoundary(root: folder.path, name: "git"), salt: "s")
        #expect(cache.load().isEmpty)
        let entries = Self.entries(50)
        try cache.save(entries)
        #expect(cache.load() == entries)
        try cache.save([:])
        #expect(cache.load().isEmpty && FileManager.default.fileExists(atPath: cache.file))
    }

    @Test func eachEntryIsOneLineUnderItsKey() throws {
        let entries = Self.entries(20)
        let bytes = DocumentClaimCache.contents(of: entries)
        #expect(bytes.starts(with: Array("phasecert-claims-cache 2\n".utf8)))
        let lines = Self.lines(of: bytes)
        #expect(lines.map { String(decoding: $0.prefix(64), as: UTF8.self) } == entries.keys.sorted())
        #expect(String(decoding: bytes.split(separator: 0x0A).last!, as: UTF8.self).hasPrefix("end 20 "))
    }

    @Test func manyCoresReadWhatOneReads() throws {
        // Enough entries that the reading is cut into pieces on every core.
        let entries = Self.entries(300, seed: 7)
        let bytes = DocumentClaimCache.contents(of: entries)
        let loaded = DocumentClaimCache.entries(in: bytes)
        #expect(loaded.count == 300)
        #expect(loaded == (try Self.readOneByOne(bytes)))
        #expect(loaded == entries)
    }

    @Test func theOrderOfTheLinesDoesNotMatter() throws {
        let entries = Self.entries(40, seed: 3)
        let bytes = DocumentClaimCache.contents(of: entries)
        var rng = SplitMix(state: 11)
        #expect(DocumentClaimCache.entries(in: Self.file(lines: Self.lines(of: bytes).shuffled(using: &rng))) == entries)
        // Nor the order entries were gathered in: the same entries always give the same file.
        let gathered = Dictionary(uniqueKeysWithValues: entries.sorted { $0.key > $1.key })
        #expect(DocumentClaimCache.contents(of: gathered) == bytes)
    }

    /// `line` with its fields (split at tabs) changed by `change`.
    static func changingFields(of line: ArraySlice<UInt8>, _ change: (inout [ArraySlice<UInt8>]) -> Void) -> ArraySlice<UInt8> {
        var fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
        change(&fields)
        return ArraySlice(Array(fields.joined(separator: [0x09])))
    }

    @Test func aFileWithADamagedLineIsReadAsEmpty() throws {
        let lines = Self.lines(of: DocumentClaimCache.contents(of: Self.entries(30)))
        #expect(DocumentClaimCache.entries(in: Self.file(lines: lines)).count == 30)
        let damages: [(inout [ArraySlice<UInt8>]) -> Void] = [
            { $0.removeLast() },  // a field missing
            { $0.append([0x30]) },  // a field left over
            { $0[0] = [] },  // no key
            { $0[1] = Array("-1".utf8)[...] },  // a count below zero
            { $0[1] = Array("x".utf8)[...] },  // a count that is no number
        ]
        for (index, damage) in damages.enumerated() {
            var broken = lines
            broken[index * 5] = Self.changingFields(of: broken[index * 5], damage)
            #expect(DocumentClaimCache.entries(in: Self.file(lines: broken)).isEmpty, "damage \(index)")
        }
        // A line cut in two.
        var broken = lines
        broken[9] = broken[9][..<(broken[9].startIndex + broken[9].count / 2)]
        broken.insert(lines[9][(lines[9].startIndex + lines[9].count / 2)...], at: 10)
        #expect(DocumentClaimCache.entries(in: Self.file(lines: broken)).isEmpty)
    }

    @Test func aKeyWrittenTwiceIsADamagedFile() throws {
        var lines = Self.lines(of: DocumentClaimCache.contents(of: Self.entries(10)))
        lines[4] = lines[3]
        #expect(DocumentClaimCache.entries(in: Self.file(lines: lines)).isEmpty)
    }

    @Test func aWrongChecksumOrCountIsReadAsEmpty() throws {
        let bytes = DocumentClaimCache.contents(of: Self.entries(12))
        #expect(DocumentClaimCache.entries(in: bytes).count == 12)
        // One bit of a line: the checksum no longer matches.
        var damaged = bytes
        damaged[bytes.count / 2] ^= 0x01
        #expect(DocumentClaimCache.entries(in: damaged).isEmpty)
        // A count that is not the number of lines, under a checksum that matches.
        #expect(DocumentClaimCache.entries(in: Self.file(lines: Self.lines(of: bytes), count: 11)).isEmpty)
        #expect(DocumentClaimCache.entries(in: Self.file(lines: Self.lines(of: bytes), count: 13)).isEmpty)
        // Cut short, or the trailer gone.
        #expect(DocumentClaimCache.entries(in: Array(bytes.dropLast(40))).isEmpty)
        #expect(DocumentClaimCache.entries(in: Array(bytes[...bytes.dropLast().lastIndex(of: 0x0A)!])).isEmpty)
        #expect(DocumentClaimCache.entries(in: []).isEmpty)
    }

    @Test func aFileOfTheFirstVersionIsNotReadAndGoesOnSave() throws {
        let folder = try TemporaryFolder()
        let cache = DocumentClaimCache(directory: folder.path, boundary: WriteBoundary(root: folder.path, name: "git"), salt: "s")
        let entries = Self.entries(3)
        // A version-1 header over version-2 lines is not read either.
        let lines = Self.lines(of: DocumentClaimCache.contents(of: entries))
        let bytes = Self.file(lines: lines, header: "phasecert-claims-cache 1\n")
        #expect(DocumentClaimCache.entries(in: bytes).isEmpty && DocumentClaimCache.entries(in: Self.file(lines: lines)) == entries)
        let old = try folder.write("claims-v1.cache", data: Data(bytes))
        #expect(cache.file == folder.path + "/claims-v2.cache" && cache.load().isEmpty)
        try cache.save(entries)
        #expect(!FileManager.default.fileExists(atPath: old) && cache.load() == entries)
    }

    @Test func aWarmScanThatReadEveryEntryLeavesTheFileAsItWas() throws {
        let scans = DocumentClaimCacheTests()
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        _ = try scans.scan(repository, salt: "build 1")
        let file = scans.cache(repository).file
        let written = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: file)
        _ = try scans.scan(repository, salt: "build 1")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == written)
        // A document changed: its new entry is written.
        try repository.write(DocumentClaimCacheTests.report, "# Exporter report\n\nReached 92% coverage.\n")
        _ = try scans.scan(repository, salt: "build 1")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date != written)
    }
}
