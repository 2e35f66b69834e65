#if canImport(Glibc)
import Glibc
#endif

/// One `String` for each distinct text read from history records, handed out again for every
/// repetition of the same bytes.
///
/// Why: a history of 100,000 commits holds about 200,000 changed-file paths but only 16,000
/// distinct ones, 28 distinct author and committer names and e-mail addresses, and every parent id is
/// also a commit's own id. Each of those texts longer than 15 bytes is a heap allocation of its
/// own when decoded anew; shared, they are one each, and the history takes that much less memory
/// in every run that reads it (Benchmarks/RESULTS-scale.md, seventeenth round).
///
/// Written here rather than with a `[String: String]`, which would need the `String` made before
/// it could be looked up: the table is keyed by the bytes themselves (open addressing, `FNV1a`).
struct RecordTextInterner {
    private struct Entry {
        var hash: UInt64
        var text: String
    }

    private var entries: [Entry?]
    private var count = 0

    /// - Parameter capacity: How many distinct texts to make room for before the table grows.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry?](repeating: nil, count: size)
    }

    /// The text `bytes` decode to as UTF-8 (invalid bytes as U+FFFD, as `String(decoding:as:)`
    /// reads them); the same `String` for the same bytes every time.
    mutating func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        // Texts of up to 15 bytes are stored inside the `String` itself: nothing to share.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let hash = Self.hash(bytes)
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let entry = entries[slot] {
            if entry.hash == hash, Self.equal(entry.text, bytes) { return entry.text }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        entries[slot] = Entry(hash: hash, text: text)
        count += 1
        if count * 2 > entries.count { grow() }
        return text
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry?](repeating: nil, count: old.count * 2)
        let mask = entries.count - 1
        for case let entry? in old {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while entries[slot] != nil { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }

    private static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 { FNV1a.hash(bytes) }

    /// Whether `text` was decoded from exactly `bytes`. A text decoded from invalid UTF-8 holds
    /// other bytes than it came from, so it never matches and such texts are not shared.
    private static func equal(_ text: String, _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let left = stored.baseAddress, let right = bytes.base.baseAddress else { return stored.isEmpty }
            return memcmp(left, right + bytes.startIndex, stored.count) == 0
        }
    }
}
