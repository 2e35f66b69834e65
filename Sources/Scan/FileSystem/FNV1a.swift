/// FNV-1a, 64 bits: a hash of bytes that is the same in every run and build (Swift's `Hasher` is
/// seeded per process), for the caches' checksums and for tables a run builds from bytes.
enum FNV1a {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `bytes`, continuing from `hash` (a checksum written in pieces).
    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes, continuing hash: UInt64 = seed) -> UInt64 where Bytes.Element == UInt8 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
