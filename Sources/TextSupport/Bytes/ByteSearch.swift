import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a run of bytes in other bytes.
///
/// Foundation's `Data.range(of:)` on Linux compares byte by byte through generic collection
/// code: looking for a handful of markers in the first 8 KiB of every file of a 100,000-commit
/// repository was a fifth of reading its evidence. `memmem` is a GNU extension the Glibc module
/// does not show, so this is `memchr` for the first byte and `memcmp` for the rest.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`; an empty needle always does.
    public static func contains(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let wanted = needle.baseAddress, needle.count > 0 else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let first = Int32(needle[0])
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(base + offset, first, last - offset + 1) else { return false }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, wanted, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }
}

extension Data {
    /// Whether `needle`'s bytes occur in these bytes, as `range(of: needle) != nil` says.
    public func containsBytes(_ needle: Data) -> Bool {
        withUnsafeBytes { haystack in needle.withUnsafeBytes { needle in ByteSearch.contains(needle, in: haystack) } }
    }
}
