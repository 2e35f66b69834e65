import Foundation
import PhaseModel
import TextSupport

/// The claims of Markdown documents kept between runs, by content, so that a second scan
/// extracts only the documents that changed (docs/design/claims-and-verdicts.md#extraction).
///
/// A document's claims are a function of its text, its path, and what the extractor knows of the
/// workspace (task ids, folders and phases: `ClaimExtractor.fingerprint`), as extracted by one
/// build of phasecert. The key of an entry is the SHA-256 of all of these with the build's
/// identity (`salt`), so an entry is never read for a document, a plan or a phasecert other than
/// the one it was written for. Facts from git and the work tree are added after extraction and
/// are never cached.
///
/// One file, `claims-v<version>.cache`, beside the history cache: a header line, one line per
/// entry (its key, a space, its JSON on one line) in key order, and a trailer with the entry
/// count and an FNV-1a checksum of everything before it. A file that fails any check, or holds a
/// line that does not decode, is read as empty and rewritten, never trusted. Writes go through
/// `ContainedFile`, so never through a symbolic link that leaves `boundary`.
///
/// Why a line per entry (version 2): version 1 held all entries as one JSON object, which one
/// `JSONDecoder` call read on one core; on a repository of 31,000 claims in 640 documents
/// (10.6 MB) that was about a tenth of a warm `phase-close`'s CPU time. Separate lines are
/// decoded on every core, each on its own.
public struct DocumentClaimCache: Sendable {
    /// Bumped whenever how entries are written changes.
    public static let formatVersion = 2
    static let header = "phasecert-claims-cache \(formatVersion)\n"

    /// What one document gave: its claims and extraction findings, in document order.
    public struct Entry: Codable, Sendable, Equatable {
        public var claims: [Claim]
        public var findings: [Finding]
    }

    /// The folder holding the cache file.
    public let directory: String
    public let boundary: WriteBoundary
    /// What, beside a document, its claims depend on: the build of phasecert that extracts them.
    public let salt: String

    public init(directory: String, boundary: WriteBoundary, salt: String) {
        self.directory = directory
        self.boundary = boundary
        self.salt = salt
    }

    public var file: String { directory + "/claims-v\(Self.formatVersion).cache" }

    /// The key of the document at `path` holding `text`, for an extractor of `fingerprint`.
    func key(path: String, text: String, fingerprint: String) -> String {
        var bytes = Array("\(salt)\n\(fingerprint)\n\(path)\n".utf8)
        bytes.append(contentsOf: text.utf8)
        return ContentDigest.sha256Hex(of: bytes)
    }

    /// The entries the file holds; empty when it is missing or fails a check.
    public func load() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        return Self.entries(in: [UInt8](data))
    }

    /// Replaces the file with `entries`: those of the documents of this run, so that entries of
    /// documents since changed or gone do not pile up. Keys are those `key(path:text:fingerprint:)`
    /// gives, which hold neither a space nor a line break.
    public func save(_ entries: [String: Entry]) throws {
        try ContainedFile.write(Data(try Self.contents(of: entries)), to: file, within: boundary)
        // Files of earlier versions are never read again, and each is as large as this one.
        for version in 1..<Self.formatVersion { unlink(directory + "/claims-v\(version).cache") }
    }

    /// How many entries a piece of the work on one core holds at least: a document's entry
    /// takes tens of microseconds to decode, so a handful of them outweighs handing a piece over.
    static let minimumPiece = 8

    /// The bytes of a file holding `entries`.
    static func contents(of entries: [String: Entry]) throws -> [UInt8] {
        // In key order, so the same entries always give the same file.
        let sorted = entries.sorted { $0.key < $1.key }
        let lines = sorted.concurrentMap(minimumPiece: minimumPiece) { key, entry in
            Result { Array("\(key) ".utf8) + (try CanonicalJSON.bytes(entry, pretty: false)) }
        }
        var bytes = Array(header.utf8)
        for line in lines { bytes += try line.get() }
        bytes += "end \(entries.count) \(String(HistoryCache.checksum(bytes[...]), radix: 16))\n".utf8
        return bytes
    }

    /// The entries of a file of `bytes`; empty when it fails a check.
    static func entries(in bytes: [UInt8]) -> [String: Entry] {
        let header = Array(header.utf8)
        guard bytes.starts(with: header), bytes.last == 0x0A,
            let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }), trailerStart >= header.count
        else { return [:] }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]),
            UInt64(trailer[2], radix: 16) == HistoryCache.checksum(bytes[..<trailerStart])
        else { return [:] }
        let lines = bytes[header.count..<trailerStart].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        guard lines.count == count else { return [:] }
        let decoded = Array(lines).concurrentMap(minimumPiece: minimumPiece) { line in entry(in: line) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for case let (key, entry)? in decoded { entries[key] = entry }
        // A line that did not decode, or a key written twice, leaves fewer entries than lines.
        return entries.count == count ? entries : [:]
    }

    /// The key and entry of one line (without its line break); `nil` when it is not one.
    private static func entry(in line: ArraySlice<UInt8>) -> (String, Entry)? {
        guard let space = line.firstIndex(of: 0x20), space > line.startIndex,
            let entry = try? JSONDecoder().decode(Entry.self, from: Data(line[(space + 1)...]))
        else { return nil }
        return (String(decoding: line[..<space], as: UTF8.self), entry)
    }
}
