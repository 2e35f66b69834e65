import Crypto

/// SHA-256 digests as lower-case hex, from swift-crypto.
///
/// The certification digest and the fingerprints of SARIF and Code Quality results are taken
/// here, so every stage hashes the same way. (A hand-written SHA-256 stood here before: about
/// ten times slower than swift-crypto on 256 MiB, and code of our own for a solved problem.)
public enum ContentDigest {
    /// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
    public static func sha256Hex<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest =
            bytes.withContiguousStorageIfAvailable { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { SHA256.hash(data: $0) }
        return LowerHex.text(of: Array(digest))
    }

    /// A SHA-256 digest taken over bytes that arrive in pieces, for output too large to hold whole twice.
    public struct Stream: Sendable {
        private var hasher = SHA256()

        public init() {}

        /// Adds `bytes` to what is hashed.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            hasher.update(bufferPointer: bytes)
        }

        /// The digest of everything added, as 64 lower-case hex digits.
        public func finalizedHex() -> String {
            LowerHex.text(of: Array(hasher.finalize()))
        }
    }
}
