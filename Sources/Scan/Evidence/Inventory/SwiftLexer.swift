/// Blanks Swift comments and literal contents (see `MaskedSource`).
///
/// Handles `//` and nested `/* */` comments; `"…"` and `"""…"""` strings, raw strings with
/// any number of `#` (`#"…"#`, `##"""…"""##`) whose escapes need as many `#` (`\#(…)`);
/// interpolations `\(…)` holding code with strings and comments of its own, to any depth;
/// and extended regex literals `#/…/#`. Bare regex literals (`/a"b/`) are not recognized:
/// telling them from division needs a parser, and they are rare in tests. A single-line
/// string not closed on its line ends there, so one stray quote costs one line.
enum SwiftLexer {
    private enum Frame {
        /// Code inside `\(…)`: `parens` counts the `(` still open inside it.
        case interpolation(parens: Int)
        case string(hashes: Int, multiline: Bool)
        case regex(hashes: Int, multiline: Bool)
    }

    static func mask(_ text: UnsafeBufferPointer<UInt8>) -> MaskResult {
        var code = Array(text)
        var unterminated: UnterminatedConstruct?
        code.withUnsafeMutableBufferPointer { code in
            let count = text.count
            // Everything between the outermost literal's delimiters is blanked at once when
            // it closes, interpolations and nested literals included.
            var frames: [Frame] = []
            var literalStart = 0
            var literalBodyStart = 0
            var index = 0

            func open(_ frame: Frame, delimiterStart: Int, bodyStart: Int) {
                if frames.isEmpty {
                    literalStart = delimiterStart
                    literalBodyStart = bodyStart
                }
                frames.append(frame)
                index = bodyStart
            }

            func close(bodyEnd: Int, after: Int) {
                frames.removeLast()
                if frames.isEmpty { code.blank(literalBodyStart..<bodyEnd) }
                index = after
            }

            while index < count {
                let byte = text[index]
                switch frames.last {
                case nil, .interpolation:
                    if byte == Byte.slash && index + 1 < count && text[index + 1] == Byte.slash {
                        let end = text.lineEnd(from: index)
                        if frames.isEmpty { code.blank(index..<end) }
                        index = end
                    } else if byte == Byte.slash && index + 1 < count && text[index + 1] == Byte.star {
                        let end = BlockComment.end(in: text, from: index + 2, nested: true)
                        if end == nil && frames.isEmpty {
                            unterminated = unterminated ?? UnterminatedConstruct(what: .blockComment, closer: "*/", offset: index)
                        }
                        if frames.isEmpty { code.blank(index..<(end ?? count)) }
                        index = end ?? count
                    } else if byte == Byte.hash || byte == Byte.doubleQuote {
                        var hashes = 0
                        while index + hashes < count && text[index + hashes] == Byte.hash { hashes += 1 }
                        let quote = index + hashes
                        if quote < count && text[quote] == Byte.doubleQuote {
                            let multiline = text.has("\"\"\"", at: quote) && !closesOnItsLine(text, from: quote + 1, hashes: hashes)
                            open(.string(hashes: hashes, multiline: multiline), delimiterStart: index, bodyStart: quote + (multiline ? 3 : 1))
                        } else if hashes > 0 && quote < count && text[quote] == Byte.slash {
                            let multiline = quote + 1 < count && Byte.isLineEnd(text[quote + 1])
                            open(.regex(hashes: hashes, multiline: multiline), delimiterStart: index, bodyStart: quote + 1)
                        } else {
                            index += max(hashes, 1)
                        }
                    } else if case .interpolation(let parens) = frames.last {
                        if byte == Byte.openParen {
                            frames[frames.count - 1] = .interpolation(parens: parens + 1)
                        } else if byte == Byte.closeParen {
                            if parens == 0 { frames.removeLast() } else { frames[frames.count - 1] = .interpolation(parens: parens - 1) }
                        }
                        index += 1
                    } else {
                        index += 1
                    }
                case .string(let hashes, let multiline):
                    if byte == Byte.backslash {
                        let escapeHashes = hashCount(text, from: index + 1, limit: hashes)
                        let escaped = index + 1 + escapeHashes
                        if escapeHashes == hashes && escaped < count {
                            if text[escaped] == Byte.openParen {
                                frames.append(.interpolation(parens: 0))
                            }
                            index = escaped + 1
                        } else {
                            index += 1
                        }
                    } else if byte == Byte.doubleQuote {
                        let quotes = multiline ? 3 : 1
                        if (!multiline || text.has("\"\"\"", at: index)) && hashCount(text, from: index + quotes, limit: hashes) == hashes {
                            close(bodyEnd: index, after: index + quotes + hashes)
                        } else {
                            index += 1
                        }
                    } else if !multiline && Byte.isLineEnd(byte) {
                        close(bodyEnd: index, after: index)
                    } else {
                        index += 1
                    }
                case .regex(let hashes, let multiline):
                    if byte == Byte.backslash {
                        index += 2
                    } else if byte == Byte.slash && hashCount(text, from: index + 1, limit: hashes) == hashes {
                        close(bodyEnd: index, after: index + 1 + hashes)
                    } else if !multiline && Byte.isLineEnd(byte) {
                        close(bodyEnd: index, after: index)
                    } else {
                        index += 1
                    }
                }
            }
            if !frames.isEmpty {
                let hashes: String
                let construct: (what: UnterminatedConstruct.Kind, delimiter: String)
                switch frames[0] {
                case .string(let count, let multiline):
                    hashes = String(repeating: "#", count: count)
                    construct = (.stringLiteral, multiline ? "\"\"\"" : "\"")
                case .regex(let count, _):
                    hashes = String(repeating: "#", count: count)
                    construct = (.regexLiteral, "/")
                case .interpolation:
                    hashes = ""
                    construct = (.stringLiteral, "\"")
                }
                unterminated = unterminated
                    ?? UnterminatedConstruct(what: construct.what, closer: construct.delimiter + hashes, offset: literalStart)
                code.blank(literalBodyStart..<count)
            }
        }
        return MaskResult(code: code, unterminated: unterminated)
    }

    /// Whether a raw string that opens like a multi-line one (`#"""`) is closed on its own
    /// line (`#""""#` is the one-line raw string `""`): the Swift lexer checks this first.
    private static func closesOnItsLine(_ text: UnsafeBufferPointer<UInt8>, from offset: Int, hashes: Int) -> Bool {
        guard hashes > 0 else { return false }
        var index = offset
        while index < text.count && !Byte.isLineEnd(text[index]) {
            if text[index] == Byte.doubleQuote && hashCount(text, from: index + 1, limit: hashes) == hashes { return true }
            index += 1
        }
        return false
    }

    /// How many `#` follow `offset`, counting at most `limit`.
    private static func hashCount(_ text: UnsafeBufferPointer<UInt8>, from offset: Int, limit: Int) -> Int {
        var hashes = 0
        while hashes < limit && offset + hashes < text.count && text[offset + hashes] == Byte.hash { hashes += 1 }
        return hashes
    }
}
