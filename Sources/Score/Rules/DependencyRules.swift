import PhaseModel

/// `dependency.incomplete`: a task marked complete that depends on a task not complete, or on an
/// id the workspace has no task for. One finding per such dependency.
enum DependencyRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for task in context.workspace.tasks where RuleContext.isMarkedComplete(task) {
            guard let metadata = task.metadata else { continue }
            for dependency in metadata.dependencies where dependency != task.id {
                let other = context.tasks[dependency]
                guard other?.completion != 1 else { continue }
                let stateEn: String
                let stateRu: String
                if let other, let completion = other.completion {
                    let done = RuleText.percent(completion * 100, against: 100)
                    stateEn = "which is \(done.en)% complete"
                    stateRu = "выполненной на \(done.ru)%"
                } else if other != nil {
                    stateEn = "which has no completion evidence"
                    stateRu = "по которой нет данных о завершении"
                } else {
                    stateEn = "which is not a task of this workspace"
                    stateRu = "которой нет среди задач"
                }
                findings.append(
                    .rule(
                        .dependencyIncomplete, task: task, at: metadata.source,
                        message: LocalizedText(
                            en: "\(task.id) is marked complete but depends on \(dependency), \(stateEn).",
                            ru: "Задача \(task.id) отмечена как завершённая, но зависит от задачи \(dependency), \(stateRu)."),
                        remediation: LocalizedText(
                            en: other == nil
                                ? "Correct the dependency id in \(metadata.source.description), or add \(dependency) to the master list."
                                : "Finish \(dependency) first, or reopen \(task.id) until it is done.",
                            ru: other == nil
                                ? "Исправьте идентификатор зависимости в \(metadata.source.description) или добавьте \(dependency) в общий список."
                                : "Сначала завершите задачу \(dependency) или снова откройте \(task.id), пока та не будет готова.")))
            }
        }
        return findings
    }
}
