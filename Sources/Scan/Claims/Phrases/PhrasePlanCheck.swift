extension PhraseTokens {
    /// Whether the figure at `anchor` is a target, requirement or plan rather than a result:
    /// `Target: 80% coverage`, `coverage ≥ 80%`, `at least 36 tests`, `покрытие не менее 80 %`.
    ///
    /// Looks back through the figure's clause (up to a sentence mark, comma, dash or bracket) for a
    /// plan word or a bound sign. A `(` ends the clause unless a plan word stands right before it,
    /// so `Target 80% (achieved 93%)` keeps the 93% and `Goal (80%)` does not. The look-back is
    /// bounded, which keeps a long paragraph linear.
    func isPlanned(anchor: Int) -> Bool {
        if let first = number(anchor)?.text.unicodeScalars.first, first == "≥" || first == "≤" { return true }
        var index = anchor - 1
        var steps = 0
        while index >= 0, steps < 24 {
            if let scalar = symbol(index) {
                switch scalar {
                case ".", "!", "?", ";", "|", "\n", ",", "—", ")", "]", "[":
                    return false
                case "(":
                    let before = skipBack(from: index - 1) { isSymbol($0, ":") || isDecoration($0) }
                    return isWord(before, in: PhraseLexicon.plannedWords)
                case "≥", "≤", "<":
                    return true
                case "=" where isSymbol(index - 1, ">") || isSymbol(index - 1, "<"):
                    return true
                default:
                    break
                }
            } else if let word = word(index) {
                if PhraseLexicon.plannedWords.contains(word) {
                    // `exceeds the 150% target by 2%, …`: that target word belongs to a margin phrase.
                    return !((index - 4)..<index).contains { isWord($0, in: PhraseLexicon.exceedWords) }
                }
                if let firsts = PhraseLexicon.boundPairs[word], isWord(index - 1, in: firsts) { return true }
            }
            index -= 1
            steps += 1
        }
        return false
    }

    /// Whether the word right after a phrase ending at `last` makes it a target: `80% coverage target`.
    func isPlanned(after last: Int) -> Bool {
        isWord(last + 1, in: PhraseLexicon.plannedAfterWords)
    }
}
