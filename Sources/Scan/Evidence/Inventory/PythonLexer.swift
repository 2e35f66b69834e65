/// Blanks Python comments and literal contents (see `MaskedSource`).
///
/// Handles `#` comments; `'…'`, `"…"`, `'''…'''`, `"""…"""` with any prefix (`r`, `b`, `u`,
/// `f`, `t` and their combinations); backslash escapes (in raw strings a backslash still
/// keeps the next quote from closing, as in Python); and f-string replacement fields
/// `{…}` holding code with strings of their own, including Python 3.12's reuse of the
/// enclosing quote (`f"{d["k"]}"`). A non-triple-quoted string not closed on its line ends
/// there, as Python's tokenizer would reject it, so one stray quote costs one line.
enum PythonLexer {
    private enum Frame {
        /// Code inside an f-string `{…}`: `braces` counts the `{` still open inside it.
        case field(braces: Int)
        case string(quote: UInt8, triple: Bool, raw: Bool, formatted: Bool)
    }

    static func mask(_ text: UnsafeBufferPointer<UInt8>) -> MaskResult {
        var code = Array(text)
        var unterminated: UnterminatedConstruct?
        code.withUnsafeMutableBufferPointer { code in
            let count = text.count
            var frames: [Frame] = []
            var literalStart = 0
            var literalBodyStart = 0
            var index = 0

            func close(bodyEnd: Int, after: Int) {
                frames.removeLast()
                if frames.isEmpty { code.blank(literalBodyStart..<bodyEnd) }
                index = after
            }

            while index < count {
                let byte = text[index]
                switch frames.last {
                case nil, .field:
                    if byte == Byte.hash {
                        let end = text.lineEnd(from: index)
                        if frames.isEmpty { code.blank(index..<end) }
                        index = end
                    } else if byte == Byte.singleQuote || byte == Byte.doubleQuote {
                        let prefix = self.prefix(text, before: index)
                        let triple = index + 2 < count && text[index + 1] == byte && text[index + 2] == byte
                        let bodyStart = index + (triple ? 3 : 1)
                        if frames.isEmpty {
                            literalStart = index
                            literalBodyStart = bodyStart
                        }
                        frames.append(.string(quote: byte, triple: triple, raw: prefix.raw, formatted: prefix.formatted))
                        index = bodyStart
                    } else if case .field(let braces) = frames.last {
                        if byte == Byte.openBrace {
                            frames[frames.count - 1] = .field(braces: braces + 1)
                        } else if byte == Byte.closeBrace {
                            if braces == 0 { frames.removeLast() } else { frames[frames.count - 1] = .field(braces: braces - 1) }
                        }
                        index += 1
                    } else {
                        index += 1
                    }
                case .string(let quote, let triple, let raw, let formatted):
                    if byte == Byte.backslash {
                        let next = index + 1 < count ? text[index + 1] : 0
                        if raw && next != quote && next != Byte.backslash && !Byte.isLineEnd(next) {
                            index += 1
                        } else if next == Byte.carriageReturn && index + 2 < count && text[index + 2] == Byte.newline {
                            index += 3
                        } else {
                            index += 2
                        }
                    } else if byte == quote {
                        if !triple {
                            close(bodyEnd: index, after: index + 1)
                        } else if index + 2 < count && text[index + 1] == quote && text[index + 2] == quote {
                            close(bodyEnd: index, after: index + 3)
                        } else {
                            index += 1
                        }
                    } else if formatted && byte == Byte.openBrace {
                        if index + 1 < count && text[index + 1] == Byte.openBrace {
                            index += 2
                        } else {
                            frames.append(.field(braces: 0))
                            index += 1
                        }
                    } else if !triple && Byte.isLineEnd(byte) {
                        close(bodyEnd: index, after: index)
                    } else {
                        index += 1
                    }
                }
            }
            if !frames.isEmpty {
                var closer = ""
                if case .string(let quote, let triple, _, _) = frames[0] {
                    closer = String(repeating: String(UnicodeScalar(quote)), count: triple ? 3 : 1)
                }
                unterminated = UnterminatedConstruct(what: .stringLiteral, closer: closer, offset: literalStart)
                code.blank(literalBodyStart..<count)
            }
        }
        return MaskResult(code: code, unterminated: unterminated)
    }

    /// The string prefix letters right before a quote: `rb"…"` is raw, `f"…"`/`t"…"` have
    /// replacement fields. Anything longer than two letters is an identifier, not a prefix.
    private static func prefix(_ text: UnsafeBufferPointer<UInt8>, before quote: Int) -> (raw: Bool, formatted: Bool) {
        var start = quote
        while start > 0 && Byte.isIdentifier(text[start - 1]) && quote - start <= 2 { start -= 1 }
        guard quote - start <= 2, start == 0 || !Byte.isIdentifier(text[start - 1]) else { return (false, false) }
        var raw = false
        var formatted = false
        for offset in start..<quote {
            switch text[offset] | 0x20 {
            case UInt8(ascii: "r"): raw = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"): formatted = true
            case UInt8(ascii: "b"), UInt8(ascii: "u"): break
            default: return (false, false)
            }
        }
        return (raw, formatted)
    }
}
