/// Lines of code: `1,970 LOC`, `1,970 lines`, `~600 LOC`, `7 321 строк кода`, `7321 строк`,
/// `LOC: 1,970`, `Lines of code: ~5,000`. `subject` is the file written right before the figure
/// (`design.md (1,970 LOC)`, `` `Sources/x/y.swift`: 120 lines ``), else `nil` for a total. A
/// change (`+38 LOC`) is no length.
enum LinesOfCodePhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            guard let count = tokens.count(at: index), count.ratio == nil,
                tokens.isWord(index + 1, in: PhraseLexicon.locUnits)
            else { continue }
            var last = index + 1
            if tokens.isWord(last + 1, in: ["of"]), tokens.isWord(last + 2, in: ["code"]) {
                last += 2
            } else if tokens.isWord(last + 1, in: ["кода"]) {
                last += 1
            }
            var candidate = PhraseCandidate(.loc, first: index, last: last, figures: [index], claimed: count.value)
            if let path = PathSubject.before(tokens.tokens[index].start, in: tokens.scalars) {
                candidate.subject = path.path
                candidate.start = path.start
                candidate.end = closingBracket(tokens, path: path.start, last: last)
            }
            result.append(candidate)
        }
        for index in 0..<tokens.count {
            // `LOC: 1,970`, `Total LOC: 7,321`, `Lines of code: ~5,000`, `Строк кода: 7 321`.
            var label: Int?
            if tokens.isWord(index, in: PhraseLexicon.locLabels) {
                label = index
            } else if tokens.isWord(index, in: ["lines"]), tokens.isWord(index + 1, in: ["of"]),
                tokens.isWord(index + 2, in: ["code"])
            {
                label = index + 2
            } else if tokens.isWord(index, in: ["строк"]), tokens.isWord(index + 1, in: ["кода"]) {
                label = index + 1
            }
            guard let label else { continue }
            // A label needs its colon: `LOC 1,970 …` is more likely two phrases run together.
            let value = tokens.afterLabel(label + 1)
            guard value > label + 1, let count = tokens.count(at: value), count.ratio == nil,
                !tokens.isWord(value + 1, in: PhraseLexicon.locUnits)
            else { continue }
            result.append(
                PhraseCandidate(
                    .loc, first: tokens.labelStart(index), last: value, figures: [value], claimed: count.value))
        }
        return result
    }

    /// The end of the bracket a subject's figure is written in, so the quote stays balanced:
    /// `design.md (1,970 LOC)` and `design.md (1,970 LOC, 246%)` rather than `design.md (1,970 LOC`.
    private static func closingBracket(_ tokens: PhraseTokens, path: Int, last: Int) -> Int? {
        var depth = 0
        var back = last
        while back >= 0, tokens.tokens[back].start >= path {
            if tokens.isSymbol(back, "(") { depth += 1 }
            if tokens.isSymbol(back, ")") { depth -= 1 }
            back -= 1
        }
        guard depth > 0 else { return nil }
        var index = last + 1
        while index < tokens.count, index <= last + 12 {
            if tokens.isSymbol(index, "(") { depth += 1 }
            if tokens.isSymbol(index, ")") {
                depth -= 1
                if depth == 0 { return tokens.tokens[index].end }
            }
            if tokens.isSymbol(index, "\n") { return nil }
            index += 1
        }
        return nil
    }
}
