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
            en: "Write \(document.name) in \(folder), or change tasks.requiredDocuments in phasecert.yml.",
            ru: "Напишите \(document.name) в \(folder) или измените tasks.requiredDocuments в phasecert.yml.")
        guard let path = document.path else {
            return .rule(
                .docsMissing, task: task, at: .file(folder, line: nil),
                message: LocalizedText(
                    en: "\(task.id) has no \(document.name) in \(folder).",
                    ru: "В папке \(folder) задачи \(task.id) нет документа \(document.name)."),
                remediation: remediation)
        }
        let lines = document.nonBlankLines ?? 0
        let minimum = RequiredDocuments.minimumNonBlankLines
        return .rule(
            .docsMissing, task: task, at: .file(path, line: nil),
            message: LocalizedText(
                en: "\(path) of \(task.id) is nearly empty (non-blank lines: \(lines); at least \(minimum) expected).",
                ru: "Документ \(path) задачи \(task.id) почти пуст: непустых строк — \(lines), нужно не меньше \(minimum)."),
            remediation: remediation)
    }
}
