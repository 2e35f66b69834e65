import Foundation

/// Reads the state a plan writes for a task in words: a `Status` cell, a line of a state file.
enum TaskStatusWord {
    private static let doneWords: Set<String> = [
        "done", "complete", "completed", "finished", "deployed", "merged", "closed", "resolved", "shipped",
        "✅", "✔", "✓", "[x]", "готово", "выполнено", "завершено", "завершена", "завершён", "сделано",
    ]
    private static let openWords: Set<String> = [
        "todo", "to do", "open", "pending", "planned", "not started", "not_started", "in progress", "in_progress",
        "wip", "blocked", "backlog", "draft", "⏳", "❌", "🔄", "[ ]", "в работе", "не начато", "запланировано",
    ]

    /// `true` for a word that says done, `false` for one that says not yet, `nil` for anything else
    /// (a state the plan's own vocabulary names, such as `IMPLEMENT_OK`, is not guessed at).
    static func done(_ text: String) -> Bool? {
        var word = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        word = word.trimmingCharacters(in: CharacterSet(charactersIn: "*_`"))
        if doneWords.contains(word) { return true }
        if openWords.contains(word) { return false }
        // "✅ Complete", "Done (2025-11-02)": the first word decides.
        let first = word.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map(String.init) ?? word
        if first != word {
            if doneWords.contains(first) { return true }
            if openWords.contains(first) { return false }
        }
        return nil
    }
}

extension TaskStatusWord {
    private static let doneHeadings: Set<String> = [
        "completed", "done", "finished", "shipped", "deployed", "завершённые", "завершенные", "выполненные", "готовые",
    ]

    /// `true` under a heading such as `Completed features` or `Завершённые фичи`; `nil` otherwise,
    /// since `Active` or `Backlog` says less than done or not done.
    static func doneHeading(_ heading: String) -> Bool? {
        let words = StatusText.dropLeadingDecoration(heading).lowercased().split(separator: " ")
        guard let first = words.first else { return nil }
        return doneHeadings.contains(String(first)) ? true : nil
    }
}

/// Header names of index-table columns, lower case.
enum TableColumns {
    static let title: Set<String> = ["name", "title", "task", "feature", "название", "задача", "наименование"]
    static let status: Set<String> = ["status", "state", "статус", "состояние"]
    static let dependencies: Set<String> = ["dependencies", "depends on", "blocked by", "зависимости", "зависит от"]
}
