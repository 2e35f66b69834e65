/// Test counts: `39/39 tests passing`, `22/25 tests`, `40 tests, 100% pass`, `36 tests`,
/// `9/9 PASS`, `39/39 тестов проходят`, `12 тестов`, `tests: 14 passed`.
///
/// `subject` is `passing` when a pass word (pass, passing, passed, green, проходят, успешно, …),
/// a ✅ or a 100% pass rate goes with the count; else `new` when the count is of tests added
/// (`10 new tests`, `Added 7 env tests`, `8 новых тестов`); else `count`. `claimed` is n and `denominator` m
/// of an `n/m`. A count of failing or skipped tests, and `test` used as an adjective (`4 test
/// files`, `test coverage`), give no test count.
enum TestCountPhrases: PhraseFamily {
    private static let stopWords: Set<String> = [
        "and", "or", "of", "in", "with", "for", "from", "to", "by", "than", "per", "across", "out", "и", "или", "в",
        "с", "из", "на", "по", "для", "чем",
    ]

    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        // A label goes first so that `tests: 14 passed` quotes the label, not only `14 passed`.
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count where tokens.isWord(index, in: PhraseLexicon.testLabels) {
            if let candidate = labelFirst(tokens, index) { result.append(candidate) }
        }
        for index in 0..<tokens.count where !taken[index] {
            if let candidate = countFirst(tokens, index) { result.append(candidate) }
        }
        return result
    }

    /// `39/39 tests passing`, `9 Helm template tests`, `39 passing tests`, `9/9 PASS`.
    private static func countFirst(_ tokens: PhraseTokens, _ index: Int) -> PhraseCandidate? {
        // Tests are counted in whole numbers: `5.1 Unit Tests` numbers a section.
        guard let count = tokens.count(at: index), count.isWhole else { return nil }
        // `Phase 3 Test`, `Task 2.1 tests`, `Этап 2 тесты`: the number names a phase or step, it counts nothing.
        if tokens.isWord(index - 1, in: PhraseLexicon.numberedLabels) { return nil }
        let next = count.last + 1
        // Only a ratio says what passed without a test noun: `9/9 PASS`, but `Phase 1 passed review`.
        if count.ratio != nil, tokens.isWord(next, in: PhraseLexicon.passWords),
            !tokens.isWord(next + 1, in: PhraseLexicon.testNouns)
        {
            return candidate(count, last: next, passing: true)
        }
        // A pass or fail word before the noun: `39 passing tests`, `3 failing tests`.
        var cursor = next
        var passing = false
        if tokens.isWord(cursor, in: PhraseLexicon.failWords) { return nil }
        if tokens.isWord(cursor, in: PhraseLexicon.passWords) {
            passing = true
            cursor += 1
        }
        // Up to two qualifiers, hyphenated ones included: `9 Helm template tests`, `13 blue-green tests`.
        var qualifiers = 0
        let noun = tokens.skip(from: cursor, limit: 5) { index in
            if tokens.isSymbol(index, "-"), tokens[index]?.isGlued == true, tokens[index + 1]?.isGlued == true {
                return index > cursor && tokens.word(index + 1) != nil
            }
            if tokens.isSymbol(index - 1, "-"), index - 1 > cursor { return tokens.word(index) != nil }
            guard isFiller(tokens, index), qualifiers < 2 else { return false }
            qualifiers += 1
            return true
        }
        guard let tail = tail(tokens, noun: noun) else { return nil }
        let added = tokens.isWord(index - 1, in: PhraseLexicon.addedWords)
            || (cursor..<noun).contains { tokens.isWord($0, in: PhraseLexicon.newTestWords) }
        var candidate = candidate(count, last: tail.last, passing: passing || tail.passing, added: added)
        candidate.figures += tail.figures
        return candidate
    }

    /// `tests: 14 passed`, `Total Tests: 68/69 PASS`, `Helm Template Tests (9/9 passing)`, `Тесты: 39`.
    private static func labelFirst(_ tokens: PhraseTokens, _ label: Int) -> PhraseCandidate? {
        var cursor = label + 1
        var passing = false
        if tokens.isWord(cursor, in: PhraseLexicon.passWords) {
            passing = true
            cursor += 1
        }
        cursor = tokens.skip(from: cursor, limit: 3) { tokens.isSymbol($0, in: ":=(") || tokens.isDecoration($0) }
        // `Tests 1: …` numbers tests rather than counting them.
        guard let count = tokens.count(at: cursor), count.isWhole, !tokens.isSymbol(count.last + 1, ":") else { return nil }
        var last = count.last
        var figures: [Int] = []
        if tokens.isWord(last + 1, in: PhraseLexicon.passWords) || isDoneMark(tokens, last + 1) {
            passing = true
            last += 1
        } else if tokens[last + 1]?.kind == .word {
            // `Tests: 13 tests` is read from the count; `Tests: ~800 lines` counts no tests.
            return nil
        } else if let rate = passRate(tokens, after: last) {
            passing = passing || rate.isFull
            last = rate.last
            figures = [rate.figure]
        }
        var candidate = candidate(count, last: last, passing: passing)
        candidate.first = label
        candidate.figures += figures
        return candidate
    }

    /// What follows a count up to the end of the phrase: the test noun, then a pass word, a ✅ or a
    /// pass rate. `nil` when `noun` is no test noun, or the noun is an adjective or counts failures.
    private static func tail(_ tokens: PhraseTokens, noun: Int) -> (last: Int, passing: Bool, figures: [Int])? {
        guard tokens.isWord(noun, in: PhraseLexicon.testNouns) else { return nil }
        var last = noun
        if tokens.isWord(last + 1, in: ["case", "cases"]) { last += 1 }
        if tokens.isWord(last + 1, in: PhraseLexicon.testCompounds)
            || tokens.isWord(last + 1, in: PhraseLexicon.failWords)
        {
            return nil
        }
        if tokens.isWord(last + 1, in: PhraseLexicon.passWords) || isDoneMark(tokens, last + 1) {
            return (last + 1, true, [])
        }
        if let rate = passRate(tokens, after: last) { return (rate.last, rate.isFull, [rate.figure]) }
        return (last, false, [])
    }

    /// `, 100% pass` or `(100% pass rate)` after a count.
    private static func passRate(_ tokens: PhraseTokens, after last: Int) -> (last: Int, figure: Int, isFull: Bool)? {
        let figure = last + 2
        guard tokens.isSymbol(last + 1, in: ",("), let rate = tokens.number(figure), rate.isPercent,
            tokens.isWord(figure + 1, in: PhraseLexicon.passWords)
        else { return nil }
        var end = figure + 1
        if tokens.isWord(end + 1, in: ["rate"]) { end += 1 }
        if tokens.isSymbol(last + 1, "("), tokens.isSymbol(end + 1, ")") { end += 1 }
        return (end, figure, rate.value == 100)
    }

    private static func isDoneMark(_ tokens: PhraseTokens, _ index: Int) -> Bool {
        tokens.symbol(index).map(PhraseLexicon.doneMarks.contains) ?? false
    }

    private static func isFiller(_ tokens: PhraseTokens, _ index: Int) -> Bool {
        guard let word = tokens.word(index) else { return false }
        return !stopWords.contains(word) && !PhraseLexicon.testNouns.contains(word)
            && !PhraseLexicon.failWords.contains(word) && !PhraseLexicon.passWords.contains(word)
    }

    /// The candidate for a count; `300+ tests` is a lower bound and `~300 tests` a rounded count
    /// (only the marks on a plain number are read: a ratio is exact).
    private static func candidate(_ count: PhraseCount, last: Int, passing: Bool, added: Bool = false) -> PhraseCandidate {
        let subject = passing ? "passing" : added ? "new" : "count"
        var candidate = PhraseCandidate(
            .testCount, first: count.first, last: last, figures: count.figures, subject: subject,
            claimed: count.value, denominator: count.denominator)
        if count.ratio == nil, let number = count.number {
            candidate.bound = number.atLeast ? .atLeast : number.approximate ? .about : nil
        }
        return candidate
    }
}
