import Foundation
import PhaseModel

/// The binary records of a history cache file (`HistoryCache`, format 4), after its header and
/// HEAD lines and before its trailer:
///
///     texts    count, then each text: length, UTF-8 bytes      (names, e-mail addresses, paths)
///     ids      count, then each commit's id: its width in bytes and as many raw bytes (an id
///              that is not lower-case hexadecimal, which libgit2 never gives: 0 and a text)
///     records  one per commit, in walk order:
///                parents: count, then each: its commit's position + 1, or 0 and an id
///                author, committer: name text, e-mail text, zigzag time, zigzag offset
///                subject, body: length, UTF-8 bytes
///                files: 0 (no statistics kept), or count + 1, then each file:
///                  flags (status 0–3 created/modified/deleted/renamed, 4 binary, 8 old path),
///                  added and deleted unless binary, path text, old path text if flagged
///     cut      the position of the record the second half starts with, and its offset in the
///              file: 8 bytes each, little-endian
///
/// Numbers are unsigned LEB128 unless said otherwise; a text is named by its place in `texts`.
///
/// Why not the text lines of `HistoryRecordFormat`, which format 3 kept: a run after one new commit
/// reads the whole cache, and splitting its 398,144 lines (100,000 commits), unescaping them and
/// looking every path, name and parent id up by its bytes to share it took 615 samples at 999 a
/// second on two threads, the first 0.75 s of `phase-close 1` (Benchmarks/RESULTS-scale.md,
/// twenty-second round). Here each text is decoded once and named by number, each id once and
/// parents by position, and the file is a third of the size (14,247,399 bytes against 43,275,812).
enum HistoryCacheFormat {
    /// Where the bytes stop making sense: the offset in the file.
    struct Malformed: Error, Equatable {
        var offset: Int
    }

    /// What the records held.
    struct Decoded {
        var commits: [GitCommit]
        var stats: [String: CommitStats]
    }

    // MARK: - Writing

    /// Writes `header`, then the records of `commits` and of the statistics `stats` holds for
    /// them (only those `isComplete`: a commit with a file whose blob could not be read is counted
    /// again next time), handing out bytes in pieces through `flush` (which empties them) as they
    /// grow, so that the file is never held whole.
    static func write<Failure: Error>(
        commits: [GitCommit], stats: [String: CommitStats], after header: [UInt8], flush: (inout [UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var texts = TextTable()
        var kept: [CommitStats?] = []
        kept.reserveCapacity(commits.count)
        for commit in commits {
            _ = texts.number(commit.author.name)
            _ = texts.number(commit.author.email)
            _ = texts.number(commit.committer.name)
            _ = texts.number(commit.committer.email)
            let entry = stats[commit.id].flatMap { $0.isComplete ? $0 : nil }
            for file in entry?.files ?? [] {
                _ = texts.number(file.path)
                if let oldPath = file.oldPath { _ = texts.number(oldPath) }
            }
            kept.append(entry)
        }
        var written = 0
        var bytes = header
        bytes.reserveCapacity(1 << 20 + 4096)
        func flushIfFull() throws(Failure) {
            guard bytes.count >= 1 << 20 else { return }
            written += bytes.count
            try flush(&bytes)
        }
        appendNumber(texts.texts.count, to: &bytes)
        for text in texts.texts {
            appendText(text, to: &bytes)
            try flushIfFull()
        }
        appendNumber(commits.count, to: &bytes)
        for commit in commits {
            appendID(commit.id, to: &bytes)
            try flushIfFull()
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(commits.count)
        for (index, commit) in commits.enumerated() where positions[commit.id] == nil { positions[commit.id] = index }
        let cut = commits.count / 2
        var cutOffset = 0
        for (index, commit) in commits.enumerated() {
            if index == cut { cutOffset = written + bytes.count }
            appendNumber(commit.parents.count, to: &bytes)
            for parent in commit.parents {
                if let position = positions[parent] {
                    appendNumber(position + 1, to: &bytes)
                } else {
                    bytes.append(0)
                    appendID(parent, to: &bytes)
                }
            }
            appendSignature(commit.author, texts: &texts, to: &bytes)
            appendSignature(commit.committer, texts: &texts, to: &bytes)
            appendText(commit.subject, to: &bytes)
            appendText(commit.body, to: &bytes)
            if let entry = kept[index] {
                appendNumber(entry.files.count + 1, to: &bytes)
                for file in entry.files { appendFile(file, texts: &texts, to: &bytes) }
            } else {
                bytes.append(0)
            }
            try flushIfFull()
        }
        if commits.isEmpty { cutOffset = written + bytes.count }
        appendFixed(UInt64(cut), to: &bytes)
        appendFixed(UInt64(cutOffset), to: &bytes)
        try flush(&bytes)
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }

    private static func appendSignature(_ signature: GitSignature, texts: inout TextTable, to bytes: inout [UInt8]) {
        appendNumber(texts.number(signature.name), to: &bytes)
        appendNumber(texts.number(signature.email), to: &bytes)
        appendSigned(signature.time, to: &bytes)
        appendSigned(Int64(signature.offsetMinutes), to: &bytes)
    }

    /// The distinct texts of a history, numbered in the order they were first given.
    private struct TextTable {
        var texts: [String] = []
        var numbers: [Key: Int] = [:]

        mutating func number(_ text: String) -> Int {
            let key = Key(text: text)
            if let known = numbers[key] { return known }
            numbers[key] = texts.count
            texts.append(text)
            return texts.count - 1
        }

        /// A text by its bytes, which are what is written: `String` compares by canonical
        /// equivalence, which would write two spellings of one name as one, and normalises each
        /// text to hash it (most of writing the cache of 100,000 commits).
        struct Key: Hashable {
            let text: String

            static func == (lhs: Key, rhs: Key) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

            func hash(into hasher: inout Hasher) {
                var text = text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }
    }

    private static func appendFile(_ file: FileChange, texts: inout TextTable, to bytes: inout [UInt8]) {
        let status: UInt8 =
            switch file.status {
            case .created: 0
            case .modified: 1
            case .deleted: 2
            case .renamed: 3
            }
        let binary = file.added == nil || file.deleted == nil
        bytes.append(status | (binary ? 4 : 0) | (file.oldPath == nil ? 0 : 8))
        if !binary, let added = file.added, let deleted = file.deleted {
            appendNumber(added, to: &bytes)
            appendNumber(deleted, to: &bytes)
        }
        appendNumber(texts.number(file.path), to: &bytes)
        if let oldPath = file.oldPath { appendNumber(texts.number(oldPath), to: &bytes) }
    }

    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt64(max(value, 0))
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func appendSigned(_ value: Int64, to bytes: inout [UInt8]) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        appendNumber(text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    static func appendFixed(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// The 8 bytes at `offset` as `appendFixed(_:to:)` writes them.
    static func fixed<Bytes: RandomAccessCollection>(_ bytes: Bytes, at offset: Int) -> UInt64
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        return value
    }

    /// Appends `id`: its width in bytes and its bytes (two hexadecimal digits each), or 0 and
    /// the text of an id that is not lower-case hexadecimal of up to 255 bytes.
    private static func appendID(_ id: String, to bytes: inout [UInt8]) {
        let digits = id.utf8.count
        guard digits > 0, digits % 2 == 0, digits <= 510, id.utf8.allSatisfy(isLowerHex) else {
            bytes.append(0)
            appendText(id, to: &bytes)
            return
        }
        bytes.append(UInt8(digits / 2))
        var high: UInt8?
        for byte in id.utf8 {
            let digit = byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10
            if let first = high {
                bytes.append(first << 4 | digit)
                high = nil
            } else {
                high = digit
            }
        }
    }

    // MARK: - Reading

    /// Decodes the records in `range` of `file` (`count` commits), the two halves of a large
    /// cache on two cores, into arrays and a table with `room` for as many more commits.
    static func decode(_ file: UnsafeBufferPointer<UInt8>, range: Range<Int>, count: Int, room: Int) throws(Malformed) -> Decoded {
        var reader = Reader(bytes: file, position: range.lowerBound, end: range.upperBound - 16)
        guard reader.end >= reader.position else { throw Malformed(offset: range.lowerBound) }
        let cut = Int(clamping: fixed(file, at: reader.end))
        let cutOffset = Int(clamping: fixed(file, at: reader.end + 8))
        let textCount = try reader.number()
        guard textCount <= reader.remaining else { throw Malformed(offset: reader.position) }
        var texts: [String] = []
        texts.reserveCapacity(textCount)
        for _ in 0..<textCount { texts.append(try reader.text()) }
        guard try reader.number() == count, count <= reader.remaining else { throw Malformed(offset: reader.position) }
        var ids: [String] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append(try reader.readID()) }
        guard cut == count / 2, cutOffset >= reader.position, cutOffset <= reader.end
        else { throw Malformed(offset: reader.end) }

        let shared = Shared(texts: texts, ids: ids)
        let halves = [(reader.position, cutOffset, 0..<cut), (cutOffset, reader.end, cut..<count)]
        let results = HalfResults()
        let bytes = ReadOnlyBytes(buffer: file)
        let body = { @Sendable (index: Int) in
            let (start, end, positions) = halves[index]
            var half = Reader(bytes: bytes.buffer, position: start, end: end)
            var commits: [GitCommit] = []
            var stats: [String: CommitStats] = [:]
            // The first half's arrays are joined by the second's: room for both from the start.
            commits.reserveCapacity(index == 0 ? count + room : positions.count)
            stats.reserveCapacity(index == 0 ? count + room : positions.count)
            do throws(Malformed) {
                for position in positions {
                    let (commit, entry) = try half.record(id: shared.ids[position], shared: shared)
                    if let entry { stats[commit.id] = entry }
                    commits.append(commit)
                }
                guard half.position == half.end else { throw Malformed(offset: half.position) }
                results.set(index, .success(Decoded(commits: commits, stats: stats)))
            } catch {
                results.set(index, .failure(error))
            }
        }
        if count >= 2_048 { DispatchQueue.concurrentPerform(iterations: 2, execute: body) } else { body(0); body(1) }
        // Taken out of `results`, so that the first half is changed in place, not copied.
        var first = try results.take(0)
        let second = try results.take(1)
        first.commits += second.commits
        first.stats.merge(second.stats) { earlier, _ in earlier }
        return first
    }

    /// The file's bytes, read by both halves at once and changed by neither; the caller's buffer
    /// outlives them (`decode` returns after both).
    private struct ReadOnlyBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// What every record is read against: the texts and ids, read once.
    private struct Shared: Sendable {
        let texts: [String]
        let ids: [String]
    }

    private final class HalfResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Decoded, Malformed>?] = [nil, nil]

        func set(_ index: Int, _ result: Result<Decoded, Malformed>) {
            lock.withLock { results[index] = result }
        }

        /// The half's records, no longer held here.
        func take(_ index: Int) throws(Malformed) -> Decoded {
            let taken = lock.withLock {
                defer { results[index] = nil }
                return results[index]
            }
            guard let taken else { throw Malformed(offset: 0) }
            return try taken.get()
        }
    }

    /// Reads numbers, texts and records from `position` up to `end`, every read checked against it.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int

        var remaining: Int { end - position }

        mutating func byte() throws(Malformed) -> UInt8 {
            guard position < end else { throw Malformed(offset: position) }
            defer { position += 1 }
            return bytes[position]
        }

        /// An unsigned LEB128 number of up to 64 bits.
        mutating func raw() throws(Malformed) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 63 || (shift == 63 && byte <= 1) else { throw Malformed(offset: position - 1) }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        /// An unsigned LEB128 number of at most 62 bits, as counts, lengths and numbers are.
        mutating func number() throws(Malformed) -> Int {
            let value = try raw()
            guard value <= UInt64(Int.max >> 1) else { throw Malformed(offset: position - 1) }
            return Int(value)
        }

        /// A zigzag-encoded signed number (times and offsets).
        mutating func signed() throws(Malformed) -> Int64 {
            let value = try raw()
            return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        }

        mutating func text() throws(Malformed) -> String {
            let length = try number()
            guard length <= remaining else { throw Malformed(offset: position) }
            defer { position += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
        }

        /// An id as `appendID` writes it.
        mutating func readID() throws(Malformed) -> String {
            let width = Int(try byte())
            guard width > 0 else { return try text() }
            guard width <= remaining else { throw Malformed(offset: position) }
            defer { position += width }
            return LowerHex.text(of: UnsafeBufferPointer(rebasing: bytes[position..<(position + width)]))
        }

        mutating func text(in texts: [String]) throws(Malformed) -> String {
            let number = try number()
            guard number < texts.count else { throw Malformed(offset: position - 1) }
            return texts[number]
        }

        mutating func signature(_ shared: Shared) throws(Malformed) -> GitSignature {
            let name = try text(in: shared.texts)
            let email = try text(in: shared.texts)
            let time = try signed()
            let offset = try signed()
            guard let minutes = Int(exactly: offset) else { throw Malformed(offset: position - 1) }
            return GitSignature(name: name, email: email, time: time, offsetMinutes: minutes)
        }

        mutating func record(id: String, shared: Shared) throws(Malformed) -> (GitCommit, CommitStats?) {
            let parentCount = try number()
            guard parentCount <= remaining else { throw Malformed(offset: position) }
            var parents: [String] = []
            parents.reserveCapacity(parentCount)
            for _ in 0..<parentCount {
                let position = try number()
                if position == 0 {
                    parents.append(try readID())
                } else {
                    guard position <= shared.ids.count else { throw Malformed(offset: self.position - 1) }
                    parents.append(shared.ids[position - 1])
                }
            }
            let author = try signature(shared)
            let committer = try signature(shared)
            let subject = try text()
            let body = try text()
            let commit = GitCommit(id: id, parents: parents, author: author, committer: committer, subject: subject, body: body)
            let fileCount = try number()
            guard fileCount > 0 else { return (commit, nil) }
            guard fileCount - 1 <= remaining else { throw Malformed(offset: position) }
            var files: [FileChange] = []
            files.reserveCapacity(fileCount - 1)
            for _ in 1..<fileCount { files.append(try file(shared)) }
            return (commit, CommitStats(files: files))
        }

        mutating func file(_ shared: Shared) throws(Malformed) -> FileChange {
            let flags = try byte()
            guard flags < 16 else { throw Malformed(offset: position - 1) }
            let status: FileChange.Status =
                switch flags & 3 {
                case 0: .created
                case 1: .modified
                case 2: .deleted
                default: .renamed
                }
            var added: Int?
            var deleted: Int?
            if flags & 4 == 0 {
                added = try number()
                deleted = try number()
            }
            let path = try text(in: shared.texts)
            let oldPath = flags & 8 == 0 ? nil : try text(in: shared.texts)
            guard !path.isEmpty else { throw Malformed(offset: position - 1) }
            return FileChange(path: path, oldPath: oldPath, status: status, added: added, deleted: deleted)
        }
    }
}
