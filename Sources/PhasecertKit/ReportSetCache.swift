import Foundation
import PhaseModel
import Render
import Scan
import TextSupport

/// The report files one `report` run wrote, remembered under what they were rendered from, so
/// that a run on an unchanged repository neither renders nor rewrites them.
///
/// Reports are a function of the report input (the assessed workspace, the tasks' histories,
/// the comparisons with snapshots, the tool), the configuration, the user's templates, the
/// languages, formats and phases asked for, the phases the folder already holds, the folder, and
/// the build of phasecert (`salt`). The key is the SHA-256 of all of it. Under the key the file
/// lists each report's path, size and SHA-256; a run with the same key renders nothing when every
/// one of those files still holds exactly those bytes, which it checks by reading them. Anything
/// else (another key, a report edited, removed or replaced by a link, a damaged cache) renders
/// and writes as before, and the file is rewritten.
///
/// One file, `reports-v<version>.cache`, in the folder of phasecert's other caches: a header,
/// `key`, a line a report (SHA-256, size, path, tab-separated), and `end` with the SHA-256 of
/// everything before it. Why: rendering was four fifths of a warm `report` of 15 phases in two
/// languages and six formats (Benchmarks/RESULTS-scale.md, eleventh round).
public struct ReportSetCache: Sendable {
    static let formatVersion = 1
    static let header = "phasecert-reports-cache \(formatVersion)\n"

    public let directory: String
    public let boundary: WriteBoundary

    public init(directory: String, boundary: WriteBoundary) {
        self.directory = directory
        self.boundary = boundary
    }

    public var file: String { directory + "/reports-v\(Self.formatVersion).cache" }

    /// A report as the cache lists it.
    struct Entry: Equatable {
        var path: String
        var size: Int
        var digest: String
    }

    /// What reports are rendered from, as the key hashes it.
    public struct Request {
        public var salt: String
        public var input: ReportInput
        public var configuration: Configuration
        /// The user's `templates/` folder, if any.
        public var templates: String?
        public var locales: [ReportLocale]
        public var formats: [ReportFormat]
        public var phases: [String]
        /// The phases the folder already held reports of, which `index.html` links.
        public var linked: Set<String>
        public var folder: String
    }

    /// The key of `request`; `nil` when part of it cannot be read (a template folder that cannot
    /// be listed), and then nothing is kept.
    static func key(of request: Request) -> String? {
        var bytes = Array("\(formatVersion)\n\(request.salt)\n\(request.folder)\n".utf8)
        bytes += "\(request.locales.map(\.rawValue))\n\(request.formats.map(\.rawValue))\n\(request.phases)\n".utf8
        bytes += "\(request.linked.sorted())\n\(stableDescription(of: request.configuration))\n".utf8
        let input = request.input
        // Canonical JSON of value types cannot fail to encode.
        bytes += (try? CanonicalJSON.encode(input.workspace, pretty: false)) ?? Data()
        for (task, history) in input.histories.sorted(by: { $0.key < $1.key }) {
            bytes += "\n\(task)\n".utf8
            bytes += (try? CanonicalJSON.encode(history, pretty: false)) ?? Data()
        }
        for (phase, comparison) in input.comparisons.sorted(by: { $0.key < $1.key }) {
            bytes += "\n\(phase)\n".utf8
            bytes += (try? CanonicalJSON.encode(comparison, pretty: false)) ?? Data()
        }
        bytes += "\n\(input.tool)\n".utf8
        if let templates = request.templates {
            guard let contents = UserTemplates.contents(of: templates) else { return nil }
            bytes += contents
        }
        return ContentDigest.sha256Hex(of: bytes)
    }

    /// The configuration written out in full, its one dictionary in key order: a dictionary's
    /// order changes from process to process, and so would the key.
    static func stableDescription(of configuration: Configuration) -> String {
        var rest = configuration
        rest.rules = [:]
        let rules = configuration.rules.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(describing: $0.value))" }
        return String(reflecting: rest) + " rules: " + rules.joined(separator: ",")
    }

    /// The paths of the reports kept under `key`, when every one of them in `folder` is a
    /// regular file holding what was written; else `nil`.
    func reports(forKey key: String, in folder: String) -> [String]? {
        guard let bytes = FileBytes.contents(atPath: file), let entries = Self.entries(in: bytes, key: key)
        else { return nil }
        let intact = entries.concurrentMap(minimumPiece: 8) { entry in
            ReportWriter.holds(folder + "/" + entry.path, size: entry.size, digest: entry.digest)
        }
        return intact.allSatisfy { $0 } ? entries.map(\.path) : nil
    }

    /// Keeps `files` under `key`. A path with a tab or a line break is not kept.
    func save(key: String, files: [ReportFile]) throws {
        guard !files.contains(where: { $0.path.contains("\t") || $0.path.contains("\n") }) else { return }
        let entries = files.concurrentMap(minimumPiece: 8) { file in
            Entry(path: file.path, size: file.contents.count, digest: ContentDigest.sha256Hex(of: file.contents))
        }
        try ContainedFile.write(Data(Self.contents(key: key, entries: entries)), to: self.file, within: boundary)
    }

    static func contents(key: String, entries: [Entry]) -> [UInt8] {
        SealedLines.file(header: header, lines: ["key\t\(key)"] + entries.map { "\($0.digest)\t\($0.size)\t\($0.path)" })
    }

    /// The entries of a file of `bytes` under `key`; `nil` when it fails a check or holds another key.
    static func entries(in bytes: [UInt8], key: String) -> [Entry]? {
        let keyLine = Array("key\t\(key)".utf8)
        // Another key is told from the start of the file, before the whole of it is hashed.
        guard bytes.dropFirst(header.utf8.count).starts(with: keyLine + [0x0A]), let lines = SealedLines.lines(in: bytes, header: header)
        else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let size = Int(String(decoding: fields[1], as: UTF8.self)), !fields[2].isEmpty else { return nil }
            entries.append(Entry(path: String(decoding: fields[2], as: UTF8.self), size: size, digest: String(decoding: fields[0], as: UTF8.self)))
        }
        return entries
    }
}
