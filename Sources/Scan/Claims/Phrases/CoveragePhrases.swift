/// Coverage: `93.2% coverage`, `95%+ test coverage`, `coverage: 93.2%`, `Coverage: >90%`,
/// `покрытие 93,2 %`, `95%+ покрытие тестами`. `claimed` is the percent. A bound written as a
/// requirement (`coverage ≥ 80%`) is a plan, which the scanner's plan check drops.
enum CoveragePhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            // `93.2% coverage`, `95%+ test coverage`, `95%+ покрытие тестами`.
            guard let number = tokens.levelPercent(index) else { continue }
            let word = tokens.skip(from: index + 1, limit: 2) {
                tokens.isWord($0, in: PhraseLexicon.coverageQualifiers)
            }
            guard tokens.isWord(word, in: PhraseLexicon.coverageWords) else { continue }
            let last = tokens.isWord(word + 1, in: ["тестами", "кода"]) ? word + 1 : word
            result.append(PhraseCandidate(.coverage, first: index, last: last, figures: [index], claimed: number.value))
        }
        for index in 0..<tokens.count where tokens.isWord(index, in: PhraseLexicon.coverageWords) {
            // `coverage: 93.2%`, `Test Coverage: 95%+`, `покрытие тестами 93%`, `coverage of 93%`, `Coverage: >90%`.
            var value = tokens.skip(from: index + 1, limit: 2) {
                tokens.isWord($0, in: PhraseLexicon.coverageQualifiers)
                    || tokens.isWord($0, in: ["of", "is", "at", "составляет"])
            }
            value = tokens.afterLabel(value)
            if tokens.isSymbol(value, ">"), tokens[value + 1]?.kind == .number { value += 1 }
            guard let number = tokens.levelPercent(value) else { continue }
            let first =
                tokens.skipBack(from: index - 1, limit: 2) { tokens.isWord($0, in: PhraseLexicon.coverageQualifiers) }
                + 1
            result.append(
                PhraseCandidate(.coverage, first: first, last: value, figures: [value], claimed: number.value))
        }
        return result
    }
}
