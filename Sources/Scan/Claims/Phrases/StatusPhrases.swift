/// Statuses: `COMPLETE`, `COMPLETED`, `DONE`, `✅ Complete`, `IN PROGRESS`, `BLOCKED`,
/// `ЗАВЕРШЕНА`/`ЗАВЕРШЁН`/`ЗАВЕРШЕНО`, `ГОТОВО`, `В РАБОТЕ`, `ЗАБЛОКИРОВАНА`. `claimedValue` is
/// `done`, `in-progress` or `blocked`; `claimed` is 1 for done, else 0.
///
/// Status words are common words too (`complete the form`), so one counts only when it stands out
/// as a status: written in capitals, after `Status:`/`Статус:`, or beside ✅, 🚧 or ⛔. An emoji
/// alone says nothing, and `NOT COMPLETE` or `почти готово` is no status claim.
enum StatusPhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            guard let status = status(tokens, index), isStatus(tokens, index, status),
                !tokens.isWord(index - 1, in: PhraseLexicon.statusNegations),
                // `COMPLETED TASKS` heads a list; it says nothing about one task's state.
                !tokens.isWord(status.last + 1, in: PhraseLexicon.taskNouns),
                // `a step's "DONE"`, `«ГОТОВО»`: the word quoted is mentioned, not stated.
                !(tokens.isSymbol(index - 1, in: Self.quotes) && tokens.isSymbol(status.last + 1, in: Self.quotes))
            else { continue }
            result.append(
                PhraseCandidate(
                    .status, first: index, last: status.last, figures: Array(index...status.last), anchor: index,
                    claimed: status.value == "done" ? 1 : 0, claimedValue: status.value))
        }
        return result
    }

    private static let quotes = "\"'“”«»„‘’"

    /// The status whose first word is at `index`, and its last token.
    private static func status(_ tokens: PhraseTokens, _ index: Int) -> (value: String, last: Int)? {
        guard let word = tokens.word(index) else { return nil }
        if PhraseLexicon.doneStatus.contains(word) { return ("done", index) }
        if PhraseLexicon.blockedStatus.contains(word) { return ("blocked", index) }
        guard let seconds = PhraseLexicon.inProgressStatus[word] else { return nil }
        var next = index + 1
        if tokens.isSymbol(next, "-"), tokens[next]?.isGlued == true, tokens[next + 1]?.isGlued == true { next += 1 }
        return tokens.isWord(next, in: seconds) ? ("in-progress", next) : nil
    }

    /// Capitals, a `Status:` label, or a mark of the same status right before or after (`⏳ Complete
    /// the adapter` is a plan with a waiting mark, not a done status).
    private static func isStatus(_ tokens: PhraseTokens, _ first: Int, _ status: (value: String, last: Int)) -> Bool {
        let last = status.last
        var letters = 0
        var upper = true
        for index in first...last where tokens[index]?.kind == .word {
            for scalar in tokens.tokens[index].text.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if !scalar.properties.isUppercase { upper = false }
            }
        }
        if upper, letters >= 2 { return true }
        if isMark(tokens, first - 1, of: status.value) || isMark(tokens, last + 1, of: status.value) { return true }
        let label = tokens.skipBack(from: first - 1, limit: 3) { tokens.isSymbol($0, ":") || tokens.isDecoration($0) }
        return label < first - 1 && tokens.isWord(label, in: PhraseLexicon.statusLabels)
    }

    private static func isMark(_ tokens: PhraseTokens, _ index: Int, of value: String) -> Bool {
        guard let scalar = tokens.symbol(index) else { return false }
        switch value {
        case "done": return PhraseLexicon.doneMarks.contains(scalar)
        case "blocked": return PhraseLexicon.blockedMarks.contains(scalar)
        default: return PhraseLexicon.inProgressMarks.contains(scalar)
        }
    }
}
