import Foundation

/// Per-commit statistics kept between runs, so a second scan reads only new commits.
///
/// One file, `history-v<version>.cache`: a header naming the format version, the records of
/// `StatsRecordFormat`, and a trailer with the record count and an FNV-1a checksum of
/// everything before it. A file that fails any check is discarded and rebuilt, never trusted.
/// Writes go to a temporary file that is then renamed over the old one.
public struct HistoryCache: Sendable {
    /// Bumped whenever what is counted or how it is written changes.
    public static let formatVersion = 1
    static let header = "phasecert-history-cache \(formatVersion)\n"

    /// The folder holding the cache file.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var file: String { directory + "/history-v\(Self.formatVersion).cache" }

    /// What loading found.
    public enum Loaded: Sendable, Equatable {
        case missing
        case loaded([String: CommitStats])
        /// The file exists but failed a check; the reason says which.
        case damaged(String)
    }

    public func load() -> Loaded {
        guard let data = FileManager.default.contents(atPath: file) else { return .missing }
        let bytes = [UInt8](data)
        let headerBytes = Array(Self.header.utf8)
        guard bytes.starts(with: headerBytes) else { return .damaged("unknown header") }
        guard bytes.last == 0x0A, let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }) else {
            return .damaged("no trailer")
        }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]),
            UInt64(trailer[2], radix: 16) == Self.checksum(bytes[..<trailerStart])
        else { return .damaged("checksum does not match") }
        var parsed = StatsRecordFormat.Parsed()
        do {
            try StatsRecordFormat.parse(bytes[headerBytes.count..<trailerStart], into: &parsed, firstLine: 2)
        } catch {
            return .damaged("record at line \(error.line) does not parse")
        }
        guard parsed.failures.isEmpty, parsed.stats.count == count else { return .damaged("record count does not match") }
        return .loaded(parsed.stats)
    }

    /// Replaces the cache with `stats`, written in `order` (ids missing from `stats` skipped).
    public func save(_ stats: [String: CommitStats], order: [String]) throws {
        var bytes = Array(Self.header.utf8)
        var count = 0
        for id in order {
            guard let entry = stats[id] else { continue }
            StatsRecordFormat.append(id, entry, to: &bytes)
            count += 1
        }
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
