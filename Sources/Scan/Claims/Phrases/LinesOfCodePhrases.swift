import PhaseModel

/// Lines of code: `1,970 LOC`, `1,970 lines`, `~600 LOC`, `7 321 строк кода`, `7321 строк`,
/// `LOC: 1,970`, `Lines of code: ~5,000`. `subject` is the file written right before the figure
/// (`design.md (1,970 LOC)`, `` `Sources/x/y.swift`: 120 lines ``), else `nil` for a total. A
/// change (`+38 LOC`) is no length.
///
/// `38K LOC` is 38,000 lines (the number scanner reads the glued `K`), and so is `38 K LOC`; `77 KB`
/// is a size in bytes and no line count. How the figure is bounded goes into `bound`: `750+`
/// (or `more than 750`, `более 750`) is a lower bound, `~200` (or `about 200`, `около 200`) a
/// rounded figure, so that the judge does not hold either to the exact count.
enum LinesOfCodePhrases: PhraseFamily {
    /// Whether a coverage word stands in the same clause before the figure at `index`: back to a
    /// `.`, `,`, `;` or `:` (a bracket does not end it: `Missed lines in a.py (12 lines)`).
    private static func speaksOfCoverage(_ tokens: PhraseTokens, before index: Int) -> Bool {
        var position = index - 1
        while position >= max(0, index - 12) {
            // The dot of `a.py` or of quoted code ends nothing.
            let inName = tokens[position].map { $0.isPathPart || $0.isCode } ?? false
            if !inName, tokens.isSymbol(position, in: ".,;:"), tokens[position + 1]?.isGlued != true || tokens[position - 1] == nil {
                return false
            }
            if isCoverageWord(tokens.word(position)) { return true }
            position -= 1
        }
        return false
    }

    /// Whether a word speaks of test coverage, which counts lines covered or missed, not a file's.
    private static func isCoverageWord(_ word: String?) -> Bool {
        guard let word else { return false }
        return ["missed", "uncovered", "covered", "coverage", "missing"].contains(word)
            || ["упущен", "пропущен", "непокрыт", "покрыт"].contains { word.hasPrefix($0) }
    }

    /// Words right before a line figure that make it a size reached or a limit, not a count of the
    /// lines written: `cut the loader to 441 lines`, `holds each run to 15 lines`, `до 441 строки`.
    private static let sizeReachedWords: Set<String> = ["to", "under", "within", "below", "до"]
    /// Words right before a line figure that make it the length of what the sentence names
    /// (`the reader is 465 lines`, `` `a.swift` is 120 lines ``): no count of lines written, so
    /// not one to hold a commit to; a file written right before the figure (`a.swift: 120 lines`)
    /// is still read as its subject.
    private static let sizeOfWords: Set<String> = ["is", "are", "was", "were", "becomes", "became", "составляет", "стал", "стала", "стало"]

    /// Words after a file's line figure that make it the size of a change.
    private static let changeWords: Set<String> = [
        "added", "removed", "deleted", "changed", "modified", "inserted", "updated", "rewritten",
        "добавлено", "добавлены", "удалено", "удалены", "изменено", "изменены",
    ]

    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where !taken[index] {
            guard let count = tokens.count(at: index), count.ratio == nil else { continue }
            // `38 K LOC`: a thousands letter written apart from the digits.
            let thousands = tokens.isWord(index + 1, in: ["k"]) && tokens.isWord(index + 2, in: PhraseLexicon.locUnits)
            guard thousands || tokens.isWord(index + 1, in: PhraseLexicon.locUnits), !tokens.isWord(index - 1, in: sizeReachedWords) else { continue }
            var last = index + (thousands ? 2 : 1)
            if tokens.isWord(last + 1, in: ["of"]), tokens.isWord(last + 2, in: ["code"]) {
                last += 2
            } else if tokens.isWord(last + 1, in: ["кода"]) {
                last += 1
            }
            var candidate = PhraseCandidate(
                .loc, first: index, last: last, figures: [index], claimed: count.value * (thousands ? 1000 : 1))
            candidate.bound = bound(of: index, in: tokens)
            let path = PathSubject.before(tokens.tokens[index].start, in: tokens.scalars)
            if path == nil, tokens.isWord(index - 1, in: sizeOfWords) { continue }
            if let path {
                // `Roadmap.md (445 lines added, restructured)` is the size of a change, not of the file.
                if tokens.isWord(last + 1, in: changeWords) { continue }
                // `Missed lines in process_prompt.py (12 lines)` counts lines of a coverage report.
                if speaksOfCoverage(tokens, before: index) { continue }
                candidate.subject = path.path
                candidate.start = path.start
                candidate.end = closingBracket(tokens, path: path.start, last: last)
            }
            result.append(candidate)
        }
        for index in 0..<tokens.count {
            // `LOC: 1,970`, `Total LOC: 7,321`, `Lines of code: ~5,000`, `Строк кода: 7 321`.
            var label: Int?
            if tokens.isWord(index, in: PhraseLexicon.locLabels) {
                label = index
            } else if tokens.isWord(index, in: ["lines"]), tokens.isWord(index + 1, in: ["of"]),
                tokens.isWord(index + 2, in: ["code"])
            {
                label = index + 2
            } else if tokens.isWord(index, in: ["строк"]), tokens.isWord(index + 1, in: ["кода"]) {
                label = index + 1
            }
            guard let label else { continue }
            // A label needs its colon: `LOC 1,970 …` is more likely two phrases run together.
            let value = tokens.afterLabel(label + 1)
            guard value > label + 1, let count = tokens.count(at: value), count.ratio == nil,
                !tokens.isWord(value + 1, in: PhraseLexicon.locUnits)
            else { continue }
            var candidate = PhraseCandidate(
                .loc, first: tokens.labelStart(index), last: value, figures: [value], claimed: count.value)
            candidate.bound = bound(of: value, in: tokens)
            result.append(candidate)
        }
        return result
    }

    /// Words that make the figure after them a lower bound: `more than 750`, `over 750`, `более 750`.
    static let atLeastWords: Set<String> = ["over", "более", "свыше", "больше"]
    /// Words that make the figure after them a rounded one: `about 200`, `около 200`.
    static let aboutWords: Set<String> = ["about", "approximately", "approx", "roughly", "around", "примерно", "около", "порядка"]

    /// How the figure at `index` is bounded: by its own marks (`750+`, `~200`), else by the word
    /// right before it. `≥ 750` is not read here: the plan check takes it for a requirement.
    static func bound(of index: Int, in tokens: PhraseTokens) -> ClaimBound? {
        guard let number = tokens.number(index) else { return nil }
        if number.atLeast { return .atLeast }
        if number.approximate { return .about }
        if tokens.isWord(index - 1, in: atLeastWords)
            || (tokens.isWord(index - 1, in: ["than"]) && tokens.isWord(index - 2, in: ["more"]))
        {
            return .atLeast
        }
        if tokens.isWord(index - 1, in: aboutWords) { return .about }
        return nil
    }

    /// The end of the bracket a subject's figure is written in, so the quote stays balanced:
    /// `design.md (1,970 LOC)` and `design.md (1,970 LOC, 246%)` rather than `design.md (1,970 LOC`.
    private static func closingBracket(_ tokens: PhraseTokens, path: Int, last: Int) -> Int? {
        var depth = 0
        var back = last
        while back >= 0, tokens.tokens[back].start >= path {
            if tokens.isSymbol(back, "(") { depth += 1 }
            if tokens.isSymbol(back, ")") { depth -= 1 }
            back -= 1
        }
        guard depth > 0 else { return nil }
        var index = last + 1
        while index < tokens.count, index <= last + 12 {
            if tokens.isSymbol(index, "(") { depth += 1 }
            if tokens.isSymbol(index, ")") {
                depth -= 1
                if depth == 0 { return tokens.tokens[index].end }
            }
            if tokens.isSymbol(index, "\n") { return nil }
            index += 1
        }
        return nil
    }
}
