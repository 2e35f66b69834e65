/// Blanks JavaScript and TypeScript comments and literal contents (see `MaskedSource`).
///
/// Handles `//` and `/* */` comments, a `#!` line at the start; `'…'` and `"…"` strings
/// (single-line, backslash escapes); template literals `` `…` `` whose `${…}` hold code with
/// literals of their own, to any depth; and regex literals, told from division the usual
/// way, by the token before the `/` (an operator, `(`, `,`, `{`, `}`, `;`, a keyword like
/// `return`, or nothing → regex; an identifier, number, `)`, `]` or literal → division).
/// `</` is a JSX closing tag, never a regex. Known limit: an apostrophe in JSX text
/// (`<p>Don't</p>`) opens a string, which ends at the line end, so it costs one line.
enum JavaScriptLexer {
    private enum Frame {
        /// Code inside `${…}`: `braces` counts the `{` still open inside it.
        case substitution(braces: Int)
        case string(quote: UInt8)
        case template
    }

    private static let keywordsBeforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await",
    ]

    static func mask(_ text: UnsafeBufferPointer<UInt8>) -> MaskResult {
        var code = Array(text)
        var unterminated: UnterminatedConstruct?
        code.withUnsafeMutableBufferPointer { code in
            let count = text.count
            var frames: [Frame] = []
            var literalStart = 0
            var literalBodyStart = 0
            // Last byte of code that was not space, to tell a regex from a division.
            var previous: Int?
            var index = 0

            func open(_ frame: Frame) {
                if frames.isEmpty {
                    literalStart = index
                    literalBodyStart = index + 1
                }
                frames.append(frame)
                index += 1
            }

            func close(bodyEnd: Int, after: Int) {
                frames.removeLast()
                if frames.isEmpty { code.blank(literalBodyStart..<bodyEnd) }
                previous = bodyEnd
                index = after
            }

            if text.has("#!", at: 0) {
                index = text.lineEnd(from: 0)
                code.blank(0..<index)
            }
            while index < count {
                let byte = text[index]
                switch frames.last {
                case nil, .substitution:
                    let next = index + 1 < count ? text[index + 1] : 0
                    if byte == Byte.slash && next == Byte.slash {
                        let end = text.lineEnd(from: index)
                        if frames.isEmpty { code.blank(index..<end) }
                        index = end
                    } else if byte == Byte.slash && next == Byte.star {
                        let end = BlockComment.end(in: text, from: index + 2, nested: false)
                        if end == nil && frames.isEmpty {
                            unterminated = unterminated ?? UnterminatedConstruct(what: .blockComment, closer: "*/", offset: index)
                        }
                        if frames.isEmpty { code.blank(index..<(end ?? count)) }
                        index = end ?? count
                    } else if byte == Byte.slash, startsRegex(text, at: index, previous: previous),
                        let end = regexEnd(text, from: index + 1)
                    {
                        if frames.isEmpty { code.blank((index + 1)..<end) }
                        previous = end
                        index = end + 1
                    } else if byte == Byte.singleQuote || byte == Byte.doubleQuote {
                        open(.string(quote: byte))
                    } else if byte == Byte.backtick {
                        open(.template)
                    } else {
                        if case .substitution(let braces) = frames.last {
                            if byte == Byte.openBrace {
                                frames[frames.count - 1] = .substitution(braces: braces + 1)
                            } else if byte == Byte.closeBrace {
                                if braces == 0 { frames.removeLast() } else { frames[frames.count - 1] = .substitution(braces: braces - 1) }
                            }
                        }
                        if !Byte.isWhitespace(byte) { previous = index }
                        index += 1
                    }
                case .string(let quote):
                    let end = QuotedLiteral.end(in: text, from: index, quote: quote)
                    close(bodyEnd: end, after: end < count && text[end] == quote ? end + 1 : end)
                case .template:
                    if byte == Byte.backslash {
                        index += 2
                    } else if byte == Byte.backtick {
                        close(bodyEnd: index, after: index + 1)
                    } else if byte == Byte.dollar && index + 1 < count && text[index + 1] == Byte.openBrace {
                        frames.append(.substitution(braces: 0))
                        index += 2
                    } else {
                        index += 1
                    }
                }
            }
            if !frames.isEmpty {
                if case .string(let quote) = frames[0] {
                    let closer = String(UnicodeScalar(quote))
                    unterminated = UnterminatedConstruct(what: .stringLiteral, closer: closer, offset: literalStart)
                } else {
                    unterminated = UnterminatedConstruct(what: .templateLiteral, closer: "`", offset: literalStart)
                }
                code.blank(literalBodyStart..<count)
            }
        }
        return MaskResult(code: code, unterminated: unterminated)
    }

    private static func startsRegex(_ text: UnsafeBufferPointer<UInt8>, at slash: Int, previous: Int?) -> Bool {
        guard let previous else { return true }
        let byte = text[previous]
        if byte == Byte.lessThan && previous == slash - 1 { return false }
        if byte == Byte.closeParen || byte == Byte.closeBracket || byte == Byte.singleQuote || byte == Byte.doubleQuote
            || byte == Byte.backtick || byte == Byte.slash
        {
            return false
        }
        guard Byte.isIdentifier(byte, dollar: true) else { return true }
        var start = previous
        while start > 0 && Byte.isIdentifier(text[start - 1], dollar: true) { start -= 1 }
        return keywordsBeforeExpression.contains(text.string(start..<(previous + 1)))
    }

    /// Offset of the `/` closing a regex whose body starts at `offset`, or nil when the line
    /// ends first (then it was a division after all).
    private static func regexEnd(_ text: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        var inClass = false
        var index = offset
        while index < text.count {
            switch text[index] {
            case Byte.backslash: index += 1
            case Byte.openBracket: inClass = true
            case Byte.closeBracket: inClass = false
            case Byte.slash where !inClass: return index
            case Byte.newline, Byte.carriageReturn: return nil
            default: break
            }
            index += 1
        }
        return nil
    }
}
