import PhaseModel

/// Dates: `2025-11-30`, `30.11.2025`, `November 30, 2025`, `Nov 30, 2025`, `30 November 2025`,
/// `30 ноября 2025 г.`. `claimedValue` is `yyyy-MM-dd`; a day the calendar does not have
/// (`2025-02-30`) is no date. A date glued into a name (`AUDIT_2025-11-30.md`) is part of the name.
///
/// A date whose label says it is the document's own — when it was written, or as of when it
/// speaks (`Date:`, `as of`, `Last updated`, `Report generated on`, `Дата отчёта:`,
/// `по состоянию на`, `実行日:`, `at commit 345bd1b (December 3, 2026)`), or when the work it
/// reports was completed (`Completed:`, `Completion date:`, `Дата завершения:`), which no document
/// can state before it happened — gets the subject
/// `Claim.documentDateSubject`; only those are judged, against the document's own commits. Any
/// other date may be a deadline, a plan, a release of something else or a quote.
enum DatePhrases: PhraseFamily {
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate] {
        candidatesWithoutLabels(in: tokens).map { candidate in
            var candidate = candidate
            if datesDocument(tokens, before: candidate.first) { candidate.subject = Claim.documentDateSubject }
            return candidate
        }
    }

    /// Words that, right before a date, say it is when the document was written or updated.
    private static let documentLabels: Set<String> = [
        "date", "dated", "updated", "generated", "written", "prepared", "compiled", "reviewed", "audited", "verified",
        "validated", "created", "completed", "finished", "дата", "обновлено", "обновлён", "обновлен", "создан", "создано",
        "создана", "завершено", "завершён", "завершен", "выполнено", "сформирован", "сформировано", "составлен",
        "составлено", "подготовлен", "подготовлено", "проверено", "сгенерирован", "сгенерировано", "сгенерирована",
        // Japanese labels are one word each: run, written, updated, validated, reported on.
        "実行日", "作成日", "日付", "更新日", "最終更新日", "最終更新", "検証日", "報告日", "実施日",
    ]
    /// What an English `… date:` label may name and still date the document itself.
    private static let documentNouns: Set<String> = [
        "report", "document", "audit", "validation", "verification", "analysis", "assessment", "creation", "generation",
        "snapshot", "status", "run", "test", "execution", "completion",
    ]
    /// The thing a Russian `Дата …:` label dates, in the genitive: `Дата отчёта`, `Дата проверки`.
    private static let datedDocuments: Set<String> = [
        "отчёта", "отчета", "документа", "проверки", "аудита", "обновления", "составления", "ревью", "валидации",
        "анализа", "запуска", "тестирования", "генерации", "завершения", "выполнения", "создания",
    ]

    /// Whether the label right before the date at `first` makes it the document's own date.
    static func datesDocument(_ tokens: PhraseTokens, before first: Int) -> Bool {
        let label = tokens.skipBack(from: first - 1, limit: 4) {
            tokens.isSymbol($0, in: ":=—–*|_") || tokens.isDecoration($0)
        }
        // `at commit 345bd1b (December 3, 2026)`: the date of the commit a report was made at.
        if tokens.isSymbol(label, "("), tokens.isWord(label - 2, in: ["commit", "коммите", "коммит"]) { return true }
        if tokens.isWord(label, in: ["date", "dated", "дата"]) {
            // `Date:`, `Report date:` and `Completion date:` date the document or the work it
            // reports; `Due date:`, `Target date:` and `Release date:` date something else.
            return tokens.word(label - 1) == nil || tokens.isWord(label - 1, in: documentNouns)
        }
        if tokens.isWord(label, in: documentLabels) { return true }
        // `as of`, `по состоянию на`, `generated on`, `updated at` — but not in brackets, where
        // it quotes what something else says of itself (`a parser (as of May 10, 2013)`).
        if tokens.isWord(label, in: ["of"]), tokens.isWord(label - 1, in: ["as"]) { return !isInBrackets(tokens, label) }
        if tokens.isWord(label, in: ["на"]), tokens.isWord(label - 1, in: ["состоянию"]) { return true }
        if tokens.isWord(label, in: ["on", "at"]), tokens.isWord(label - 1, in: documentLabels) { return true }
        return tokens.isWord(label, in: datedDocuments) && tokens.isWord(label - 1, in: ["дата"])
    }

    /// Whether a `(` before `index` is still open.
    private static func isInBrackets(_ tokens: PhraseTokens, _ index: Int) -> Bool {
        var depth = 0
        for position in 0..<max(0, index) {
            if tokens.isSymbol(position, "(") { depth += 1 } else if tokens.isSymbol(position, ")") { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    private static func candidatesWithoutLabels(in tokens: PhraseTokens) -> [PhraseCandidate] {
        var result: [PhraseCandidate] = []
        for index in 0..<tokens.count {
            let token = tokens.tokens[index]
            switch token.kind {
            case .code:
                guard !token.isCode, !isInName(tokens, token), let date = numericDate(token.text) else { continue }
                result.append(PhraseCandidate(.date, first: index, last: index, figures: [index], claimedValue: date))
            case .word:
                if let candidate = monthFirst(tokens, index) { result.append(candidate) }
            case .number:
                if let candidate = dayFirst(tokens, index) { result.append(candidate) }
            case .symbol:
                continue
            }
        }
        return result
    }

    /// `November 30, 2025`, `Nov. 30 2025`.
    private static func monthFirst(_ tokens: PhraseTokens, _ index: Int) -> PhraseCandidate? {
        guard let word = tokens.word(index), let month = PhraseLexicon.months[word] else { return nil }
        let dayIndex = tokens.isSymbol(index + 1, ".") ? index + 2 : index + 1
        let yearIndex = tokens.isSymbol(dayIndex + 1, ",") ? dayIndex + 2 : dayIndex + 1
        guard let day = integer(tokens, dayIndex, digits: 1...2), let year = integer(tokens, yearIndex, digits: 4...4),
            let date = date(year: year, month: month, day: day)
        else { return nil }
        return PhraseCandidate(
            .date, first: index, last: yearIndex, figures: [dayIndex, yearIndex], anchor: index, claimedValue: date)
    }

    /// `30 November 2025`, `30 ноября 2025 г.`, `30 ноября 2025 года`.
    private static func dayFirst(_ tokens: PhraseTokens, _ index: Int) -> PhraseCandidate? {
        guard let day = integer(tokens, index, digits: 1...2), let word = tokens.word(index + 1),
            let month = PhraseLexicon.months[word], let year = integer(tokens, index + 2, digits: 4...4),
            let date = date(year: year, month: month, day: day)
        else { return nil }
        var last = index + 2
        if tokens.isWord(last + 1, in: PhraseLexicon.yearWords) {
            last += 1
            if tokens.word(last) == "г", tokens.isSymbol(last + 1, "."), tokens[last + 1]?.isGlued == true { last += 1 }
        }
        return PhraseCandidate(.date, first: index, last: last, figures: [index, index + 2], claimedValue: date)
    }

    /// A plain integer of so many digits, written without grouping, sign or markers.
    private static func integer(_ tokens: PhraseTokens, _ index: Int, digits: ClosedRange<Int>) -> Int? {
        guard let number = tokens.number(index), digits.contains(number.text.unicodeScalars.count),
            number.text.unicodeScalars.allSatisfy(ClaimScalars.isDigit)
        else { return nil }
        return Int(number.text)
    }

    /// A date run glued to the name around it: `AUDIT_2025-11-30`, `report-2025-11-30`.
    private static func isInName(_ tokens: PhraseTokens, _ token: PhraseToken) -> Bool {
        let scalars = tokens.scalars
        return scalars.isWord(token.start - 1) || "_-/.\\".unicodeScalars.contains { scalars.is(token.start - 1, $0) }
    }

    /// `yyyy-MM-dd` (a time may follow after `T`) or `dd.MM.yyyy`, as `yyyy-MM-dd`.
    static func numericDate(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[from..<(from + count)] {
                guard ClaimScalars.isDigit(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 0x30)
            }
            return value
        }
        if scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
            scalars.count == 10 || (scalars[10] == "T" && scalars.count > 11 && ClaimScalars.isDigit(scalars[11])),
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2)
        {
            return date(year: year, month: month, day: day)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        {
            return date(year: year, month: month, day: day)
        }
        return nil
    }

    /// `yyyy-MM-dd` for a day the Gregorian calendar has, in years 1900–2199.
    static func date(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
