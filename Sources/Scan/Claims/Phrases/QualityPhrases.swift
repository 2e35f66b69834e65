/// Quality percentages of other scoring models: `150% quality`, `quality: 148.3%`,
/// `Quality Score: 97/100`, `162% качества`, `уровень качества: 148.3%`, `148.3% среднего качества`.
/// `claimed` is the percent (an `n/m` score is n/m × 100: 97 for 97/100).
enum QualityPhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            // `150% quality`, `150% average quality`, `148.3% среднего качества`.
            guard let number = tokens.levelPercent(index) else { continue }
            let word = tokens.skip(from: index + 1, limit: 2) { tokens.isWord($0, in: PhraseLexicon.qualityQualifiers) }
            if tokens.isWord(word, in: PhraseLexicon.qualityWords) {
                result.append(
                    PhraseCandidate(.quality, first: index, last: word, figures: [index], claimed: number.value))
            }
        }
        for index in 0..<tokens.count where tokens.isWord(index, in: PhraseLexicon.qualityWords) {
            // `Quality: 150%`, `Quality Score: 97/100`, `уровень качества: 148.3%`, `Quality Achievement: 150%+`.
            let value = tokens.afterLabel(
                tokens.skip(from: index + 1, limit: 2) { tokens.isWord($0, in: PhraseLexicon.qualityQualifiers) })
            let first =
                tokens.skipBack(from: index - 1, limit: 2) { tokens.isWord($0, in: PhraseLexicon.qualityQualifiers) }
                + 1
            if let ratio = tokens.ratio(at: value), ratio.percent == nil, let percentage = ratio.percentage {
                result.append(
                    PhraseCandidate(
                        .quality, first: first, last: ratio.last, figures: ratio.figures, claimed: percentage))
            } else if let number = tokens.levelPercent(value) {
                result.append(
                    PhraseCandidate(.quality, first: first, last: value, figures: [value], claimed: number.value))
            }
        }
        return result
    }
}
