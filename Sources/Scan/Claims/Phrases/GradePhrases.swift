/// Letter grades of other scoring models: `Grade A+`, `Grade: A-`, `Оценка: A+ (ИСКЛЮЧИТЕЛЬНО)`,
/// `an A grade`, and a span that holds nothing but a grade (a table cell `A+`). `claimedValue` is
/// the letter A–F with an optional `+` or `-` (`−` and `–` read as `-`).
///
/// A capital letter elsewhere (`Option A`, `(A+)` in running text) is no grade: only a grade word
/// beside it, or a span of its own, says it is one.
enum GradePhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count {
            if tokens.isWord(index, in: PhraseLexicon.gradeWords) {
                // `Grade A+`, `Grade: A-`, `Оценка (A+)`.
                let value = tokens.skip(from: index + 1, limit: 3) {
                    tokens.isSymbol($0, in: ":(—–") || tokens.isDecoration($0)
                }
                if let grade = grade(tokens, value) {
                    result.append(candidate(grade, first: index, at: value))
                }
            } else if let grade = grade(tokens, index), tokens.isWord(grade.last + 1, in: PhraseLexicon.gradeWords) {
                // `an A+ grade`.
                result.append(candidate(grade, first: index, at: index, last: grade.last + 1))
            }
        }
        // A cell that holds just a grade, with decoration at most.
        let first = tokens.skip(from: 0, limit: 3) { tokens.isDecoration($0) }
        if let grade = grade(tokens, first),
            tokens.skip(from: grade.last + 1, limit: 3, { tokens.isDecoration($0) }) == tokens.count
        {
            result.append(candidate(grade, first: first, at: first))
        }
        return result
    }

    /// The grade written at `index`: one capital A–F standing alone, with its sign.
    static func grade(_ tokens: PhraseTokens, _ index: Int) -> (value: String, last: Int)? {
        guard tokens.word(index) != nil, let token = tokens[index], token.text.unicodeScalars.count == 1,
            let letter = token.text.unicodeScalars.first, ("A"..."F").contains(letter)
        else { return nil }
        guard let sign = tokens.symbol(index + 1), tokens[index + 1]?.isGlued == true,
            "+-−–".unicodeScalars.contains(sign)
        else { return (String(letter), index) }
        // `A-B`, `A–F`: a range of letters, not a grade.
        if let after = tokens[index + 2], after.isGlued, after.kind != .symbol { return nil }
        return (String(letter) + (sign == "+" ? "+" : "-"), index + 1)
    }

    private static func candidate(_ grade: (value: String, last: Int), first: Int, at index: Int, last: Int? = nil)
        -> PhraseCandidate
    {
        PhraseCandidate(
            .grade, first: first, last: last ?? grade.last, figures: Array(index...grade.last), anchor: index,
            claimedValue: grade.value)
    }
}
