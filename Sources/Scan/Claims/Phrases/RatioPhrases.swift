/// Ratios written with their percentage: `28/30 = 93%`, `(9/10 = 95%)`, `28 of 30 (93%)`, and
/// the percentage first, `98.1% (53/54)`. `claimed` is the percentage as written, `denominator`
/// m, and `expected` n/m × 100, unrounded: whether they agree is the verifier's call.
///
/// A bare `n/m` is no claim here: without a percentage it says nothing to check. Ratios of tests
/// and tasks were read by the test-count and completion families before this one runs.
enum RatioPhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for ratio in tokens.ratios {
            if let percentIndex = ratio.percent, let percent = tokens.number(percentIndex) {
                result.append(
                    PhraseCandidate(
                        .ratio, first: ratio.numerator, last: ratio.last, figures: ratio.figures,
                        anchor: ratio.numerator,
                        claimed: percent.value, denominator: ratio.value.denominator.value, expected: ratio.percentage))
                continue
            }
            // `98.1% (53/54)`: the percentage, then the ratio alone in brackets.
            let percentIndex = ratio.numerator - 2
            guard tokens.isSymbol(ratio.numerator - 1, "("), let percent = tokens.number(percentIndex),
                percent.isPercent,
                !tokens.isRatioTail(percentIndex), tokens.isSymbol(ratio.last + 1, ")")
            else { continue }
            result.append(
                PhraseCandidate(
                    .ratio, first: percentIndex, last: ratio.last + 1, figures: [percentIndex] + ratio.figures,
                    claimed: percent.value, denominator: ratio.value.denominator.value, expected: ratio.percentage))
        }
        return result
    }
}
