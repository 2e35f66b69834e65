import Foundation

/// The English and Russian words the structure of a report is recognised by: row labels,
/// headings and column headers. Russian words are matched by stem, since they inflect.
enum ClaimWords {
    /// The words of `text`, lower-cased: runs of letters (any script).
    static func words(_ text: some StringProtocol) -> [String] {
        asciiWords(text) ?? text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// `words(_:)` of a text all in ASCII, read byte by byte; `nil` for any other text. Why: the
    /// general reading asks each character's Unicode properties, and was about a fiftieth of the
    /// main process of a cold scan of 50,000 commits. In ASCII the letters are `A`–`Z` and `a`–`z`.
    static func asciiWords(_ text: some StringProtocol) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A: word.append(byte)
            default:
                guard !word.isEmpty else { continue }
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// What a table row's label says it is.
    enum RowLabel {
        case total, average
    }

    /// `Total`, `Totals`, `Sum`, `Grand total`, `Итого`, `Всего` (a total row); `Average`, `Mean`,
    /// `Avg`, `Среднее`, `В среднем` (an average row). The label must be the whole cell.
    static func rowLabel(_ cell: String) -> RowLabel? {
        // Every label is short; a long cell is content, and not worth splitting into words.
        guard cell.utf8.count <= 40 else { return nil }
        let words = words(cell)
        switch words {
        case ["total"], ["totals"], ["sum"], ["grand", "total"], ["итого"], ["всего"], ["сумма"]: return .total
        case ["average"], ["mean"], ["avg"], ["в", "среднем"], ["среднее"], ["средний"], ["среднее", "значение"]:
            return .average
        default: return nil
        }
    }

    /// Whether a table cell is nothing but a removal (`Delete`, `Removed`, `❌ Deleted`,
    /// `Удалён`): the row's file is taken away, not delivered.
    static func saysRemoval(_ cell: String) -> Bool {
        let words = words(cell)
        guard words.count == 1, let word = words.first else { return false }
        return ["delete", "deleted", "remove", "removed", "drop", "dropped"].contains(word)
            || ["удал"].contains { word.hasPrefix($0) }
    }

    /// Whether a heading opens a section that plans work rather than reports it: `Implementation
    /// Plan`, `Next Steps`, `Proposed Changes`, `Recommendations`, `TODO`, `План реализации`,
    /// `Следующие шаги`, `Рекомендации`. A heading that also speaks of results or completion
    /// (`Test Plan Results`, `План выполнен`) reports.
    static func namesPlan(_ heading: String) -> Bool {
        let words = words(heading)
        let reports = words.contains { word in
            ["result", "results", "completed", "complete", "done", "achieved", "status"].contains(word)
                || ["результат", "выполн", "заверш", "итог", "статус"].contains { word.hasPrefix($0) }
        }
        guard !reports else { return false }
        if words.contains("next"), words.contains(where: { ["steps", "step", "actions"].contains($0) }) { return true }
        // `Files to Create`, `Changes to make`, `Файлы для изменения`: work still to be done.
        for (index, word) in words.enumerated().dropLast() where word == "to" || word == "для" {
            let next = words[index + 1]
            if ["create", "add", "modify", "change", "update", "implement", "build", "write", "make", "delete", "remove", "do"]
                .contains(next) || ["создан", "изменен", "добавлен", "реализац", "удален", "доработ"].contains(where: { next.hasPrefix($0) })
            {
                return true
            }
        }
        return words.contains { word in
            ["plan", "plans", "planned", "planning", "proposal", "proposed", "recommendation", "recommendations", "todo",
             "backlog", "future", "upcoming", "estimate", "estimates", "estimation"].contains(word)
                || ["план", "предлага", "предложен", "рекоменд", "следующ", "будущ"].contains { word.hasPrefix($0) }
        }
    }

    /// Whether a row's label speaks of a total of its own (`Subtotal`, `Backend total`,
    /// `Итого по фазе 1`, `Всего за неделю`): in a table with a total row, a subtotal.
    static func mentionsTotal(_ cell: String) -> Bool {
        guard cell.utf8.count <= 80 else { return false }
        return words(cell).contains { word in
            ["total", "totals", "subtotal", "subtotals", "итого", "всего", "промежуточный"].contains(word)
        }
    }

    /// Whether a column header says its column is a total (`Total`, `Sum`, `Итого`, `Всего`).
    static func saysTotal(_ header: String) -> Bool {
        words(header).contains { ["total", "totals", "sum", "итого", "всего", "сумма"].contains($0) }
    }

    /// The word that makes a sentence state an average, and where it stands.
    static func averageKeyword(in text: String, within range: Range<String.Index>) -> Range<String.Index>? {
        let lower = text[range].lowercased()
        // Lower-casing keeps the length of these scripts, so offsets carry over; check to be sure.
        guard lower.count == text[range].count else { return nil }
        var best: Range<String.Index>?
        for keyword in ["в среднем", "average", "avg", "mean", "средн"] {
            var searchFrom = lower.startIndex
            while let found = lower.range(of: keyword, range: searchFrom..<lower.endIndex) {
                searchFrom = found.upperBound
                // A keyword starts a word: `meaningful` is not `mean`, but `среднего` is `средн…`.
                if found.lowerBound > lower.startIndex, lower[lower.index(before: found.lowerBound)].isLetter { continue }
                if keyword != "средн", found.upperBound < lower.endIndex, lower[found.upperBound].isLetter,
                    keyword != "average"
                {
                    continue
                }
                let start = lower.distance(from: lower.startIndex, to: found.lowerBound)
                let lowerBound = text.index(range.lowerBound, offsetBy: start)
                var upperBound = text.index(lowerBound, offsetBy: keyword.count)
                while upperBound < range.upperBound, text[upperBound].isLetter { upperBound = text.index(after: upperBound) }
                if best.map({ lowerBound < $0.lowerBound }) ?? true { best = lowerBound..<upperBound }
                break
            }
        }
        return best
    }

    /// Whether a heading marks the files, deliverables or artifacts of the work: the items listed
    /// under it that name paths are deliverables. Files removed (`Deleted files`, `Удалённые
    /// файлы`) are the opposite, and results of an analysis or a test run (`Результаты анализа`)
    /// name the files they looked at, not files delivered.
    static func namesDeliverables(_ heading: String) -> Bool {
        let words = words(heading)
        let removed = words.contains { word in
            ["deleted", "removed", "removal", "obsolete", "deprecated", "cleanup", "unused", "legacy"].contains(word)
                || word.hasPrefix("удал") || word.hasPrefix("устаревш") || word.hasPrefix("очистк")
                || word.hasPrefix("неиспольз")
        }
        guard !removed else { return false }
        let ofAnalysis = words.contains { word in
            ["анализ", "тест", "провер", "аудит", "валид", "измерен", "сканир"].contains { word.hasPrefix($0) }
        }
        // Files in the plural head a list (`Files Created`, `Новые файлы`); one file named in a
        // title (`Configuration file phasecert.yml`) does not.
        return words.contains { word in
            ["deliverable", "deliverables", "files", "artifact", "artifacts", "artefacts", "created"].contains(word)
                || (word.hasPrefix("результат") && !ofAnalysis) || ["файлы", "файлов", "файлам"].contains(word)
                || word.hasPrefix("созданн") || word.hasPrefix("артефакт")
        }
    }

    /// Whether a column header names commit ids: `Commit`, `SHA`, `Hash`, `Коммит`.
    static func namesCommits(_ header: String) -> Bool {
        words(header).contains { word in
            ["commit", "commits", "sha", "hash"].contains(word) || word.hasPrefix("коммит")
        }
    }

    /// Whether a column header names a difference between two figures (`Discrepancy`, `Δ`,
    /// `Расхождение`): such a column is never the one an average speaks of.
    static func namesDifference(_ header: String) -> Bool {
        header.contains("Δ")
            || words(header).contains { word in
                ["discrepancy", "difference", "diff", "delta", "deviation", "variance", "change"].contains(word)
                    || word.hasPrefix("расхожд") || word.hasPrefix("разниц") || word.hasPrefix("отклонен")
            }
    }

    /// Whether a word is about files: `file`, `files`, `файлов`, `файла`.
    static func isFileWord(_ word: String) -> Bool {
        word == "file" || word == "files" || word.hasPrefix("файл")
    }

    /// Words that say nothing about which column a sentence means.
    private static let neutral: Set<String> = [
        "average", "avg", "mean", "the", "of", "and", "a", "an", "in", "for", "all", "overall", "total", "is", "was",
        "level", "score", "value", "per", "across", "в", "на", "по", "и", "для", "всех", "среднем", "уровень",
        "значение", "итого", "всего", "общий", "общее",
    ]

    /// Whether the sentence and the header share a meaningful word, Russian endings aside:
    /// `quality` and `Quality`, `качества` and `Качество`, `tests` and `Test`.
    static func shareWord(_ sentence: String, _ header: String) -> Bool {
        let sentenceWords = words(sentence).filter { !neutral.contains($0) && !$0.hasPrefix("средн") }
        let headerWords = words(header).filter { !neutral.contains($0) && !$0.hasPrefix("средн") }
        return sentenceWords.contains { word in headerWords.contains { sameStem(word, $0) } }
    }

    /// Two words with a common beginning of four or more letters that leaves at most two letters of
    /// the shorter one: enough for English plurals and Russian case endings.
    static func sameStem(_ lhs: String, _ rhs: String) -> Bool {
        let common = zip(lhs, rhs).prefix { $0 == $1 }.count
        return common >= 4 && common >= min(lhs.count, rhs.count) - 2
    }
}
