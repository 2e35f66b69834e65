/// Turns what `git log --no-walk=unsorted --stdin --format=%H -z --raw --numstat` writes for a
/// known list of commits into `HistoryRecordFormat` records (`c` and `f` lines), a chunk at a time.
///
/// The output is a run of NUL-terminated fields. Per commit: its id; then, when it changed
/// anything, a newline and one raw entry per file (`:<modes> <ids> <status>` and one path, or
/// two for a rename or a copy), then one numstat entry per file in the same order (`<added>
/// TAB <deleted> TAB <path>`, or an empty path followed by the old and the new one). Paths are
/// written as they are, bytes and all. The commits' ids are known in advance, so an id is only
/// ever taken for the next one where an entry could start: a path that looks like an id is
/// read as a path. Anything else is malformed, and the caller counts those commits another way.
struct GitLogRecords {
    private let ids: [String]
    /// Index in `ids` of the next commit expected.
    private var next = 0
    /// The bytes of a field whose NUL has not arrived yet.
    private var partial: [UInt8] = []
    private var state = State.header
    private var files: [File] = []
    /// How many of `files` have had their numstat entry.
    private var counted = 0
    /// Whether anything did not read as the format above.
    private(set) var isMalformed = false

    private enum State {
        /// The next field is the next commit's id.
        case header
        /// An entry, or the next commit's id.
        case entry
        /// The path of the raw entry just read, or both paths of a rename (`remaining` of 2).
        case rawPath(remaining: Int)
        /// The old and the new path of a rename's numstat entry.
        case numstatPath(remaining: Int)
    }

    private struct File {
        var letter: UInt8
        var path: [UInt8] = []
        var oldPath: [UInt8]?
        var added: ArraySlice<UInt8> = []
        var deleted: ArraySlice<UInt8> = []
    }

    init(ids: [String]) {
        self.ids = ids
    }

    /// Reads `chunk`, appending the records of every commit it completes to `output`.
    mutating func consume(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) {
        // Fields are read from raw buffers: read through `Data`'s own indices, git's output for
        // 100,000 commits cost the waiting main process about twice the CPU of parsing the
        // records that libgit2's workers wrote.
        let done: Void? = chunk.withContiguousStorageIfAvailable { buffer in consume(buffer, into: &output) }
        if done == nil { Array(chunk).withUnsafeBufferPointer { buffer in consume(buffer, into: &output) } }
    }

    private mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard !isMalformed else { return }
        var start = 0
        while let end = chunk[start...].firstIndex(of: 0) {
            if partial.isEmpty {
                field(chunk[start..<end], into: &output)
            } else {
                partial.append(contentsOf: chunk[start..<end])
                let whole = partial
                partial.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { buffer in field(buffer[...], into: &output) }
            }
            if isMalformed { return }
            start = end + 1
        }
        partial.append(contentsOf: chunk[start...])
    }

    /// Ends the output: appends the last commit's records. False when the output stopped short of
    /// the last commit or was malformed.
    mutating func finish(into output: inout [UInt8]) -> Bool {
        guard !isMalformed, partial.isEmpty else { return false }
        if ids.isEmpty { return true }
        guard case .entry = state, next == ids.count, emit(into: &output) else { return false }
        state = .header
        return true
    }

    private typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    private mutating func field(_ bytes: Field, into output: inout [UInt8]) {
        switch state {
        case .header:
            guard isNextID(bytes) else { return fail() }
            begin()
        case .entry:
            entry(bytes, into: &output)
        case let .rawPath(remaining):
            guard !files.isEmpty else { return fail() }
            let last = files.count - 1
            if remaining == 2 {
                files[last].oldPath = Array(bytes)
                state = .rawPath(remaining: 1)
            } else {
                files[last].path = Array(bytes)
                state = .entry
            }
        case let .numstatPath(remaining):
            // The rename's paths as its raw entry named them, old first.
            let expected = remaining == 2 ? files[counted].oldPath ?? [] : files[counted].path
            guard bytes.elementsEqual(expected) else { return fail() }
            if remaining == 2 {
                state = .numstatPath(remaining: 1)
            } else {
                counted += 1
                state = .entry
            }
        }
    }

    private mutating func entry(_ bytes: Field, into output: inout [UInt8]) {
        var bytes = bytes
        // The newline git writes between a commit's id and its first raw entry.
        if counted == 0, files.isEmpty, bytes.first == 0x0A { bytes = bytes.dropFirst() }
        if bytes.first == 0x3A {  // ":"
            guard counted == 0, let letter = Self.statusLetter(ofRaw: bytes.dropFirst()) else { return fail() }
            files.append(File(letter: letter))
            state = .rawPath(remaining: letter == 0x52 || letter == 0x43 ? 2 : 1)
        } else if let (added, deleted, path) = Self.numstat(bytes) {
            guard counted < files.count else { return fail() }
            files[counted].added = added
            files[counted].deleted = deleted
            if path.isEmpty {
                guard files[counted].oldPath != nil else { return fail() }
                state = .numstatPath(remaining: 2)
            } else {
                guard files[counted].oldPath == nil, path.elementsEqual(files[counted].path) else { return fail() }
                counted += 1
            }
        } else if isNextID(bytes) {
            guard emit(into: &output) else { return fail() }
            begin()
        } else {
            fail()
        }
    }

    private func isNextID(_ bytes: Field) -> Bool {
        next < ids.count && bytes.elementsEqual(ids[next].utf8)
    }

    private mutating func begin() {
        next += 1
        files.removeAll(keepingCapacity: true)
        counted = 0
        state = .entry
    }

    /// Appends the commit begun last (`ids[next - 1]`); false when a file had no numstat entry.
    private func emit(into output: inout [UInt8]) -> Bool {
        guard counted == files.count else { return false }
        output.append(contentsOf: "c \(ids[next - 1]) \(files.count)\n".utf8)
        for file in files {
            output.append(contentsOf: [0x66, 0x20, file.letter, 0x20])  // "f L "
            output.append(contentsOf: file.added)
            output.append(0x20)
            output.append(contentsOf: file.deleted)
            output.append(0x20)
            HistoryRecordFormat.escape(String(decoding: file.path, as: UTF8.self), into: &output)
            if let oldPath = file.oldPath {
                output.append(0x09)
                HistoryRecordFormat.escape(String(decoding: oldPath, as: UTF8.self), into: &output)
            }
            output.append(0x0A)
        }
        return true
    }

    private mutating func fail() {
        isMalformed = true
    }

    /// The letter `HistoryRecordFormat` gives a raw entry's status (the last of its five fields:
    /// a letter and, for a rename or a copy, a score). A type change is a modification there, and
    /// a copy a rename, as libgit2's counting records them; statuses a log of commits never has
    /// (unmerged, unknown) are `nil`.
    static func statusLetter(ofRaw bytes: some Collection<UInt8>) -> UInt8? {
        let fields = bytes.split(separator: 0x20, omittingEmptySubsequences: false)
        guard fields.count == 5, let status = fields[4].first else { return nil }
        let score = fields[4].dropFirst()
        guard score.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        switch status {
        case 0x41, 0x4D, 0x44: return score.isEmpty ? status : nil  // A, M, D
        case 0x54: return score.isEmpty ? 0x4D : nil  // T counts as M
        case 0x52, 0x43: return score.isEmpty ? nil : 0x52  // R, C
        default: return nil
        }
    }

    /// A numstat entry's counts (digits, or `-` for a binary file) and path (empty for a rename).
    static func numstat<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (ArraySlice<UInt8>, ArraySlice<UInt8>, Bytes.SubSequence)? {
        guard let firstTab = bytes.firstIndex(of: 0x09) else { return nil }
        let afterFirst = bytes.index(after: firstTab)
        guard let secondTab = bytes[afterFirst...].firstIndex(of: 0x09) else { return nil }
        let added = bytes[..<firstTab]
        let deleted = bytes[afterFirst..<secondTab]
        guard isCount(added), isCount(deleted), (added.first == 0x2D) == (deleted.first == 0x2D) else { return nil }
        return (ArraySlice(added), ArraySlice(deleted), bytes[bytes.index(after: secondTab)...])
    }

    private static func isCount(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.elementsEqual([0x2D]) { return true }
        return !bytes.isEmpty && bytes.count <= 18 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
