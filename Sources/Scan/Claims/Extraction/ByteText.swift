#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document's bytes, searched for plain substrings.
///
/// Foundation's `String.contains(_:)` bridges both strings to UTF-16 on Linux for each call;
/// a progress log is searched for each figure at each of its versions, which made that bridge a
/// seventh of a scan of a large plan. A byte search over UTF-8 answers the same question (UTF-8
/// is self-synchronising: a valid needle found in valid text starts on a character). `memmem`
/// is a GNU extension the Glibc module does not show, so the search is `memchr` for the first
/// byte and `memcmp` for the rest.
struct ByteText: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether `needle`'s UTF-8 bytes occur in the text; an empty needle always does.
    func contains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard wanted.count > 0 else { return true }
            return bytes.withUnsafeBytes { text in
                guard let base = text.baseAddress, let first = wanted.first, text.count >= wanted.count else { return false }
                let last = text.count - wanted.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
