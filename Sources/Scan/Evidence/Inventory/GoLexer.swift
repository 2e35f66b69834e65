/// Blanks Go comments and literal contents (see `MaskedSource`).
///
/// Go's lexical rules: `//` and `/* */` comments (not nested); interpreted strings `"…"` and
/// rune literals `'…'` with backslash escapes, which cannot span lines (an unterminated one
/// ends at the line end, as the Go scanner recovers); raw strings `` `…` `` with no escapes,
/// which can.
enum GoLexer {
    static func mask(_ text: UnsafeBufferPointer<UInt8>) -> MaskResult {
        var code = Array(text)
        var unterminated: UnterminatedConstruct?
        code.withUnsafeMutableBufferPointer { code in
            let count = text.count
            var index = 0
            while index < count {
                switch text[index] {
                case Byte.slash where index + 1 < count && text[index + 1] == Byte.slash:
                    let end = text.lineEnd(from: index)
                    code.blank(index..<end)
                    index = end
                case Byte.slash where index + 1 < count && text[index + 1] == Byte.star:
                    let end = BlockComment.end(in: text, from: index + 2, nested: false)
                    if end == nil { unterminated = unterminated ?? UnterminatedConstruct(what: .blockComment, closer: "*/", offset: index) }
                    code.blank(index..<(end ?? count))
                    index = end ?? count
                case Byte.doubleQuote, Byte.singleQuote:
                    let end = QuotedLiteral.end(in: text, from: index + 1, quote: text[index])
                    code.blank((index + 1)..<end)
                    index = end < count && text[end] == text[index] ? end + 1 : end
                case Byte.backtick:
                    var end = index + 1
                    while end < count && text[end] != Byte.backtick { end += 1 }
                    if end == count { unterminated = unterminated ?? UnterminatedConstruct(what: .rawString, closer: "`", offset: index) }
                    code.blank((index + 1)..<end)
                    index = end + 1
                default:
                    index += 1
                }
            }
        }
        return MaskResult(code: code, unterminated: unterminated)
    }
}
