/// Margins over a target: `exceeds the 150% target by -1.7%`, `превышает цель 150% на -1.7%`,
/// `above target by 12%`. `claimed` is the margin as written (signed), `subject` the target as
/// written, and `expected` is actual − target when the actual figure stands right before the
/// phrase (`148.3% (exceeds 150% target by -1.7%)`), so a verifier can check the arithmetic.
///
/// Only exceed/above/over/surpass/превышает wording with a target word and `by`/`на` counts. The
/// target figure is consumed, so it never reads as a result of its own.
enum TargetPhrases: PhraseFamily {
    private static let articles: Set<String> = ["the", "its", "our", "their", "a", "an", "of", "заявленную"]

    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where tokens.isWord(index, in: PhraseLexicon.exceedWords) {
            var cursor = tokens.skip(from: index + 1, limit: 2) { tokens.isWord($0, in: articles) }
            var namesTarget = false
            if tokens.isWord(cursor, in: PhraseLexicon.targetWords) {
                namesTarget = true
                cursor = tokens.skip(from: cursor + 1, limit: 1) {
                    tokens.isWord($0, in: ["of"]) || tokens.isSymbol($0, ":")
                }
            }
            var target: Int?
            if tokens.number(cursor) != nil, !taken[cursor] {
                target = cursor
                cursor += 1
            }
            if !namesTarget, tokens.isWord(cursor, in: PhraseLexicon.targetWords) {
                namesTarget = true
                cursor += 1
            }
            // `на +92%`: the plus is written apart from the number the scanner reads.
            var marginIndex = cursor + 1
            if tokens.isSymbol(marginIndex, "+"), tokens[marginIndex + 1]?.isGlued == true { marginIndex += 1 }
            guard namesTarget, tokens.isWord(cursor, in: PhraseLexicon.marginWords),
                let margin = tokens.number(marginIndex)
            else { continue }
            var candidate = PhraseCandidate(
                .target, first: index, last: marginIndex, figures: [marginIndex] + (target.map { [$0] } ?? []),
                subject: target.map { tokens.tokens[$0].text }, claimed: margin.value,
                expected: target.flatMap { expectedMargin(tokens, before: index, target: $0) })
            candidate.checksPlan = false
            result.append(candidate)
        }
        return result
    }

    /// Actual − target, when the actual figure is written right before the phrase in the same unit.
    private static func expectedMargin(_ tokens: PhraseTokens, before index: Int, target: Int) -> Double? {
        let before = tokens.skipBack(from: index - 1, limit: 3) {
            tokens.isSymbol($0, in: "(,:—–-") || tokens.isDecoration($0)
        }
        guard let actual = tokens.number(before), let goal = tokens.number(target), actual.isPercent == goal.isPercent
        else { return nil }
        return actual.value - goal.value
    }
}
