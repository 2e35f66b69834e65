import Foundation
import PhaseModel
import TextSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output of one scan kept with what it was made from, so that the next run on an unchanged
/// repository writes the same bytes again without scanning.
///
/// A scan's output is a function of the history from HEAD, of the files and folders it looked at
/// in the work tree (`PathLog`), and of what the caller hashes into the key: the build of
/// phasecert, the request (the command and the options that shape its output), the repository
/// and the configuration. The entry names HEAD (its id, whether it is detached) and lists every
/// path looked at with its signature (`FileSignature`): it is used only when HEAD is the same
/// commit, the clone is not shallow, and every path still has that signature. A folder's
/// signature changes when an entry is added to it or removed, so a new file where the scan looked
/// is seen too.
///
/// Nothing is kept from a scan whose history was cut off or unreadable (fetching can change it
/// under the same HEAD), or when a path looked at changed within `racyWindow` of the scan's start:
/// a change within the file system's timestamp granularity could leave its signature as it was,
/// and a file changed during the scan may have been read before or after the change (git's
/// "racy" files). Signatures are taken after the scan, so such a change shows in them.
///
/// Two files beside the history cache: `scan-output-v<version>.out`, the output's bytes, and
/// `scan-output-v<version>.cache`, in the shape of the claims caches (`ChecksummedLines`): `key`,
/// `head`, `read` lines (path and signature), `warning` lines (what the command said on standard
/// error), `counts`, and `output` (the output's size and SHA-256, checked before a byte of it is
/// written). The output is written first: a run killed in between leaves an entry whose digest
/// does not match, which is not used.
///
/// Why: a warm `scan --json` of 100,000 commits still took about a quarter of `git log --numstat`
/// with every stage's cache in use, mostly in loading those caches (Benchmarks/RESULTS-scale.md,
/// twelfth round); given back, it takes a fiftieth (thirteenth round).
public struct ScanOutputCache: Sendable {
    static let formatVersion = 1
    static let header = "phasecert-scan-output-cache \(formatVersion)\n"
    static let racyWindow = FileSignature.racyWindow

    public let directory: String
    public let boundary: WriteBoundary

    var file: String { directory + "/scan-output-v\(Self.formatVersion).cache" }
    /// Where the kept output's bytes are.
    public var outputFile: String { directory + "/scan-output-v\(Self.formatVersion).out" }

    public init(directory: String, boundary: WriteBoundary) {
        self.directory = directory
        self.boundary = boundary
    }

    /// The cache of the repository at `repository`, in the folder of its history cache; `nil`
    /// outside a git repository.
    public init?(repository: String, configuration: Configuration) {
        guard let folder = WorkspaceScanner.cacheFolder(repository: repository, configuration: configuration) else { return nil }
        self.init(directory: folder.directory, boundary: folder.boundary)
    }

    /// What the command said besides the output, and how much the output held.
    public struct Remarks: Sendable, Equatable {
        /// Lines for standard error, as written.
        public var warnings: [String]
        /// Figures the command may say (phases, tasks, findings for `scan --verbose`).
        public var counts: [Int]

        public init(warnings: [String], counts: [Int]) {
            self.warnings = warnings
            self.counts = counts
        }
    }

    /// An output kept from an earlier run, its bytes checked against the entry's digest, with
    /// what that run said.
    public struct Kept: Sendable {
        let file: OpenFile
        public let size: Int
        public let remarks: Remarks

        /// Hands the output to `write` in pieces of at most `piece` bytes, read from the file that
        /// was checked (held open, so a later run replacing it changes nothing here). Returns
        /// whether all of it was read; a file cut short meanwhile ends the output early.
        @discardableResult
        public func write(piece: Int = 1 << 20, to write: ([UInt8]) -> Void) -> Bool {
            file.read(size: size, piece: piece, into: write)
        }
    }

    /// A file held open for reading, closed when the last copy of its holder goes. Reading it in
    /// pieces keeps a large output out of memory: the check and the writing read it one piece at
    /// a time, so a run that gives back 300 MB holds 1 MiB of it.
    final class OpenFile: Sendable {
        let descriptor: Int32

        init?(path: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
        }

        deinit { close(descriptor) }

        /// Reads the first `size` bytes in pieces; false when the file ended before.
        func read(size: Int, piece: Int, into body: ([UInt8]) -> Void) -> Bool {
            var buffer = [UInt8](repeating: 0, count: max(1, min(piece, size)))
            var offset = 0
            while offset < size {
                let wanted = min(buffer.count, size - offset)
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                body(Array(buffer[..<count]))
                offset += count
            }
            return true
        }

        /// Whether the file holds exactly `size` bytes whose SHA-256 is `digest`.
        func holds(size: Int, digest: String) -> Bool {
            var info = stat()
            guard fstat(descriptor, &info) == 0, Int(info.st_size) == size else { return false }
            var stream = ContentDigest.Stream()
            let whole = read(size: size, piece: 1 << 20) { bytes in bytes.withUnsafeBytes { stream.update($0) } }
            return whole && stream.finalizedHex() == digest
        }
    }

    /// The output kept under `key` for the repository at `repository`, when HEAD and every path
    /// looked at are as they were and the output is intact; else `nil`.
    public func kept(forKey key: String, repository: String) -> Kept? {
        guard let bytes = FileBytes.contents(atPath: file), let entry = Self.entry(in: bytes, key: key),
            let git = try? GitRepository(path: repository), !git.isShallow, (try? git.head()) == entry.head,
            git.isHeadDetached == entry.isHeadDetached
        else { return nil }
        let tree = RepositoryTree(root: repository)
        for (path, signature) in entry.reads where FileSignature(absolutePath: tree.absolute(path)) != signature {
            return nil
        }
        guard let output = OpenFile(path: outputFile), output.holds(size: entry.outputSize, digest: entry.outputDigest)
        else { return nil }
        return Kept(file: output, size: entry.outputSize, remarks: entry.remarks)
    }

    /// Keeps `output` (in pieces, as written) and `remarks` under `key` as the output of the scan
    /// `outcome` of the repository at `repository`, unless that scan cannot vouch for it (see the
    /// type's notes); then an earlier entry is removed. Returns whether it was kept.
    @discardableResult
    public func keep(
        key: String, outcome: WorkspaceScanner.Outcome, repository: String, output: [[UInt8]], remarks: Remarks
    ) throws -> Bool {
        try keep(key: key, output: output, remarks: remarks, vouching: vouching(for: outcome, repository: repository))
    }

    /// What a scan looked at, each path with its signature taken after the scan: what an output
    /// is kept with, and checked against before it is used again.
    public struct Vouching: Sendable {
        fileprivate let head: String
        fileprivate let isHeadDetached: Bool
        fileprivate let reads: [String: FileSignature]
    }

    /// The signatures of every path the scan `outcome` of the repository at `repository` looked
    /// at, taken now; `nil` when that scan cannot vouch for an output (a shallow or partly
    /// unreadable history, or a path that changed since the scan began or just before).
    /// Taken while the output is written, they must be taken after the scan, as here.
    public func vouching(for outcome: WorkspaceScanner.Outcome, repository: String) -> Vouching? {
        let tree = RepositoryTree(root: repository)
        guard let history = outcome.history, let head = history.head, !history.isShallow, history.findings.isEmpty else {
            return nil
        }
        var reads: [String: FileSignature] = [:]
        reads.reserveCapacity(outcome.lookedAt.count)
        for path in outcome.lookedAt {
            let signature = FileSignature(absolutePath: tree.absolute(path))
            if signature.isRacy(forRunStartedAt: outcome.startedAt) { return nil }
            reads[path] = signature
        }
        return Vouching(head: head, isHeadDetached: history.isHeadDetached, reads: reads)
    }

    /// Keeps `output` and `remarks` under `key`, with what `vouching` says of the scan; without
    /// it (or where the cache cannot be written), nothing is kept and an earlier entry is
    /// removed. Returns whether it was kept.
    @discardableResult
    public func keep(key: String, output: [[UInt8]], remarks: Remarks, vouching: Vouching?) throws -> Bool {
        guard let vouching else {
            forget()
            return false
        }
        return try keep(key: key, remarks: remarks, vouching: { vouching }, emit: { _ in }) { write in
            for piece in output { try write(piece) }
        }
    }

    /// Writes an output as `produce` makes it, a part at a time, to `emit` (standard output) and
    /// to the kept output's file, then keeps it under `key` with `remarks` and what `vouching`
    /// says of the scan once the output is written. Why: the output of 100,000 commits is 147 MB,
    /// and held whole to be kept it was most of a cold scan's peak memory
    /// (Benchmarks/RESULTS-scale.md, twentieth round).
    ///
    /// The output reaches `emit` whole even when it cannot be kept: a cache folder that cannot
    /// be written only leaves it unkept (and an earlier entry removed). Returns whether it was kept.
    /// - Throws: what `produce` throws; the parts before it have reached `emit`, nothing is kept.
    @discardableResult
    public func keep(
        key: String, remarks: Remarks, vouching: () -> Vouching?, emit: @escaping ([UInt8]) -> Void,
        producing produce: (_ write: ([UInt8]) throws -> Void) throws -> Void
    ) throws -> Bool {
        var digest = ContentDigest.Stream()
        var size = 0
        var started = false
        var unkept = false
        do {
            try ContainedFile.write(to: outputFile, within: boundary) { descriptor in
                try produce { part in
                    started = true
                    emit(part)
                    guard !unkept else { return }
                    do {
                        try part.withUnsafeBytes { buffer in
                            digest.update(buffer)
                            try ContainedFile.write(buffer, to: descriptor)
                        }
                        size += part.count
                    } catch {
                        unkept = true
                    }
                }
                // A file that missed a part is not kept (`ContainedFile` removes it).
                if unkept { throw Unkept() }
            }
        } catch is Unkept {
            forget()
            return false
        } catch where !started {
            // The output file could not be made: the output goes out all the same.
            forget()
            try produce { emit($0) }
            return false
        }
        guard let vouching = vouching() else {
            forget()
            return false
        }
        let entry = Entry(
            key: key, head: vouching.head, isHeadDetached: vouching.isHeadDetached, reads: vouching.reads, remarks: remarks,
            outputSize: size, outputDigest: digest.finalizedHex())
        do {
            try ContainedFile.write(Data(Self.contents(of: entry)), to: file, within: boundary)
        } catch {
            forget()
            return false
        }
        return true
    }

    private struct Unkept: Error {}

    /// Removes the kept output, so that no run uses it.
    func forget() {
        unlink(file)
        unlink(outputFile)
    }

    struct Entry: Equatable {
        var key: String
        var head: String
        var isHeadDetached: Bool
        var reads: [String: FileSignature]
        var remarks: Remarks
        var outputSize: Int
        var outputDigest: String
    }

    static func contents(of entry: Entry) -> [UInt8] {
        typealias Writer = DocumentClaimCache.Record.Writer
        var lines = [Array("key\t\(entry.key)\n".utf8)]
        var head = Writer(bytes: Array("head".utf8))
        head.text(entry.head)
        head.flag(entry.isHeadDetached)
        lines.append(head.bytes + [0x0A])
        lines += DocumentClaimCache.Record.readLines(entry.reads)
        for warning in entry.remarks.warnings {
            var writer = Writer(bytes: Array("warning".utf8))
            writer.text(warning)
            lines.append(writer.line)
        }
        var counts = Writer(bytes: Array("counts".utf8))
        for count in entry.remarks.counts { counts.integer(count) }
        lines.append(counts.bytes + [0x0A])
        var output = Writer(bytes: Array("output".utf8))
        output.integer(entry.outputSize)
        output.text(entry.outputDigest)
        lines.append(output.bytes + [0x0A])
        return ChecksummedLines.file(header: header, lines: lines)
    }

    /// The entry a file of `bytes` holds when its key is `key`; `nil` when it fails a check or
    /// holds another key.
    static func entry(in bytes: [UInt8], key: String) -> Entry? {
        typealias Reader = DocumentClaimCache.Record.Reader
        guard bytes.dropFirst(header.utf8.count).starts(with: "key\t\(key)\n".utf8),
            var lines = ChecksummedLines.lines(in: bytes, header: header)?.dropFirst(), lines.count >= 3
        else { return nil }
        // A line is its tag and its fields, each after a tab; a line of no fields is the tag alone.
        func fields(_ line: ArraySlice<UInt8>?, _ tag: String) -> Reader? {
            guard let line, line.starts(with: tag.utf8) else { return nil }
            let fields = line.dropFirst(tag.utf8.count)
            guard fields.first ?? 0x09 == 0x09 else { return nil }
            return Reader(fields: fields)
        }
        guard var head = fields(lines.popFirst(), "head"), let id = try? head.required(),
            let detached = try? head.flag(), head.isAtEnd,
            var output = fields(lines.popLast(), "output"), let size = try? output.count(),
            let digest = try? output.required(), output.isAtEnd,
            var counted = fields(lines.popLast(), "counts")
        else { return nil }
        var counts: [Int] = []
        while !counted.isAtEnd {
            guard let count = try? counted.count() else { return nil }
            counts.append(count)
        }
        var reads: [String: FileSignature] = [:]
        var warnings: [String] = []
        for line in lines {
            if var reader = fields(line, "warning") {
                guard let warning = try? reader.required(), reader.isAtEnd else { return nil }
                warnings.append(warning)
                continue
            }
            guard warnings.isEmpty, let (path, signature) = DocumentClaimCache.Record.read(line),
                reads.updateValue(signature, forKey: path) == nil
            else { return nil }
        }
        return Entry(
            key: key, head: id, isHeadDetached: detached, reads: reads, remarks: Remarks(warnings: warnings, counts: counts),
            outputSize: size, outputDigest: digest)
    }
}
