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
                let state: LocalizedText
                if let other, let completion = other.completion {
                    let done = RuleText.percent(completion * 100, against: 100)
                    state = LocalizedText(message: "finding.dependency.incomplete.state.partly-done", ["percent": .localized(done)])
                } else if other != nil {
                    state = LocalizedText(message: "finding.dependency.incomplete.state.no-evidence")
                } else {
                    state = LocalizedText(message: "finding.dependency.incomplete.state.not-a-task")
                }
                let names: [String: MessageArgument] = [
                    "task": .text(task.id), "dependency": .text(dependency), "file": .text(metadata.source.description),
                ]
                findings.append(
                    .rule(
                        .dependencyIncomplete, task: task, at: metadata.source,
                        message: LocalizedText(
                            message: "finding.dependency.incomplete.message", names.merging(["state": .localized(state)]) { $1 }),
                        remediation: other == nil
                            ? LocalizedText(message: "finding.dependency.incomplete.remediation.not-a-task", names)
                            : LocalizedText(message: "finding.dependency.incomplete.remediation", names)))
            }
        }
        return findings
    }
}
