/// Completion: `10.5/11 tasks`, `11/11 tasks complete`, `COMPLETED 100%`, `95.5% complete`,
/// `100% done`, `10.5/11 задач завершены`, `95,5 % завершено`, `Процент завершения: 95.5%`.
///
/// `claimed` is the percent, or n of an `n/m` with `denominator` m. When a completion percent and
/// a completion `n/m` stand in the same sentence (`98% READY (10.5/11 tasks complete)`,
/// `95.5% (10.5/11)`), both are claims and the percent's `expected` is n/m × 100, so a verifier
/// can call the document inconsistent. `98% READY` alone is readiness, not completion: it is a
/// claim only beside such an `n/m`.
enum CompletionPhrases: PhraseFamily {
    /// Words after a percentage that make it a comparison: `50% faster`.
    private static let comparisons: Set<String> = [
        "faster", "slower", "better", "worse", "more", "less", "higher", "lower", "fewer", "быстрее", "медленнее",
        "лучше", "хуже", "больше", "меньше", "выше", "ниже",
    ]

    private struct Percent {
        var candidate: PhraseCandidate
        /// Read from readiness wording; kept only when an `n/m` confirms it is about completion.
        var isWeak: Bool
    }

    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var fractions: [PhraseCandidate] = []
        var percents: [Percent] = []
        for index in 0..<tokens.count where !taken[index] {
            if let ratio = tokens.ratio(at: index), let fraction = fraction(tokens, ratio) {
                fractions.append(fraction)
                if let percent = attachedPercent(tokens, ratio, after: fraction.last, taken) {
                    percents.append(Percent(candidate: percent, isWeak: false))
                }
            } else if let percent = percent(tokens, index) {
                percents.append(percent)
            }
        }
        // `95.5% (10.5/11)`: a bare ratio in brackets right after a completion percent is its n/m.
        var numerators = Set(fractions.map(\.anchor))
        for percent in percents where percent.candidate.expected == nil {
            let open = percent.candidate.last + 1
            guard tokens.isSymbol(open, "("), let ratio = tokens.ratio(at: open + 1), !taken[open + 1],
                !numerators.contains(open + 1)
            else { continue }
            numerators.insert(open + 1)
            fractions.append(fractionCandidate(ratio, first: open + 1, last: ratio.last))
        }
        fractions.sort { $0.first < $1.first }
        // `✅ 100% (11/11 tasks)`: a bare percent right before a completion's bracket is its percent.
        let percentFigures = Set(percents.flatMap(\.candidate.figures))
        for fraction in fractions {
            let open = fraction.first - 1
            let index = open - 1
            guard tokens.isSymbol(open, "("), index >= 0, !taken[index], tokens.levelPercent(index) != nil,
                !percentFigures.contains(index)
            else { continue }
            percents.append(
                Percent(
                    candidate: PhraseCandidate(
                        .completion, first: index, last: index, figures: [index],
                        claimed: tokens.levelPercent(index)?.value),
                    isWeak: false))
        }

        var result = fractions
        for var percent in percents {
            if percent.candidate.expected == nil, let fraction = nearest(fractions, to: percent.candidate, in: tokens) {
                percent.candidate.expected = fraction.expected
                percent.isWeak = false
            }
            if !percent.isWeak { result.append(percent.candidate) }
        }
        // The pairing used `expected` to carry n/m × 100; an n/m claim itself has none.
        for index in result.indices where result[index].denominator != nil { result[index].expected = nil }
        return result
    }

    /// `11/11 tasks complete`, `10.5/11 задач`, `10.5/11 завершены`, `Completion: 11/11`, `Tasks: 10/11`.
    private static func fraction(_ tokens: PhraseTokens, _ ratio: PhraseRatio) -> PhraseCandidate? {
        let after = ratio.last + 1
        if tokens.isWord(after, in: PhraseLexicon.taskNouns) {
            let last = tokens.isWord(after + 1, in: PhraseLexicon.completionWords) ? after + 1 : after
            var candidate = fractionCandidate(ratio, first: ratio.numerator, last: last)
            if last > after { candidate.figures.append(last) }
            return candidate
        }
        if tokens.isWord(after, in: PhraseLexicon.completionWords) {
            var candidate = fractionCandidate(ratio, first: ratio.numerator, last: after)
            candidate.figures.append(after)
            return candidate
        }
        let label = tokens.skipBack(from: ratio.numerator - 1, limit: 3) {
            tokens.isSymbol($0, in: ":(") || tokens.isDecoration($0)
        }
        guard label < ratio.numerator - 1,
            tokens.isWord(label, in: PhraseLexicon.completionLabels)
                || tokens.isWord(label, in: ["tasks", "задачи", "задач"])
        else { return nil }
        // The ratio's own percentage (`Tasks: 10.5/11 = 98%`) is a claim of its own.
        return fractionCandidate(
            ratio, first: tokens.labelStart(label), last: ratio.percent == nil ? ratio.last : ratio.denominator)
    }

    private static func fractionCandidate(_ ratio: PhraseRatio, first: Int, last: Int) -> PhraseCandidate {
        // `expected` carries n/m × 100 to the pairing step and is cleared before the claim leaves.
        PhraseCandidate(
            .completion, first: first, last: last, figures: [ratio.numerator, ratio.denominator],
            anchor: ratio.numerator, claimed: ratio.value.numerator.value,
            denominator: ratio.value.denominator.value, expected: ratio.percentage)
    }

    /// The percent written with a completion ratio: `10.5/11 = 95.5%`, or `11/11 tasks (100%)`.
    private static func attachedPercent(
        _ tokens: PhraseTokens, _ ratio: PhraseRatio, after last: Int, _ taken: [Bool]
    ) -> PhraseCandidate? {
        var index = ratio.percent
        if index == nil, tokens.isSymbol(last + 1, "("), tokens.number(last + 2)?.isPercent == true,
            tokens.isSymbol(last + 3, ")"), !taken[last + 2]
        {
            index = last + 2
        }
        guard let index, let percent = tokens.number(index) else { return nil }
        return PhraseCandidate(
            .completion, first: index, last: index, figures: [index], claimed: percent.value, expected: ratio.percentage
        )
    }

    /// `95.5% complete`, `98% READY`, `COMPLETED 100%`, `Completion: ✅ 100%`, `Процент завершения: 95.5%`.
    private static func percent(_ tokens: PhraseTokens, _ index: Int) -> Percent? {
        guard let number = tokens.levelPercent(index), !tokens.isWord(index + 1, in: comparisons) else { return nil }
        if tokens.isWord(index + 1, in: PhraseLexicon.completionWords) {
            return Percent(
                candidate: PhraseCandidate(
                    .completion, first: index, last: index + 1, figures: [index, index + 1], claimed: number.value),
                isWeak: false)
        }
        if tokens.isWord(index + 1, in: PhraseLexicon.readyWords) {
            return Percent(
                candidate: PhraseCandidate(
                    .completion, first: index, last: index + 1, figures: [index, index + 1], claimed: number.value),
                isWeak: true)
        }
        let label = tokens.skipBack(from: index - 1, limit: 3) {
            tokens.isSymbol($0, in: ":=") || tokens.isDecoration($0)
        }
        if tokens.isWord(label, in: PhraseLexicon.completionLabels) {
            return Percent(
                candidate: PhraseCandidate(
                    .completion, first: tokens.labelStart(label), last: index, figures: [index], claimed: number.value),
                isWeak: false)
        }
        // `COMPLETED 100%`, `Complete: 100%`, but not `completed 50% faster`.
        if tokens.isWord(label, in: PhraseLexicon.doneStatus), label < index - 1 || tokens[label]?.isUpperCase == true {
            return Percent(
                candidate: PhraseCandidate(
                    .completion, first: label, last: index, figures: [index, label], anchor: index,
                    claimed: number.value),
                isWeak: false)
        }
        return nil
    }

    /// The completion `n/m` closest to `percent` in the same sentence, among `fractions` sorted by position.
    private static func nearest(
        _ fractions: [PhraseCandidate], to percent: PhraseCandidate, in tokens: PhraseTokens
    ) -> PhraseCandidate? {
        var low = 0
        var high = fractions.count
        while low < high {
            let middle = (low + high) / 2
            if fractions[middle].first < percent.first { low = middle + 1 } else { high = middle }
        }
        let neighbours = [low - 1, low].filter { $0 >= 0 && $0 < fractions.count }.map { fractions[$0] }
        return neighbours.filter { fraction in
            let distance = abs(fraction.anchor - percent.anchor)
            return distance <= 40 && !tokens.isSentenceBreak(between: fraction.anchor, and: percent.anchor)
        }.min { abs($0.anchor - percent.anchor) < abs($1.anchor - percent.anchor) }
    }
}
