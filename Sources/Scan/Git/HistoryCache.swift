import Foundation
import PhaseModel
#if canImport(Glibc)
import Glibc
import TextSupport
#endif

/// Commits and their statistics kept between runs, so a second scan reads only new commits
/// through libgit2 and, when HEAD has not moved, none at all.
///
/// One file, `history-v<version>.cache`: a header line naming the format version, a line with
/// the HEAD it was written for, the records of `HistoryCacheFormat` in walk order, and a trailer
/// with the commit count and an FNV-1a checksum of everything before it. The commits on top of
/// it (`saveOnTop`) are kept in the text records of `HistoryRecordFormat` in a second file. A
/// file that fails any check is discarded and rebuilt, never trusted. Writes go through
/// `ContainedFile`: a temporary file renamed over the old one, never through a symbolic link that
/// leaves `boundary`.
public struct HistoryCache: Sendable {
    /// Bumped whenever what is counted or how it is written changes (3: each file's status; 4:
    /// the records in binary, `HistoryCacheFormat`; 5: changes counted by git where it can,
    /// `GitLogCounting`, whose renames are not always libgit2's).
    public static let formatVersion = 5
    static let header = "phasecert-history-cache \(formatVersion)\n"

    /// The folder holding the cache file.
    public let directory: String
    /// Where the cache may be written: the git folder for the default `.git/phasecert`, the
    /// repository for another relative folder, the folder itself when it is configured absolute.
    public let boundary: WriteBoundary

    /// - Parameter boundary: Where writes may go; the cache folder itself when `nil`.
    public init(directory: String, boundary: WriteBoundary? = nil) {
        self.directory = directory
        self.boundary = boundary
            ?? WriteBoundary(root: directory, name: LocalizedText(message: "problem.git.cache.boundary.cache-folder").en)
    }

    public var file: String { directory + "/history-v\(Self.formatVersion).cache" }

    /// Where the commits newer than the cache file's are kept: `history-v<version>.on-top`.
    var onTopFile: String { directory + "/history-v\(Self.formatVersion).on-top" }

    /// What a cache holds.
    public struct Contents: Sendable, Equatable {
        /// The HEAD the cache was written for.
        public var head: String
        /// Whether that walk read every commit: not shallow, no unreadable commit. Only a
        /// complete walk may stand in for a new one.
        public var complete: Bool
        /// Commits in that HEAD's walk order, with parents as their objects record them.
        public var commits: [GitCommit]
        public var stats: [String: CommitStats]
        /// How many of `commits`, the newest, came from the file on top (`saveOnTop`).
        public var onTop = 0
        /// The cache file under them, as the file on top names it; set by `load()`.
        var base: Base?

        public init(head: String, complete: Bool, commits: [GitCommit], stats: [String: CommitStats], onTop: Int = 0) {
            self.head = head
            self.complete = complete
            self.commits = commits
            self.stats = stats
            self.onTop = onTop
        }

        public static func == (lhs: Contents, rhs: Contents) -> Bool {
            (lhs.head, lhs.complete, lhs.commits, lhs.stats, lhs.onTop) == (rhs.head, rhs.complete, rhs.commits, rhs.stats, rhs.onTop)
        }
    }

    /// A cache file as a file on top of it names it (the HEAD it was written for and its
    /// checksum, so that a file on top is never read over another), with what `saveOnTop` needs
    /// of it: whether its walk was complete, its number of commits, and the commits on top of it.
    public struct Base: Sendable {
        var head: String
        var checksum: UInt64
        var complete: Bool
        var count: Int
        var onTop: [GitCommit] = []
    }

    /// What loading found.
    public enum Loaded: Sendable, Equatable {
        case missing
        case loaded(Contents)
        /// The file exists but failed a check; the reason says which.
        case damaged(String)
    }

    public func load() -> Loaded {
        guard let bytes = FileBytes.contents(atPath: file) else { return .missing }
        return read(bytes, withTop: true)
    }

    /// The contents of the cache file `bytes`, read as `load` reads the file; with `withTop`,
    /// with the commits of the file on top of it.
    func read(_ bytes: consuming [UInt8], withTop: Bool) -> Loaded {
        let headerBytes = Array(Self.header.utf8)
        guard bytes.starts(with: headerBytes) else { return .damaged(LocalizedText(message: "problem.git.cache.unknown-header").en) }
        guard bytes.count >= headerBytes.count + Self.trailerSize else {
            return .damaged(LocalizedText(message: "problem.git.cache.no-trailer").en)
        }
        let trailerStart = bytes.count - Self.trailerSize
        let count = HistoryCacheFormat.fixed(bytes, at: trailerStart)
        let checksum = HistoryCacheFormat.fixed(bytes, at: trailerStart + 8)
        guard checksum == Self.checksum(bytes[..<trailerStart]) else {
            return .damaged(LocalizedText(message: "problem.git.cache.checksum").en)
        }
        var headEnd = headerBytes.count
        while headEnd < trailerStart && bytes[headEnd] != 0x0A { headEnd += 1 }
        let headLine = String(decoding: bytes[headerBytes.count..<headEnd], as: UTF8.self).split(separator: " ")
        guard headLine.count == 3, headLine[0] == "h", ["complete", "partial"].contains(headLine[2]), headEnd < trailerStart,
            let count = Int(exactly: count)
        else { return .damaged(LocalizedText(message: "problem.git.cache.no-head").en) }
        var base = Base(head: String(headLine[1]), checksum: checksum, complete: headLine[2] == "complete", count: count)
        // Read first, so that the records are read into arrays with room for the commits on top
        // (and a few new ones the scan puts in front): making room later copied them all.
        let top = withTop ? loadOnTop(over: base) : nil
        var decoded: HistoryCacheFormat.Decoded
        do {
            decoded = try bytes.withUnsafeBufferPointer { buffer throws(HistoryCacheFormat.Malformed) in
                try HistoryCacheFormat.decode(
                    buffer, range: (headEnd + 1)..<trailerStart, count: count, room: (top?.commits.count ?? 0) + Self.newCommitRoom)
            }
        } catch {
            return .damaged(LocalizedText(message: "problem.git.cache.record", ["offset": .text(String(error.offset))]).en)
        }
        // Let go of before the commits on top are put in front: the file (14 MB at 100,000
        // commits) and the records had been in memory at once.
        _ = consume bytes
        // Taken out of `decoded`, so that the commits on top go in front without a copy of the rest.
        var commits: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        swap(&commits, &decoded.commits)
        swap(&stats, &decoded.stats)
        var contents = Contents(head: base.head, complete: base.complete, commits: [], stats: [:])
        if let top {
            commits.insert(contentsOf: top.commits, at: 0)
            stats.merge(top.stats) { _, newer in newer }
            contents.head = top.head
            contents.onTop = top.commits.count
            base.onTop = top.commits
        }
        contents.commits = commits
        contents.stats = stats
        contents.base = base
        return .loaded(contents)
    }

    /// The cache file's trailer: the number of commits and the checksum of everything before it,
    /// 8 bytes each, little-endian.
    static let trailerSize = 16

    /// The commits of the file on top of `base`, when there is one written over exactly that
    /// cache file and it passes every check; else `nil`, and a file on top that fails one is
    /// removed (the next save writes the whole cache).
    private func loadOnTop(over base: Base) -> (head: String, commits: [GitCommit], stats: [String: CommitStats])? {
        guard let bytes = FileBytes.contents(atPath: onTopFile) else { return nil }
        guard let top = Self.onTop(in: bytes, over: base) else {
            if (try? boundary.check(onTopFile)) != nil { unlink(onTopFile) }
            return nil
        }
        return top
    }

    static let onTopHeader = "phasecert-history-on-top \(formatVersion)\n"

    /// The records of a file on top of `base`: its header, `b <base head> <base checksum>`,
    /// `h <head>`, the records of the commits above the base's HEAD (walk order), `end <count>
    /// <checksum>`. Only over a complete base, and itself complete.
    static func onTop(in bytes: [UInt8], over base: Base) -> (head: String, commits: [GitCommit], stats: [String: CommitStats])? {
        guard base.complete else { return nil }
        let (baseHead, baseChecksum) = (base.head, base.checksum)
        let header = Array(onTopHeader.utf8)
        guard bytes.starts(with: header), bytes.last == 0x0A,
            let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }), trailerStart > header.count
        else { return nil }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]), count > 0,
            UInt64(trailer[2], radix: 16) == checksum(bytes[..<trailerStart])
        else { return nil }
        let lines = bytes[header.count..<trailerStart].split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3 else { return nil }
        let baseLine = String(decoding: lines[0], as: UTF8.self).split(separator: " ")
        let headLine = String(decoding: lines[1], as: UTF8.self).split(separator: " ")
        guard baseLine.count == 3, baseLine[0] == "b", baseLine[1] == baseHead, UInt64(baseLine[2], radix: 16) == baseChecksum,
            headLine.count == 2, headLine[0] == "h"
        else { return nil }
        var parsed = HistoryRecordFormat.Parsed()
        guard (try? HistoryRecordFormat.parse(lines[2], into: &parsed, firstLine: 4)) != nil, parsed.failures.isEmpty,
            parsed.commits.count == count, parsed.commits.first?.id == String(headLine[1]),
            parsed.commits.last?.parents == [baseHead]
        else { return nil }
        return (String(headLine[1]), parsed.commits, parsed.stats)
    }

    /// Commits the arrays of a loaded cache have room for beyond its own and those on top: new
    /// commits since, which the scan puts in front of them.
    static let newCommitRoom = 256

    /// Most commits kept on top of a cache file (or a twentieth of the file's, when that is
    /// more): past them the whole cache is written again.
    static let onTopLimit = 1_000

    /// Writes `newCommits`, the newest of `commits` (a complete walk from `head`) down to the
    /// HEAD of the cache loaded over `base`, with the commits already on top of it and their
    /// `stats`, in the file on top of the cache file `base` names; with too many of them, or
    /// over an incomplete walk, the whole cache is written (`save`). A commit without complete
    /// statistics is counted again next time, as `save` has it.
    ///
    /// Why: after one new commit the whole cache, 43 MB, was written again: 4 % of the CPU time of
    /// `phase-close 1` on the 100,000-commit claim-heavy repository (Benchmarks/RESULTS-scale.md,
    /// eighteenth round). The file on top holds that one commit.
    public func saveOnTop(
        over base: Base, head: String, newCommits: [GitCommit], commits: [GitCommit], stats: [String: CommitStats]
    ) throws {
        let top = newCommits + base.onTop
        guard base.complete, !top.isEmpty, top.count <= max(Self.onTopLimit, base.count / 20),
            top.allSatisfy({ stats[$0.id]?.isComplete ?? false })
        else {
            return try save(head: head, complete: true, commits: commits, stats: stats)
        }
        var bytes = Array(Self.onTopHeader.utf8)
        bytes += "b \(base.head) \(String(base.checksum, radix: 16))\nh \(head)\n".utf8
        for commit in top {
            HistoryRecordFormat.append(commit, to: &bytes)
            if let entry = stats[commit.id] { HistoryRecordFormat.append(commit.id, entry, to: &bytes) }
        }
        bytes += "end \(top.count) \(String(Self.checksum(bytes[...]), radix: 16))\n".utf8
        try ContainedFile.write(Data(bytes), to: onTopFile, within: boundary)
    }

    /// Replaces the cache with `commits` (in walk order from `head`) and their `stats`; a
    /// commit without statistics is kept without them, so it is counted again next time.
    public func save(head: String, complete: Bool, commits: [GitCommit], stats: [String: CommitStats]) throws {
        try replace { descriptor in
            // Written in pieces, so the file is never held whole.
            try Self.write(head: head, complete: complete, commits: commits, stats: stats) { bytes in
                try bytes.withUnsafeBytes { buffer in try ContainedFile.write(buffer, to: descriptor) }
            }
        }
    }

    /// Replaces the cache with `file`, the bytes `fileBytes` made.
    func save(fileBytes file: [UInt8]) throws {
        try replace { descriptor in try file.withUnsafeBytes { buffer in try ContainedFile.write(buffer, to: descriptor) } }
    }

    /// The cache file `save` writes for `commits` from `head` and their `stats`, whole.
    static func fileBytes(head: String, complete: Bool, commits: [GitCommit], stats: [String: CommitStats]) -> [UInt8] {
        var file: [UInt8] = []
        write(head: head, complete: complete, commits: commits, stats: stats) { bytes in file += bytes }
        return file
    }

    /// Hands the cache file to `output` in pieces: header, HEAD line, records, trailer.
    private static func write<Failure: Error>(
        head: String, complete: Bool, commits: [GitCommit], stats: [String: CommitStats],
        to output: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var checksum = Self.checksumSeed
        let header = Array(Self.header.utf8) + Array("h \(head) \(complete ? "complete" : "partial")\n".utf8)
        try HistoryCacheFormat.write(commits: commits, stats: stats, after: header) { (bytes: inout [UInt8]) throws(Failure) in
            checksum = Self.checksum(bytes[...], continuing: checksum)
            try output(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        var trailer: [UInt8] = []
        HistoryCacheFormat.appendFixed(UInt64(commits.count), to: &trailer)
        HistoryCacheFormat.appendFixed(checksum, to: &trailer)
        try output(trailer)
    }

    /// Writes the cache file through `fill`, after removing the file on top (it belongs to the
    /// file about to be replaced: removed first, a run stopped in between leaves the old cache
    /// whole, not a new one under an old top), and removes the caches of earlier versions.
    private func replace(_ fill: (Int32) throws -> Void) throws {
        if (try? boundary.check(onTopFile)) != nil { unlink(onTopFile) }
        try ContainedFile.write(to: file, within: boundary, fill: fill)
        // Caches of earlier versions are never read again; at 100k commits each is tens of MB.
        for version in 1..<Self.formatVersion {
            unlink(directory + "/history-v\(version).cache")
            unlink(directory + "/history-v\(version).on-top")
        }
    }

    /// Removes the cache file, if any; not when a link on the way leads out of `boundary`,
    /// since the file there is not the cache's to remove.
    public func discard() {
        if (try? boundary.check(onTopFile)) != nil { unlink(onTopFile) }
        guard (try? boundary.check(file)) != nil else { return }
        unlink(file)
    }

    static let checksumSeed = FNV1a.seed

    /// FNV-1a over `bytes`, continuing from `hash`.
    static func checksum(_ bytes: ArraySlice<UInt8>, continuing hash: UInt64 = checksumSeed) -> UInt64 {
        FNV1a.hash(bytes, continuing: hash)
    }
}
