import PhaseModel

/// Splits a span into `PhraseToken`s in one pass, on top of `ClaimNumberScanner`'s numbers.
enum PhraseLexer {
    static func tokens(in scalars: ClaimScalars) -> [PhraseToken] {
        let numbers = ClaimNumberScanner.located(in: scalars)
        let code = codeSpans(in: scalars)
        var tokens: [PhraseToken] = []
        var nextNumber = 0
        var nextCode = 0
        var position = 0
        // Whether a blank stands between the previous token and the next one.
        var spaced = true

        func append(_ kind: PhraseToken.Kind, _ start: Int, _ end: Int, number: ClaimNumber? = nil) {
            while nextCode < code.count, code[nextCode].upperBound <= start { nextCode += 1 }
            let text = scalars.slice(start, end)
            tokens.append(
                PhraseToken(
                    kind: kind, start: start, end: end, text: text,
                    key: kind == .word ? PhraseLexicon.key(text) : text, number: number,
                    isGlued: !spaced && !tokens.isEmpty,
                    isCode: nextCode < code.count && code[nextCode].contains(start),
                    isPathPart: kind == .word && isPathPart(scalars, start, end)))
            spaced = false
        }

        while position < scalars.count {
            while nextNumber < numbers.count, numbers[nextNumber].start < position { nextNumber += 1 }
            if nextNumber < numbers.count, numbers[nextNumber].start == position {
                let located = numbers[nextNumber]
                append(.number, located.start, located.end, number: located.number)
                position = max(located.end, position + 1)
                continue
            }
            let scalar = scalars.scalars[position]
            let limit = nextNumber < numbers.count ? numbers[nextNumber].start : scalars.count
            if ClaimScalars.isBlank(scalar) {
                spaced = true
                position += 1
            } else if isTransparent(scalar) {
                position += 1
            } else if isLineBreak(scalar) {
                append(.symbol, position, position + 1)
                spaced = true
                position += 1
            } else if ClaimScalars.isDigit(scalar) {
                let end = min(wordEnd(scalars, from: position), limit)
                append(.code, position, max(end, position + 1))
                position = max(end, position + 1)
            } else if ClaimScalars.isLetter(scalar) {
                var end = position
                while end < limit, scalars.isLetter(end) { end += 1 }
                if end < limit, scalars.isDigit(end) {
                    // Letters glued to digits are an identifier (`x86_64`, `sha256`, `v2`).
                    end = min(wordEnd(scalars, from: end), limit)
                    append(.code, position, end)
                } else {
                    append(.word, position, end)
                }
                position = end
            } else {
                append(.symbol, position, position + 1)
                position += 1
            }
        }
        return tokens
    }

    /// Markdown emphasis and invisible joiners: they change how text looks, not what it says.
    static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "*", "_", "~", "`", "\u{FE0F}", "\u{FE0E}", "\u{200D}", "\u{200B}": true
        default: false
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The end of the identifier-like word running from `position`: word characters, and
    /// `-`, `_`, `.`, `:`, `/`, `,` when a word character follows them.
    private static func wordEnd(_ scalars: ClaimScalars, from position: Int) -> Int {
        var position = position
        while position < scalars.count {
            if scalars.isWord(position) {
                position += 1
            } else if let scalar = scalars[position], "-_.:/,\u{2011}".unicodeScalars.contains(scalar),
                scalars.isWord(position + 1)
            {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// A word joined to a neighbour by `/`, `\`, or by `.`/`_` between word characters: a path
    /// or identifier segment (`tasks.md`, `docs/design`, `COMPLETE_REPORT`).
    private static func isPathPart(_ scalars: ClaimScalars, _ start: Int, _ end: Int) -> Bool {
        if scalars.is(start - 1, "/") || scalars.is(start - 1, "\\") { return true }
        if scalars.is(end, "/") || scalars.is(end, "\\") { return true }
        if (scalars.is(start - 1, ".") || scalars.is(start - 1, "_")) && scalars.isWord(start - 2) { return true }
        if (scalars.is(end, ".") || scalars.is(end, "_")) && scalars.isWord(end + 1) { return true }
        return false
    }

    /// Backtick code spans, as scalar ranges: a run of backticks opens one and the next run of
    /// the same length closes it; a run that is never closed is literal text, as in CommonMark.
    private static func codeSpans(in scalars: ClaimScalars) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: (start: Int, length: Int)?
        var position = 0
        while position < scalars.count {
            guard scalars.is(position, "`") else {
                position += 1
                continue
            }
            let start = position
            while scalars.is(position, "`") { position += 1 }
            let length = position - start
            if let opened = open {
                if opened.length == length {
                    spans.append(opened.start..<position)
                    open = nil
                }
            } else {
                open = (start, length)
            }
        }
        return spans
    }
}
