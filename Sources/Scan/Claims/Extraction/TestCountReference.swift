/// The test file a test count is of, as the text around it writes it, so that `ClaimFacts` can
/// count the tests that file defines.
///
/// Read in one unit of text (a table row, a list item's first paragraph, a paragraph, a
/// heading), for each count in it, the first rule that gives one:
///
/// 1. a name written as the count's label, right before it: `otel: 13 tests`, `job_test.go: 45 tests`;
/// 2. the one test file path in the count's clause (the text between commas or semicolons):
///    a path whose name a test runner reads (`internal/x/job_test.go`, `Foo.test.ts`, `test_bar.py`);
/// 3. none when the clause speaks of a whole (`all`, `total`, `всего`);
/// 4. the one test file path of the unit, when the unit holds this one count
///    (`| job_test.go | Added 7 tests |`);
/// 5. the one code name in the clause, a word in CamelCase or with an `_` (`31 tests for HPTracker`,
///    `для DockerChecker (13 тест-кейсов)`).
///
/// A name that is no path is taken for a test file by `ClaimFacts` only when exactly one test
/// file has it as its name. Words that say what kind of test (`unit`, `Tests`) are no names.
enum TestCountReference {
    /// The written file for each of `counts` (the texts of the unit's test-count claims, in the
    /// order they stand in `text`); `nil` where the text names none plainly.
    static func files(in text: String, counts: [String]) -> [String?] {
        let unit = Unit(text)
        var searchFrom = text.startIndex
        return counts.map { count in
            guard let range = text.range(of: count, range: searchFrom..<text.endIndex) else { return nil }
            searchFrom = range.upperBound
            return unit.file(for: range, counts: counts.count)
        }
    }

    /// Whether a count may be of a part of the tests of its file or commit: its words qualify the
    /// tests (`7 env injection tests`; `new`, `unit` and pass words do not), or `line`, the line it
    /// stands on, goes on with what they are for (`17 tests for volume validation`) rather than
    /// with the file they are in (`31 tests for HPTracker`, `written`).
    static func narrows(_ claimText: String, line: String?, written: String?) -> Bool {
        let words = ClaimWords.words(claimText)
        if let noun = words.lastIndex(where: PhraseLexicon.testNouns.contains),
            let number = claimText.firstIndex(where: \.isNumber), !claimText[..<number].contains(where: \.isLetter),
            words[..<noun].contains(where: { !broadWords.contains($0) && !$0.contains(where: \.isNumber) })
        {
            return true
        }
        guard let line, let found = line.range(of: claimText) else { return false }
        let after = line[found.upperBound...].split(whereSeparator: { $0.isWhitespace || $0 == ")" }).prefix(2)
        guard let first = after.first, forWords.contains(PhraseLexicon.key(String(first))) else { return false }
        guard let what = after.dropFirst().first else { return true }
        let named = PathToken.withoutLineReference(PathToken.trimmed(what))
        return named != written && !(written.map { $0.hasSuffix("/" + named) } ?? false)
    }

    /// Whether `line` writes the count as the named file's own, labelled by it: `otel: 13 tests`,
    /// `` `job_test.go`: 45 tests ``. Written any other way (`` `x_test.py` (12 tests) ``, under a
    /// lead-in about failing tests) a count below the file's may be of some of its tests.
    static func labels(_ claimText: String, line: String?, written: String?) -> Bool {
        guard let line, let written, let found = line.range(of: claimText) else { return false }
        var before = line[..<found.lowerBound]
        while let last = before.last, last.isWhitespace || "*_`".contains(last) { before.removeLast() }
        guard before.last == ":" else { return false }
        before.removeLast()
        while let last = before.last, "*_`".contains(last) { before.removeLast() }
        let label = before.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).last.map { PathToken.trimmed($0) } ?? ""
        return label == written || label.hasSuffix("/" + written) || written.hasSuffix("/" + label)
    }

    /// Words before a test noun that say nothing of which tests: `17 new unit tests`.
    private static let broadWords: Set<String> = PhraseLexicon.newTestWords.union(PhraseLexicon.passWords)
        .union(["unit", "test", "tests", "тест", "теста", "тестов", "тесты", "юнит", "модульных", "модульные"])

    /// Words that say what a count of tests is for: `tests for volume validation`, `тестов для валидации`.
    private static let forWords: Set<String> = ["for", "of", "covering", "on", "для", "по", "на"]

    /// Whether the path as written is one a test runner reads: `job_test.go`, `a/b.spec.ts`.
    static func isTestPath(_ written: String) -> Bool {
        // Every test file name has an extension: most words are ruled out by the dot alone.
        written.utf8.contains(0x2E) && PathToken.isPathLike(written) && TestInventory.language(ofTestFile: written) != nil
    }

    /// One whitespace-separated word of the unit: as written, and without the marks around it.
    private struct Word {
        var range: Range<String.Index>
        var raw: Substring
        var trimmed: String
        var isTestPath: Bool
        /// A code name (`isCodeName`), asked only of the few words rule 5 reads.
        var isName: Bool { isCodeName(trimmed) }
    }

    /// A unit of text read once for all its counts: its words and clauses in the order they
    /// stand, found for each count by binary search, since a long unit (a report of one paragraph)
    /// may hold a thousand counts among a million words.
    private struct Unit {
        let text: String
        let words: [Word]
        let clauses: [Range<String.Index>]
        /// The unit's test file paths, as written without marks.
        let paths: Set<String>

        init(_ text: String) {
            self.text = text
            words = TestCountReference.words(in: text)
            clauses = TestCountReference.clauses(in: text)
            paths = Set(words.filter(\.isTestPath).map(\.trimmed))
        }

        func file(for count: Range<String.Index>, counts: Int) -> String? {
            // 1. `name: N tests`: the word right before the count, ending with a colon.
            let before = words.partitionPoint { $0.range.upperBound > count.lowerBound }
            if before > 0 {
                let label = words[before - 1]
                if label.raw.hasSuffix(":"), text[label.range.upperBound..<count.lowerBound].allSatisfy(\.isWhitespace),
                    label.isTestPath || isLabelName(label.trimmed)
                {
                    return label.trimmed
                }
            }
            let clause = clauseHolding(count.lowerBound)
            let inClause = words[
                words.partitionPoint { $0.range.lowerBound >= clause.lowerBound }
                    ..< words.partitionPoint { $0.range.lowerBound >= clause.upperBound }]
            // 2. The clause's one test file.
            let clausePaths = Set(inClause.filter(\.isTestPath).map(\.trimmed))
            if clausePaths.count == 1 { return clausePaths.first }
            if clausePaths.count > 1 { return nil }
            // 3. A count of all the tests is of no one file.
            if inClause.contains(where: { wholeWords.contains(PhraseLexicon.key($0.trimmed)) }) { return nil }
            // 4. A unit of one count and one test file.
            if counts == 1, paths.count == 1 { return paths.first }
            guard paths.isEmpty else { return nil }
            // 5. The clause's one code name.
            let names = Set(inClause.filter(\.isName).map(\.trimmed))
            return names.count == 1 ? names.first : nil
        }

        /// The first clause that holds `index`; the whole unit when none does.
        private func clauseHolding(_ index: String.Index) -> Range<String.Index> {
            // Clauses stand in order and do not overlap: the first whose end is past `index` is
            // the only one that may hold it.
            let candidate = clauses.partitionPoint { $0.upperBound > index }
            if candidate < clauses.count, clauses[candidate].contains(index) { return clauses[candidate] }
            return text.startIndex..<text.endIndex
        }
    }

    /// Words that make a count one of the whole suite.
    private static let wholeWords: Set<String> = ["all", "total", "overall", "всего", "итого", "все", "всех"]

    /// Words that say what kind of tests are counted, not which file holds them.
    private static let kindWords: Set<String> = [
        "unit", "integration", "e2e", "component", "api", "new", "passing", "status", "result", "results",
        "coverage", "total", "all", "суммарно", "всего", "итого",
    ]

    /// A label that may be a test file's name: an identifier of three or more characters that is
    /// no test noun or kind of test.
    private static func isLabelName(_ word: String) -> Bool {
        guard word.count >= 3, let first = word.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
            word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
        else { return false }
        let key = PhraseLexicon.key(word)
        return !PhraseLexicon.testNouns.contains(key) && !PhraseLexicon.testLabels.contains(key) && !kindWords.contains(key)
    }

    /// A code name beside a count: an identifier in CamelCase (`HPTracker`) or with an `_`.
    private static func isCodeName(_ word: String) -> Bool {
        guard isLabelName(word), word.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        let inner = word.dropFirst()
        return word.contains("_") || (inner.contains(where: \.isUppercase) && word.contains(where: \.isLowercase))
    }

    private static func words(in text: String) -> [Word] {
        var result: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            guard let from = start else { return }
            start = nil
            let raw = text[from..<end]
            let trimmed = PathToken.withoutLineReference(PathToken.trimmed(raw))
            result.append(Word(range: from..<end, raw: raw, trimmed: trimmed, isTestPath: isTestPath(trimmed)))
        }
        while index < text.endIndex {
            if text[index].isWhitespace || text[index] == "|" {
                close(at: index)
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return result
    }

    /// The unit cut at each `, ` and `;`: a comma inside a figure (`1,234`) cuts nothing.
    private static func clauses(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let cuts = text[index] == ";" || (text[index] == "," && (next == text.endIndex || text[next].isWhitespace))
            if cuts {
                result.append(start..<index)
                start = next
            }
            index = next
        }
        result.append(start..<text.endIndex)
        return result
    }
}
