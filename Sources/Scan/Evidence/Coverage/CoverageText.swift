/// Byte-level text helpers for the line-based coverage formats; a large tracefile has a million lines,
/// and Character-level work (grapheme breaking) costs more than the rest of the parse.
enum CoverageText {
    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: some StringProtocol) -> Substring {
        let whole = Substring(text)
        let bytes = whole.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return whole[whole.endIndex...] }
        // Both ends sit next to ASCII (or the ends of the text), so they are character boundaries.
        return whole[first..<bytes.index(after: last)]
    }

    /// A non-negative decimal made of ASCII digits only; nil when empty, not digits, or beyond `Int`.
    static func decimal(_ text: some StringProtocol) -> Int? {
        DecimalText.integer(text.utf8)
    }

    /// Whether `text` is one or more ASCII digits.
    static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
