/// The English and Russian words claims are written with, as lexicon keys: lower case, `ё` read
/// as `е`. Russian nouns and participles are listed in the forms reports use rather than matched
/// by stem, so `тестирование` is not a test and `завершите` is not a status.
enum PhraseLexicon {
    /// The lexicon key of a written word.
    static func key(_ word: String) -> String {
        // Most words are ASCII, which needs neither Unicode case mapping nor the `ё` rule.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? word.lowercased() : word
        }
        var key = ""
        for scalar in word.lowercased().unicodeScalars {
            key.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
        }
        return key
    }

    // MARK: Tests

    static let testNouns: Set<String> = ["test", "tests", "тест", "теста", "тестов", "тесты"]
    /// Test nouns that can label a count (`Tests: 14`); the singular is a numbering (`Test 1:`).
    static let testLabels: Set<String> = ["tests", "тесты", "тестов"]
    /// Nouns after `test` that make it an adjective of something else: `4 test files`, `test coverage`.
    static let testCompounds: Set<String> = [
        "file", "files", "script", "scripts", "suite", "suites", "plan", "plans", "coverage", "run", "runs",
        "runner", "time", "duration", "rate", "report", "reports", "data", "fixture", "fixtures", "helper",
        "helpers", "package", "packages", "tool", "tools", "environment", "framework", "infrastructure", "step",
        "steps", "job", "jobs", "файл", "файла", "файлов", "файлы", "скрипт", "скрипта", "скриптов", "скрипты",
        "покрытие", "покрытия", "набор", "набора", "наборов", "план", "отчет", "отчета",
    ]
    /// Qualifiers that make a count one of tests added: `10 new tests`, `8 новых тестов`.
    static let newTestWords: Set<String> = ["new", "новых", "новые", "новый", "новая", "новое", "новыми"]
    /// Words before a count that say the tests were added: `Added 7 tests`, `добавлено 5 тестов`.
    /// Not `add`: in a document that is a plan (`Add 5 tests`), not a fact.
    static let addedWords: Set<String> = [
        "added", "adds", "добавлено", "добавлены", "добавлен", "добавлена", "добавил", "добавила", "добавили",
    ]
    static let passWords: Set<String> = [
        "pass", "passes", "passing", "passed", "green", "проходят", "проходит", "проходящих", "пройдены",
        "пройдено", "пройден", "прошли", "прошло", "прошел", "успешно", "успешны", "успешных", "успешные",
        "успешен", "зеленые", "зеленых",
    ]
    static let failWords: Set<String> = [
        "fail", "fails", "failed", "failing", "failure", "failures", "error", "errors", "errored", "erroring",
        "skip", "skips", "skipped", "flaky", "broken", "pending", "disabled", "ignored", "red", "провалены",
        "провалено", "провалились", "падают", "падающих", "упали", "упало", "пропущены", "пропущено",
        "пропущен", "ошибки", "ошибок", "ошибкой", "отключены", "красные",
    ]

    // MARK: Lines of code and files

    static let locUnits: Set<String> = ["loc", "sloc", "lines", "line", "строк", "строки", "строка", "строчек"]
    /// Units that can label a count on their own (`LOC: 1,970`); `line` alone labels a line number.
    static let locLabels: Set<String> = ["loc", "sloc"]
    static let fileWords: Set<String> = [
        "file", "files", "deliverable", "deliverables", "файл", "файла", "файлов", "файлы",
    ]
    static let totalWords: Set<String> = ["total", "всего", "итого"]

    // MARK: Coverage and quality

    static let coverageWords: Set<String> = ["coverage", "покрытие", "покрытия", "покрытием", "покрытии"]
    /// Words that qualify coverage (`test coverage`, `покрытие тестами`).
    static let coverageQualifiers: Set<String> = [
        "test", "tests", "code", "line", "lines", "branch", "branches", "statement", "statements", "unit", "overall",
        "total", "average", "тестами", "тестов", "кода", "кодом", "строк", "общее", "среднее",
    ]
    static let qualityWords: Set<String> = ["quality", "качество", "качества", "качеством"]
    /// Words that stand in a quality label or phrase (`Quality Score:`, `150% average quality`).
    static let qualityQualifiers: Set<String> = [
        "score", "average", "achievement", "level", "rating", "overall", "mean", "total", "уровень", "средний",
        "среднее", "средняя", "среднего", "среднем", "общий", "общее", "общая", "общего", "показатель", "итоговое",
    ]

    // MARK: Completion and status

    static let taskNouns: Set<String> = ["task", "tasks", "задача", "задачи", "задач", "задачам", "задачах"]
    static let completionWords: Set<String> = [
        "complete", "completed", "completion", "done", "finished", "завершено", "завершена", "завершен",
        "завершены", "завершения", "завершение", "завершенности", "выполнено", "выполнена", "выполнен",
        "выполнены", "выполнения",
    ]
    /// `98% READY`: a completion only when the span also gives the tasks' n/m.
    static let readyWords: Set<String> = ["ready", "готово", "готова", "готов", "готовы"]
    static let completionLabels: Set<String> = [
        "completion", "progress", "завершение", "завершения", "завершенность", "прогресс", "выполнение",
        "выполнения",
    ]
    static let statusLabels: Set<String> = ["status", "статус", "state", "состояние"]
    static let doneStatus: Set<String> = [
        "complete", "completed", "done", "завершена", "завершен", "завершено", "завершены", "готово",
    ]
    static let blockedStatus: Set<String> = [
        "blocked", "заблокирована", "заблокирован", "заблокировано", "заблокированы",
    ]
    /// Second words of two-word in-progress statuses, by their first word.
    static let inProgressStatus: [String: Set<String>] = ["in": ["progress"], "в": ["работе", "процессе"]]
    static let doneMarks: Set<Unicode.Scalar> = ["✅", "✔", "☑"]
    static let inProgressMarks: Set<Unicode.Scalar> = ["🚧", "⏳", "🔄"]
    static let blockedMarks: Set<Unicode.Scalar> = ["⛔", "🛑", "🚫"]
    /// Words that turn a status around (`NOT COMPLETE`, `почти готово`).
    static let statusNegations: Set<String> = ["not", "never", "almost", "nearly", "un", "не", "почти"]

    // MARK: Grades

    static let gradeWords: Set<String> = ["grade", "оценка", "оценкой", "оценку"]

    // MARK: Durations

    /// Hours per unit.
    static let durationUnits: [String: Double] = [
        "hour": 1, "hours": 1, "hr": 1, "hrs": 1, "h": 1,
        "minute": 1.0 / 60, "minutes": 1.0 / 60, "min": 1.0 / 60, "mins": 1.0 / 60,
        "day": 24, "days": 24, "week": 168, "weeks": 168,
        "час": 1, "часа": 1, "часов": 1, "ч": 1,
        "минута": 1.0 / 60, "минуты": 1.0 / 60, "минут": 1.0 / 60, "минуту": 1.0 / 60, "мин": 1.0 / 60,
        "день": 24, "дня": 24, "дней": 24, "сутки": 24, "суток": 24,
        "неделя": 168, "недели": 168, "недель": 168, "неделю": 168,
    ]
    /// Units glued to their digits (`4h`, `1.5ч`); `m` and `s` are left out as metres and seconds.
    static let gluedDurationUnits: [String: Double] = [
        "h": 1, "hr": 1, "hrs": 1, "ч": 1, "min": 1.0 / 60, "мин": 1.0 / 60, "d": 24, "д": 24,
    ]
    /// Words after a duration that make it a comparison or a point in time, not a length of work.
    static let durationComparisons: Set<String> = [
        "ago", "faster", "slower", "earlier", "later", "ahead", "behind", "early", "late", "назад", "быстрее",
        "медленнее", "раньше", "позже",
    ]
    /// Words a number names rather than counts after: `Phase 3`, `Task 2`, `Step 4`, `Этап 2`.
    static let numberedLabels: Set<String> = [
        "phase", "task", "step", "stage", "part", "sprint", "iteration", "milestone", "week", "day", "round", "level",
        "section", "chapter", "version", "release", "issue", "pr", "фаза", "этап", "шаг", "задача", "часть", "спринт",
        "итерация", "неделя", "день", "раздел", "версия", "уровень",
    ]
    /// Words right before a duration that say it is time actually spent, lower case.
    static let spentTime: Set<String> = [
        "duration", "took", "taken", "spent", "elapsed", "actual", "actually", "lasted", "time", "длительность",
        "продолжительность", "время", "заняло", "заняла", "занял", "заняли", "потрачено", "затрачено", "фактически",
    ]
    /// Words that make the time after them a plan: `Estimated time`, `Planned duration`.
    static let estimateWords: Set<String> = [
        "estimated", "estimate", "planned", "expected", "target", "budget", "budgeted", "allotted", "remaining",
        "оценочное", "ожидаемое", "планируемое", "плановое", "расчётное", "расчетное", "оставшееся",
    ]
    /// Words before `in`/`за` that make `completed in 4h` time spent.
    static let finishedWork: Set<String> = [
        "completed", "done", "finished", "implemented", "delivered", "built", "shipped", "resolved", "fixed",
        "выполнено", "выполнена", "выполнен", "сделано", "сделана", "завершено", "завершена", "реализовано", "реализована",
    ]
    /// `about`, `~`: a spent time may be approximate and still be stated as spent.
    static let approximately: Set<String> = ["about", "approximately", "roughly", "around", "примерно", "около", "всего", "total", "итого"]
    /// Words before a duration that make it something other than the work's length: a fix estimate, a
    /// schedule, a timeout.
    static let durationContexts: Set<String> = [
        "fix", "fixes", "fixing", "retry", "timeout", "interval", "window", "every", "each", "ramp", "hold",
        "retention", "ttl", "cron", "исправление", "исправления", "интервал", "каждые", "каждый", "каждую",
        "таймаут", "хранение", "next", "latency", "delay", "следующий", "следующие", "следующая", "через",
        "задержка",
    ]

    // MARK: Targets and plans

    static let exceedWords: Set<String> = [
        "exceeds", "exceeded", "exceeding", "exceed", "above", "over", "surpasses", "surpassed", "surpassing",
        "surpass", "beats", "beat", "превышает", "превысил", "превысила", "превысило", "превысили",
        "превосходит", "превзошел", "превзошла", "выше",
    ]
    static let targetWords: Set<String> = [
        "target", "goal", "baseline", "цель", "цели", "целевой", "целевое", "целевую", "целевого", "целевые",
    ]
    static let marginWords: Set<String> = ["by", "на"]
    /// Words that make a figure after them (in the same clause) a target, requirement or plan.
    static let plannedWords: Set<String> = [
        "target", "targets", "targeted", "goal", "goals", "should", "must", "shall", "minimum", "planned", "plan",
        "plans", "expected", "expect", "expects", "required", "require", "requires", "requirement",
        "requirements", "need", "needs", "needed", "aim", "aims", "estimated", "estimate", "estimates", "eta",
        "budget", "threshold", "desired", "цель", "цели", "целью", "целевой", "целевое", "целевая", "целевые",
        "целевого", "должно", "должен", "должна", "должны", "минимум", "минимальный", "минимальное",
        "минимальная", "план", "плану", "планируется", "планируемый", "планируемое", "плановый", "ожидается",
        "ожидаемый", "ожидаемое", "ожидаемая", "требуется", "требование", "требования", "требуемый",
        "требуемое", "нужно", "необходимо", "порог", "оценочно", "maximum", "max", "limit", "limits", "limited",
        "максимум", "максимальный", "максимальное", "лимит", "предел",
    ]
    /// Words right after a figure that make it a target: `80% coverage target`, `22h estimated`.
    static let plannedAfterWords: Set<String> = [
        "target", "targets", "goal", "required", "requirement", "expected", "planned", "minimum", "estimated",
        "estimate", "threshold", "цель", "план", "требуется", "минимум", "ожидается", "планируется",
    ]
    /// Two-word bounds, by their second word: lower ones (`at least`, `no less`, `не менее`, `не ниже`)
    /// and upper ones (`at most`, `no more`, `up to`, `не более`, `не выше`), which state a limit too.
    static let boundPairs: [String: Set<String>] = [
        "least": ["at"], "less": ["no", "not"], "fewer": ["no", "not"], "менее": ["не"], "ниже": ["не"],
        "меньше": ["не"], "most": ["at"], "more": ["no", "not"], "to": ["up"], "более": ["не"], "больше": ["не"],
        "выше": ["не"],
    ]

    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
        "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    ]
    /// `г.` or `года` after a Russian date's year.
    static let yearWords: Set<String> = ["г", "года", "год"]

    /// Words a label may start with before its key word: `Average Quality:`, `Процент завершения:`.
    static let labelLeadIns: Set<String> = [
        "average", "overall", "mean", "total", "current", "final", "уровень", "средний", "среднее", "средняя",
        "общий", "общее", "общая", "итоговый", "итоговое", "процент", "percent", "test", "code", "unit",
    ]
}
