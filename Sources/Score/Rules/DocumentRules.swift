import PhaseModel

/// `docs.missing`: required documents absent from a task's primary folder, or present but nearly empty.
enum DocumentRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for task in context.workspace.tasks {
            guard let folder = task.directories.first else { continue }
            for document in RequiredDocuments.status(of: task, configuration: context.configuration.tasks)
            where !(document.present && document.nonTrivial) {
                findings.append(finding(document, task: task, folder: folder))
            }
        }
        return findings
    }

    private static func finding(_ document: RequiredDocuments.Status, task: TaskRecord, folder: String) -> Finding {
        let remediation = LocalizedText(
            message: "finding.docs.missing.remediation", ["document": .text(document.name), "folder": .text(folder)])
        guard let path = document.path else {
            return .rule(
                .docsMissing, task: task, at: .file(folder, line: nil),
                message: LocalizedText(
                    message: "finding.docs.missing.message",
                    ["task": .text(task.id), "document": .text(document.name), "folder": .text(folder)]),
                remediation: remediation)
        }
        let lines = document.nonBlankLines ?? 0
        let minimum = RequiredDocuments.minimumNonBlankLines
        return .rule(
            .docsMissing, task: task, at: .file(path, line: nil),
            message: LocalizedText(
                message: "finding.docs.missing.message.nearly-empty",
                ["path": .text(path), "task": .text(task.id), "lines": .count(lines), "minimum": .count(minimum)]),
            remediation: remediation)
    }
}
