import Foundation

/// Commits and their statistics kept between runs, so a second scan reads only new commits
/// through libgit2 and, when HEAD has not moved, none at all.
///
/// One file, `history-v<version>.cache`: a header naming the format version, the HEAD it was
/// written for, the records of `HistoryRecordFormat` in walk order, and a trailer with the
/// commit count and an FNV-1a checksum of everything before it. A file that fails any check is
/// discarded and rebuilt, never trusted. Writes go to a temporary file renamed over the old one.
public struct HistoryCache: Sendable {
    /// Bumped whenever what is counted or how it is written changes.
    public static let formatVersion = 2
    static let header = "phasecert-history-cache \(formatVersion)\n"

    /// The folder holding the cache file.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var file: String { directory + "/history-v\(Self.formatVersion).cache" }

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
    }

    /// What loading found.
    public enum Loaded: Sendable, Equatable {
        case missing
        case loaded(Contents)
        /// The file exists but failed a check; the reason says which.
        case damaged(String)
    }

    public func load() -> Loaded {
        guard let data = FileManager.default.contents(atPath: file) else { return .missing }
        let bytes = data.withUnsafeBytes { [UInt8]($0) }
        let headerBytes = Array(Self.header.utf8)
        guard bytes.starts(with: headerBytes) else { return .damaged("unknown header") }
        guard bytes.last == 0x0A, let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }) else {
            return .damaged("no trailer")
        }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]),
            UInt64(trailer[2], radix: 16) == Self.checksum(bytes[..<trailerStart])
        else { return .damaged("checksum does not match") }
        var headEnd = headerBytes.count
        while headEnd < trailerStart && bytes[headEnd] != 0x0A { headEnd += 1 }
        let headLine = String(decoding: bytes[headerBytes.count..<headEnd], as: UTF8.self).split(separator: " ")
        guard headLine.count == 3, headLine[0] == "h", ["complete", "partial"].contains(headLine[2]), headEnd < trailerStart
        else { return .damaged("no HEAD line") }
        var parsed = HistoryRecordFormat.Parsed()
        do {
            try HistoryRecordFormat.parse(bytes[(headEnd + 1)..<trailerStart], into: &parsed, firstLine: 3)
        } catch {
            return .damaged("record at line \(error.line) does not parse")
        }
        guard parsed.failures.isEmpty, parsed.commits.count == count, parsed.stats.count <= count else {
            return .damaged("record count does not match")
        }
        return .loaded(Contents(
            head: String(headLine[1]), complete: headLine[2] == "complete", commits: parsed.commits, stats: parsed.stats))
    }

    /// Replaces the cache with `commits` (in walk order from `head`) and their `stats`; a
    /// commit without statistics is kept without them, so it is counted again next time.
    public func save(head: String, complete: Bool, commits: [GitCommit], stats: [String: CommitStats]) throws {
        var bytes = Array(Self.header.utf8)
        bytes.append(contentsOf: "h \(head) \(complete ? "complete" : "partial")\n".utf8)
        bytes.reserveCapacity(commits.count * 300)
        for commit in commits {
            HistoryRecordFormat.append(commit, to: &bytes)
            if let entry = stats[commit.id] { HistoryRecordFormat.append(commit.id, entry, to: &bytes) }
        }
        let count = commits.count
        let checksum = Self.checksum(bytes[...])
        bytes.append(contentsOf: "end \(count) \(String(checksum, radix: 16))\n".utf8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/.history-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, file) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
    }

    /// Removes the cache file, if any.
    public func discard() {
        unlink(file)
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
