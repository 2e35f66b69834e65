import Foundation
import PhaseModel
import TextSupport

/// What the evidence stage read from each result file and test source, kept between runs by the
/// file's signature, so that a run reads again only the files that changed.
///
/// A result file's `EvidenceFileResult` is a function of its bytes, its path and the kind
/// discovery gave it; a source file's scan (`EvidenceCollector.SourceScan`) of its bytes, its
/// path, whether it is read for tests, for stub markers or both, and the task ids markers are
/// looked for with. Their bytes are vouched for by the file's signature (`FileSignature`: device,
/// inode, mode, size, and modification and status-change times to the nanosecond), as git's
/// index does: an entry is used only when the file's signature now is the one it was kept under,
/// and kept only when the signature was the same before and after the read and not within
/// `FileSignature.racyWindow` of the run's start. The build of phasecert (`salt`) is part of
/// every entry's key.
///
/// One file, `evidence-v<version>.cache`, in the folder of the other caches, in the shape of the
/// claims caches (`ChecksummedLines`): `key` and the SHA-256 of the salt, then a line a file
/// (`r` for a result file, `s` for a source), tab-separated: path, what it was read as, signature,
/// and what was read, as JSON. A path with a tab or a line break is not kept; a file that fails
/// any check is not used and is written again.
///
/// Why: `phase-close 1` after one new commit parsed the claim-heavy repositories' Go test results
/// (8.7 MB at ½× and 1×) and test sources again every run, 0.38 CPU seconds at 1×; read back,
/// the run took 0.12–0.19 user CPU seconds less (Benchmarks/RESULTS-scale.md, eighteenth round).
struct EvidenceCache: Sendable {
    static let formatVersion = 1
    static let header = "phasecert-evidence-cache \(formatVersion)\n"

    let directory: String
    let boundary: WriteBoundary
    let salt: String

    var file: String { directory + "/evidence-v\(Self.formatVersion).cache" }

    /// One kept file: what it was read as (a result file's kind, or how a source was read), its
    /// signature then, and what was read, as JSON.
    struct Entry: Equatable, Sendable {
        var reading: String
        var signature: String
        var json: [UInt8]
    }

    /// What a cache file holds: result files and sources by path.
    struct Kept: Equatable, Sendable {
        var results: [String: Entry] = [:]
        var sources: [String: Entry] = [:]
    }

    private var keyLine: [UInt8] { Array("key\t\(ContentDigest.sha256Hex(of: Array("\(Self.formatVersion)\n\(salt)".utf8)))".utf8) }

    /// The entries of the cache file; none when it is missing, fails a check or was kept for another build.
    func load() -> Kept {
        guard let bytes = FileBytes.contents(atPath: file),
            let lines = ChecksummedLines.lines(in: bytes, header: Self.header), lines.first?.elementsEqual(keyLine) == true
        else { return Kept() }
        var kept = Kept()
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x09, maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0].count == 1, !fields[1].isEmpty else { return Kept() }
            let path = String(decoding: fields[1], as: UTF8.self)
            let entry = Entry(
                reading: String(decoding: fields[2], as: UTF8.self), signature: String(decoding: fields[3], as: UTF8.self),
                json: Array(fields[4]))
            switch fields[0].first {
            case UInt8(ascii: "r"): kept.results[path] = entry
            case UInt8(ascii: "s"): kept.sources[path] = entry
            default: return Kept()
            }
        }
        return kept
    }

    /// Replaces the cache file with `kept`.
    func save(_ kept: Kept) throws {
        var lines = [keyLine + [0x0A]]
        for (tag, entries) in [("r", kept.results), ("s", kept.sources)] {
            for (path, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                guard Self.fits(path), Self.fits(entry.reading), !entry.json.contains(0x0A) else { continue }
                lines.append(Array("\(tag)\t\(path)\t\(entry.reading)\t\(entry.signature)\t".utf8) + entry.json + [0x0A])
            }
        }
        try ContainedFile.write(Data(ChecksummedLines.file(header: Self.header, lines: lines)), to: file, within: boundary)
    }

    /// Whether `text` can stand in a field: no tab, no line break.
    static func fits(_ text: String) -> Bool { !text.utf8.contains(0x09) && !text.utf8.contains(0x0A) }
}

/// The entries one evidence run used and made, for the cache it came from, shared by the threads
/// that read the files.
final class EvidenceCacheRun: @unchecked Sendable {
    let cache: EvidenceCache
    private let kept: EvidenceCache.Kept
    /// When the run began (seconds since 1970): a file changed within `FileSignature.racyWindow`
    /// of it is not kept.
    let start: Double
    private let lock = NSLock()
    private var next = EvidenceCache.Kept()
    private var changed = false

    /// - Parameter start: When the run began; now unless a test says otherwise.
    init(cache: EvidenceCache, start: Double = Date().timeIntervalSince1970) {
        self.cache = cache
        kept = cache.load()
        self.start = start
    }

    /// What `read` gives for the file at `path` (absolute `absolute`) read as `reading`: the kept
    /// value when the file's signature is the one it was kept under, else `read()`, kept when the
    /// file did not change while it was read.
    func value<Value: Codable>(
        source: Bool, path: String, absolute: String, reading: String, read: () -> Value
    ) -> Value {
        let before = FileSignature(absolutePath: absolute)
        if let entry = source ? kept.sources[path] : kept.results[path], entry.reading == reading, before.fields != nil,
            entry.signature == before.text, let value = try? JSONDecoder().decode(Value.self, from: Data(entry.json))
        {
            record(source: source, path: path, entry: entry, changed: false)
            return value
        }
        let value = read()
        let after = FileSignature(absolutePath: absolute)
        if after.fields != nil, after == before, !after.isRacy(forRunStartedAt: start), EvidenceCache.fits(path),
            let json = try? JSONEncoder().encode(value)
        {
            record(source: source, path: path, entry: .init(reading: reading, signature: after.text, json: [UInt8](json)), changed: true)
        } else {
            lock.withLock { changed = true }
        }
        return value
    }

    private func record(source: Bool, path: String, entry: EvidenceCache.Entry, changed: Bool) {
        lock.withLock {
            if source { next.sources[path] = entry } else { next.results[path] = entry }
            self.changed = self.changed || changed
        }
    }

    /// Writes the entries of this run when they differ from the kept ones: files read anew, or
    /// kept ones no longer read. A cache that cannot be written only costs the next run time.
    func save() {
        let (next, changed) = lock.withLock { (self.next, self.changed) }
        guard changed || next != kept else { return }
        try? cache.save(next)
    }
}
