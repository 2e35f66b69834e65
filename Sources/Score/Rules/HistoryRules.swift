import PhaseModel

/// `task.no-commits`: a task marked complete that no commit names.
///
/// Only where history was read and linked to tasks: without git the count is "no evidence",
/// never zero, and the scan already says the history is missing.
enum HistoryRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        guard let history = context.workspace.git else { return [] }
        return context.workspace.tasks.compactMap { task in
            guard RuleContext.isMarkedComplete(task), let git = task.git, git.commits == 0 else { return nil }
            let shallowEn = history.shallow ? " The clone is shallow, so older commits may be missing." : ""
            let shallowRu = history.shallow ? " Клон неполный (shallow), поэтому старые коммиты могут отсутствовать." : ""
            return .rule(
                .taskNoCommits, task: task, at: task.source ?? task.directories.first.map { .file($0, line: nil) },
                message: LocalizedText(
                    en: "\(task.id) is marked complete, but none of the \(history.commits) commits read names it.\(shallowEn)",
                    ru: "Задача \(task.id) отмечена как завершённая, но ни один из прочитанных коммитов (\(history.commits)) её не упоминает.\(shallowRu)"),
                remediation: LocalizedText(
                    en: "Name \(task.id) in the subject or body of the commits that did its work, or in the merge of its branch.",
                    ru: "Указывайте \(task.id) в заголовке или тексте коммитов, которые выполняли задачу, или в слиянии её ветки."))
        }
    }
}
