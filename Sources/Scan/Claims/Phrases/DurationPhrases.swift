import PhaseModel

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
            guard var candidate, !isRange(tokens, index),
                !tokens.isWord(candidate.last + 1, in: PhraseLexicon.durationComparisons),
                !isAboutSomethingElse(tokens, index)
            else { continue }
            // Only time stated as spent is judged later; the word that says so is the subject.
            if let cue = spentCue(tokens, index) {
                candidate.subject = tokens.word(cue)
            }
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

    /// The word right before a duration that says it is time spent on the work: `Duration: 6h`,
    /// `took 2 hours`, `spent 3 days`, `completed in 4h`, `Время: 3 часа`, `заняло 2 дня`,
    /// `выполнено за 5 часов`. Estimates, efforts, targets and plain lengths have none.
    static func spentCue(_ tokens: PhraseTokens, _ index: Int) -> Int? {
        let before = tokens.skipBack(from: index - 1, limit: 3) {
            tokens.isSymbol($0, in: ":=~≈") || tokens.isDecoration($0) || tokens.isWord($0, in: PhraseLexicon.approximately)
        }
        if tokens.isWord(before, in: PhraseLexicon.spentTime) {
            // `Estimated time: 8h`, `Planned duration: 2 days`: a plan, whatever the noun.
            return tokens.isWord(before - 1, in: PhraseLexicon.estimateWords) ? nil : before
        }
        guard tokens.isWord(before, in: ["in", "within", "за"]) else { return nil }
        let verb = tokens.skipBack(from: before - 1, limit: 1) { tokens.isDecoration($0) }
        return tokens.isWord(verb, in: PhraseLexicon.finishedWork) ? verb : nil
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
