/// Bytes as lower-case hexadecimal, two digits a byte: digests and commit ids.
public enum LowerHex {
    /// The digits of `bytes`, in order.
    @inlinable
    public static func text<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    @usableFromInline
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)
}
