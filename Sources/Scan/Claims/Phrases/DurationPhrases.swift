/// Durations: `4 hours`, `4h`, `2 days`, `1.5 weeks`, `30 minutes`, `4 часа`, `2 дня`, `5 дней`,
/// `3 недели`, `Duration: 6h`. `claimed` is hours (a day is 24, a week 168).
///
/// Ranges (`1-2 hours`) give no claim, since no single figure is claimed; neither do comparisons
/// (`2 hours faster`, `3 дня назад`) or durations of something other than the work (`Fix: 30
/// minutes`, `every 5 minutes`, `timeout 30 min`).
enum DurationPhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            let token = tokens.tokens[index]
            var candidate: PhraseCandidate?
            if token.kind == .code, !token.isCode, let hours = gluedHours(token.text) {
                candidate = PhraseCandidate(.duration, first: index, last: index, figures: [index], claimed: hours)
            } else if let number = tokens.number(index), !number.isPercent, number.value > 0,
                !tokens.isRatioTail(index),
                tokens.ratio(at: index) == nil, let word = tokens.word(index + 1),
                let unit = PhraseLexicon.durationUnits[word]
            {
                candidate = PhraseCandidate(
                    .duration, first: index, last: index + 1, figures: [index], claimed: number.value * unit)
            }
            guard let candidate, !isRange(tokens, index),
                !tokens.isWord(candidate.last + 1, in: PhraseLexicon.durationComparisons),
                !isAboutSomethingElse(tokens, index)
            else { continue }
            result.append(candidate)
        }
        return result
    }

    /// `4h`, `1.5h`, `12hrs`, `4ч`, `30min`, `2d`, in hours.
    static func gluedHours(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var split = 0
        while split < scalars.count,
            ClaimScalars.isDigit(scalars[split]) || scalars[split] == "." || scalars[split] == ","
        {
            split += 1
        }
        guard split > 0, split < scalars.count, ClaimScalars.isDigit(scalars[split - 1]) else { return nil }
        var digits = ""
        for scalar in scalars[..<split] { digits.unicodeScalars.append(scalar == "," ? "." : scalar) }
        var unit = ""
        for scalar in scalars[split...] { unit.unicodeScalars.append(scalar) }
        guard digits.unicodeScalars.filter({ $0 == "." }).count <= 1, let value = Double(digits), value > 0,
            let perUnit = PhraseLexicon.gluedDurationUnits[unit]
        else { return nil }
        return value * perUnit
    }

    /// `1-2 hours`, `2–3 дня`: the figure ends a range.
    private static func isRange(_ tokens: PhraseTokens, _ index: Int) -> Bool {
        tokens.isSymbol(index - 1, in: "-–—") && tokens[index - 2]?.kind == .number
    }

    /// A plan word or a word naming something other than the work (`fix`, `every`, `timeout`) right before.
    private static func isAboutSomethingElse(_ tokens: PhraseTokens, _ index: Int) -> Bool {
        let before = tokens.skipBack(from: index - 1, limit: 2) {
            tokens.isSymbol($0, in: ":=") || tokens.isDecoration($0)
        }
        return tokens.isWord(before, in: PhraseLexicon.durationContexts)
    }
}
