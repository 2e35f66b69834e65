/// Finds the comments in a source file in one pass, skipping literals so that a `//` or `#`
/// inside a string does not start one.
///
/// The inventory's lexers (`SwiftLexer`, `GoLexer`, …) blank comments and literal contents
/// alike, so their output cannot tell a comment from a string body; this lexer reports
/// comments themselves, for every language in `CommentSyntax`.
enum CommentLexer {
    /// Bodies of the comments in `text`, in order: the bytes between the opener and the line
    /// end or the `*/` (to the end of the file for a block comment that is never closed).
    static func comments(in text: UnsafeBufferPointer<UInt8>, syntax: CommentSyntax) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            let next = index + 1 < count ? text[index + 1] : 0
            if byte == Byte.slash && next == Byte.slash && syntax.slashes {
                let end = text.lineEnd(from: index)
                result.append((index + 2)..<end)
                index = end
            } else if byte == Byte.slash && next == Byte.star, let block = syntax.block {
                let end = BlockComment.end(in: text, from: index + 2, nested: block == .nested)
                result.append((index + 2)..<max(index + 2, (end ?? count + 2) - 2))
                index = end ?? count
            } else if byte == 0x2D && next == 0x2D && syntax.dashes {
                let end = text.lineEnd(from: index)
                result.append((index + 2)..<end)
                index = end
            } else if byte == Byte.hash && syntax.rawHashes, let end = rawStringEnd(text, from: index, syntax: syntax) {
                index = end
            } else if byte == Byte.hash, let rule = syntax.hash, hashOpensComment(text, at: index, rule: rule) {
                let end = text.lineEnd(from: index)
                result.append((index + 1)..<end)
                index = end
            } else if byte == Byte.singleQuote && syntax.rustCharacters {
                index = rustCharacterEnd(text, from: index)
            } else if let quote = syntax.quotes.first(where: { $0.byte == byte }),
                syntax.quoteRule == .anywhere || startsValue(text, at: index)
            {
                let triple = quote.triple && index + 2 < count && text[index + 1] == byte && text[index + 2] == byte
                index = literalEnd(text, from: index + (triple ? 3 : 1), quote: quote, triple: triple, hashes: 0)
            } else {
                index += 1
            }
        }
        return result
    }

    /// Offset just past the literal whose body starts at `offset`: past its closing quote (and
    /// `hashes` `#`), or at the line end for a one-line literal left open, or the file end.
    private static func literalEnd(
        _ text: UnsafeBufferPointer<UInt8>, from offset: Int, quote: CommentSyntax.Quote, triple: Bool, hashes: Int
    ) -> Int {
        let count = text.count
        let quotes = triple ? 3 : 1
        var index = offset
        while index < count {
            let byte = text[index]
            if byte == Byte.backslash && quote.escapes {
                // In a raw string only `\#` (as many `#` as the delimiter) escapes.
                let escapeHashes = hashCount(text, from: index + 1, limit: hashes)
                index += escapeHashes == hashes ? 2 + hashes : 1
            } else if byte == quote.byte {
                let closes = !triple || (index + 2 < count && text[index + 1] == byte && text[index + 2] == byte)
                if closes && hashCount(text, from: index + quotes, limit: hashes) == hashes {
                    return index + quotes + hashes
                }
                index += 1
            } else if Byte.isLineEnd(byte) && !triple && !quote.multiline {
                return index
            } else {
                index += 1
            }
        }
        return count
    }

    /// Offset past the raw string `#…#"…"#…#` starting at `offset`, or nil when the `#`s are
    /// not followed by a quote (`#if`, `#selector`).
    private static func rawStringEnd(_ text: UnsafeBufferPointer<UInt8>, from offset: Int, syntax: CommentSyntax) -> Int? {
        let hashes = hashCount(text, from: offset, limit: Int.max)
        let quoteAt = offset + hashes
        guard quoteAt < text.count, text[quoteAt] == Byte.doubleQuote else { return nil }
        let quote = CommentSyntax.Quote(byte: Byte.doubleQuote)
        let triple = syntax.quotes.contains { $0.triple } && text.has("\"\"\"", at: quoteAt)
        return literalEnd(text, from: quoteAt + (triple ? 3 : 1), quote: quote, triple: triple, hashes: hashes)
    }

    /// `'a'` and `'\n'` are characters; `'a` in `&'a str` is a lifetime and ends nothing.
    private static func rustCharacterEnd(_ text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        let body = offset + 1
        guard body < text.count else { return text.count }
        if text[body] == Byte.backslash {
            return literalEnd(text, from: body, quote: CommentSyntax.Quote(byte: Byte.singleQuote), triple: false, hashes: 0)
        }
        let lead = text[body]
        let scalarLength = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let close = body + scalarLength
        return close < text.count && text[close] == Byte.singleQuote ? close + 1 : body
    }

    private static func hashOpensComment(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, rule: CommentSyntax.Hash) -> Bool {
        guard offset > 0 else { return true }
        let previous = text[offset - 1]
        switch rule {
        case .anywhere:
            return true
        case .afterSpace:
            return Byte.isWhitespace(previous)
        case .wordStart:
            return Byte.isWhitespace(previous) || [Byte.semicolon, 0x7C, 0x26, Byte.openParen, Byte.closeParen].contains(previous)
        }
    }

    /// Whether a YAML quote at `offset` begins a value: first on its line, or after `:`, `-`,
    /// `?`, `,`, `[` or `{` and white space.
    private static func startsValue(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = offset
        while index > 0 && Byte.isHorizontalSpace(text[index - 1]) { index -= 1 }
        guard index > 0 else { return true }
        let previous = text[index - 1]
        return Byte.isLineEnd(previous)
            || [Byte.colon, 0x2D, 0x3F, Byte.comma, Byte.openBracket, Byte.openBrace].contains(previous)
    }

    private static func hashCount(_ text: UnsafeBufferPointer<UInt8>, from offset: Int, limit: Int) -> Int {
        var hashes = 0
        while hashes < limit && offset + hashes < text.count && text[offset + hashes] == Byte.hash { hashes += 1 }
        return hashes
    }
}
