extension UnsafeMutableBufferPointer<UInt8> {
    /// Replaces the bytes in `range` by spaces, clamped to the buffer.
    func blank(_ range: Range<Int>) {
        var index = Swift.max(range.lowerBound, 0)
        let end = Swift.min(range.upperBound, count)
        while index < end {
            self[index] = Byte.space
            index += 1
        }
    }
}

/// `/* … */` comments, which Swift nests and the other languages do not.
enum BlockComment {
    /// Offset just past the `*/` closing the comment whose body starts at `offset`, or nil
    /// when the file ends first.
    static func end(in text: UnsafeBufferPointer<UInt8>, from offset: Int, nested: Bool) -> Int? {
        var depth = 1
        var index = offset
        while index + 1 < text.count {
            if text[index] == Byte.star && text[index + 1] == Byte.slash {
                depth -= 1
                index += 2
                if depth == 0 || !nested { return index }
            } else if nested && text[index] == Byte.slash && text[index + 1] == Byte.star {
                depth += 1
                index += 2
            } else {
                index += 1
            }
        }
        return nil
    }
}

/// Single-line quoted literals with backslash escapes (Go strings and runes, JavaScript strings).
enum QuotedLiteral {
    /// Offset of the closing `quote` of the literal whose body starts at `offset`; or of the
    /// line end (or the file end) when the literal is not closed on its line, so that one
    /// stray quote costs at most the rest of its line. A backslash before a line end
    /// continues the literal (JavaScript); Go has no such thing but it does no harm there.
    static func end(in text: UnsafeBufferPointer<UInt8>, from offset: Int, quote: UInt8) -> Int {
        var index = offset
        while index < text.count {
            let byte = text[index]
            if byte == quote || Byte.isLineEnd(byte) { return index }
            if byte == Byte.backslash {
                index += 1
                if index + 1 < text.count && text[index] == Byte.carriageReturn && text[index + 1] == Byte.newline {
                    index += 1
                }
            }
            index += 1
        }
        return text.count
    }
}
