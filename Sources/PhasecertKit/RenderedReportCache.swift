import Foundation
import PhaseModel
import Render
import Scan
import TextSupport

/// Task and audit reports as written, each remembered under the key of what it was rendered from
/// (`ReportSource` in Render), so that the next run reads an unchanged one back instead of
/// rendering it.
///
/// Such a report is a function of its source, its locale, the templates and the build; the key
/// is the SHA-256 of all of them. A report is read back only when the cache lists its path under
/// the same key and the file in the reports folder is a regular file that still holds exactly the
/// bytes written (its size and SHA-256, checked by reading it). Anything else (another key, a
/// report edited, removed or replaced by a link, a damaged cache) renders as before.
///
/// One file, `rendered-reports-v<version>.cache`, in the folder of phasecert's other caches: a
/// header, a line a report (key, SHA-256, size, path, tab-separated, in path order), and `end`
/// with the SHA-256 of everything before it. A run adds or replaces the lines of the reports it
/// wrote and keeps the others, which check themselves when used. Why: after one new commit,
/// rendering the task and audit reports of `phase-close 1` again was most of its rendering time
/// on the 100,000-commit claim-heavy repository, though they came out the same
/// (Benchmarks/RESULTS-scale.md, eighteenth round).
public struct RenderedReportCache: Sendable {
    static let formatVersion = 1
    static let header = "phasecert-rendered-reports-cache \(formatVersion)\n"

    public let directory: String
    public let boundary: WriteBoundary

    public init(directory: String, boundary: WriteBoundary) {
        self.directory = directory
        self.boundary = boundary
    }

    var file: String { directory + "/rendered-reports-v\(Self.formatVersion).cache" }

    /// A report as the cache lists it.
    struct Entry: Equatable {
        var key: String
        var digest: String
        var size: Int
        var path: String
    }

    /// The reuse of the reports this cache lists in `folder`, under `salt`.
    func reuse(salt: String, folder: String) -> ReportReuse {
        let entries = load()
        return ReportReuse(salt: salt) { key, paths in
            var files: [ReportFile] = []
            for path in paths {
                guard let entry = entries[path], entry.key == key,
                    let contents = ReportWriter.contents(of: folder + "/" + path, size: entry.size, digest: entry.digest)
                else { return nil }
                var file = ReportFile(path: path, contents: [UInt8](contents))
                file.isOnDisk = true
                files.append(file)
            }
            return files
        }
    }

    /// Remembers, once they are written, the files of `files` rendered for reuse (those with a
    /// `renderKey`); the other lines stay. A path with a tab or a line break is not kept.
    func remember(_ files: [ReportFile]) throws {
        let rendered = files.filter { $0.renderKey != nil && !$0.path.contains("\t") && !$0.path.contains("\n") }
        guard !rendered.isEmpty else { return }
        var entries = load()
        // A file read back under the key it is listed with is listed as it was: its digest was
        // checked when it was read.
        let known = entries
        let written = rendered.concurrentMap(minimumPiece: 8) { file in
            if file.isOnDisk, let entry = known[file.path], entry.key == file.renderKey, entry.size == file.contents.count { return entry }
            return Entry(key: file.renderKey ?? "", digest: ContentDigest.sha256Hex(of: file.contents), size: file.contents.count, path: file.path)
        }
        for entry in written { entries[entry.path] = entry }
        try ContainedFile.write(Data(Self.contents(of: entries.values.sorted { $0.path < $1.path })), to: file, within: boundary)
    }

    /// The entries of the cache file by path; none when it is missing or fails a check.
    func load() -> [String: Entry] {
        guard let bytes = FileBytes.contents(atPath: file), let entries = Self.entries(in: bytes) else { return [:] }
        return Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func contents(of entries: [Entry]) -> [UInt8] {
        SealedLines.file(header: header, lines: entries.map { "\($0.key)\t\($0.digest)\t\($0.size)\t\($0.path)" })
    }

    /// The entries of a file of `bytes`; `nil` when it fails a check.
    static func entries(in bytes: [UInt8]) -> [Entry]? {
        guard let lines = SealedLines.lines(in: bytes, header: header) else { return nil }
        var entries: [Entry] = []
        for line in lines {
            let fields = line.split(separator: 0x09, maxSplits: 3, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty, let size = Int(fields[2]), size >= 0, !fields[3].isEmpty
            else { return nil }
            entries.append(Entry(key: fields[0], digest: fields[1], size: size, path: fields[3]))
        }
        return entries
    }
}
