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
/// One file, `claims-v<version>.cache`, beside the history cache: a header line, the entries as
/// JSON, and a trailer with the entry count and an FNV-1a checksum of everything before it. A file
/// that fails any check is read as empty and rewritten, never trusted. Writes go through
/// `ContainedFile`, so never through a symbolic link that leaves `boundary`.
public struct DocumentClaimCache: Sendable {
    /// Bumped whenever how entries are written changes.
    public static let formatVersion = 1
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
        let bytes = [UInt8](data), header = Array(Self.header.utf8)
        guard bytes.starts(with: header), bytes.last == 0x0A,
            let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }), trailerStart > header.count
        else { return [:] }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]),
            UInt64(trailer[2], radix: 16) == HistoryCache.checksum(bytes[..<trailerStart]),
            let entries = try? JSONDecoder().decode([String: Entry].self, from: Data(bytes[header.count..<(trailerStart - 1)])),
            entries.count == count
        else { return [:] }
        return entries
    }

    /// Replaces the file with `entries`: those of the documents of this run, so that entries of
    /// documents since changed or gone do not pile up.
    public func save(_ entries: [String: Entry]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Array(Self.header.utf8)
        bytes.append(contentsOf: try encoder.encode(entries))
        bytes.append(0x0A)
        bytes.append(contentsOf: "end \(entries.count) \(String(HistoryCache.checksum(bytes[...]), radix: 16))\n".utf8)
        try ContainedFile.write(Data(bytes), to: file, within: boundary)
    }
}
