/// Line numbers for offsets that mostly increase, in time proportional to the distance
/// moved: finders ask in source order, so a whole file costs one pass.
///
/// Counts lines like `LineCounter`: `\n`, `\r\n` and a lone `\r` each end one line.
struct LineTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// 1-based line holding the byte at `target`.
    mutating func line(at target: Int) -> Int {
        if target < offset {
            offset = 0
            line = 1
        }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == Byte.newline {
                line += 1
            } else if byte == Byte.carriageReturn && (offset + 1 >= bytes.count || bytes[offset + 1] != Byte.newline) {
                line += 1
            }
            offset += 1
        }
        return line
    }
}
