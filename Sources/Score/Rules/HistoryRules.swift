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
            let shallow = history.shallow ? LocalizedText(message: "finding.task.no-commits.shallow") : .empty
            return .rule(
                .taskNoCommits, task: task, at: task.source ?? task.directories.first.map { .file($0, line: nil) },
                message: LocalizedText(
                    message: "finding.task.no-commits.message",
                    ["task": .text(task.id), "commits": .count(history.commits), "shallow": .localized(shallow)]),
                remediation: LocalizedText(message: "finding.task.no-commits.remediation", ["task": .text(task.id)]))
        }
    }
}
