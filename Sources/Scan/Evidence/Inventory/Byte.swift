/// ASCII bytes and byte classes shared by the inventory's lexers and finders.
enum Byte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let comma: UInt8 = 0x2C
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    static func isLineEnd(_ byte: UInt8) -> Bool { byte == newline || byte == carriageReturn }

    /// Space, tab, vertical tab, form feed; not a line end.
    static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == verticalTab || byte == formFeed
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { isHorizontalSpace(byte) || isLineEnd(byte) }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Letters, digits, `_`, and every non-ASCII byte: all four languages allow Unicode
    /// letters in identifiers, and a byte inside a multi-byte character never ends one.
    /// `$` too when `dollar` (Swift, JavaScript).
    static func isIdentifier(_ byte: UInt8, dollar: Bool = false) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte >= 0x80 || (dollar && byte == Byte.dollar)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes at `offset` are `word`'s.
    func has(_ word: StaticString, at offset: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset >= 0, offset + count <= self.count else { return false }
        let start = word.utf8Start
        for index in 0..<count where self[offset + index] != start[index] { return false }
        return true
    }

    /// First offset from `offset` that is not whitespace (`lineEnds` included or not).
    func skippingSpace(from offset: Int, lineEnds: Bool = true) -> Int {
        var index = offset
        while index < count && (Byte.isHorizontalSpace(self[index]) || (lineEnds && Byte.isLineEnd(self[index]))) {
            index += 1
        }
        return index
    }

    /// End of the identifier starting at `offset` (`offset` itself when there is none).
    func identifierEnd(from offset: Int, dollar: Bool = false) -> Int {
        var index = offset
        while index < count && Byte.isIdentifier(self[index], dollar: dollar) { index += 1 }
        return index
    }

    /// End of the line holding `offset`: the offset of its `\n` or `\r`, or `count`.
    func lineEnd(from offset: Int) -> Int {
        var index = offset
        while index < count && !Byte.isLineEnd(self[index]) { index += 1 }
        return index
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}
