/// File counts: `16 files`, `4 test files`, `17 файлов`, `Files Created: 26`, and `16 total` when a
/// file word stands before it in the span (`Files Created (16 total)`). `claimed` is the count.
enum FileCountPhrases: PhraseFamily {
    /// Words that may stand between a count and `files` (`4 test files`, `16 new files`).
    private static let fillers: Set<String> = [
        "test", "new", "source", "changed", "modified", "created", "markdown", "yaml", "config", "code", "helm",
        "documentation", "doc", "docs", "template", "go", "swift", "python", "тестовых", "новых", "исходных",
    ]
    /// Words that may stand between a file label and its count (`Files Created:`).
    private static let labelWords: Set<String> = [
        "created", "changed", "modified", "fixed", "delivered", "added", "touched", "total", "создано", "изменено",
        "добавлено", "всего",
    ]

    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        var sawFileWord = false
        for index in 0..<tokens.count {
            if tokens.isWord(index, in: PhraseLexicon.fileWords) {
                sawFileWord = true
                // `Files Created: 26`, `Файлов: 17`.
                let value = tokens.afterLabel(
                    tokens.skip(from: index + 1, limit: 2) { tokens.isWord($0, in: labelWords) })
                if tokens.isSymbol(value - 1, ":"), let count = tokens.count(at: value), count.ratio == nil,
                    integral(count.value), !tokens.isWord(value + 1, in: PhraseLexicon.fileWords)
                {
                    let last = tokens.isWord(value + 1, in: PhraseLexicon.totalWords) ? value + 1 : value
                    result.append(
                        PhraseCandidate(.fileCount, first: index, last: last, figures: [value], claimed: count.value))
                }
                continue
            }
            guard !taken[index], let count = tokens.count(at: index), count.ratio == nil, integral(count.value) else {
                continue
            }
            // `16 files`, `4 test files`.
            let word = tokens.skip(from: index + 1, limit: 2) { tokens.isWord($0, in: fillers) }
            if tokens.isWord(word, in: PhraseLexicon.fileWords) {
                result.append(
                    PhraseCandidate(.fileCount, first: index, last: word, figures: [index], claimed: count.value))
            } else if sawFileWord, tokens.isWord(index + 1, in: PhraseLexicon.totalWords) {
                // `Files Created (16 total)`, `deliverables: 16 total`.
                result.append(
                    PhraseCandidate(.fileCount, first: index, last: index + 1, figures: [index], claimed: count.value))
            }
        }
        return result
    }

    private static func integral(_ value: Double) -> Bool { value == value.rounded() }
}
