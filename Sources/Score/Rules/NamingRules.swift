import PhaseModel

/// `naming.noncanonical`, `naming.duplicate-id` and `naming.missing-directory`: how task folders
/// are named and whether each task has exactly one.
///
/// The finding of each rule is built here only; `check-names` reports the same findings.
public enum NamingRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        let tasks = context.configuration.tasks
        let ids = try? TaskIDPattern(prefix: tasks.idPrefix, width: tasks.idWidth)
        var findings: [Finding] = []
        // Tasks of a feature (Spec Kit, Kiro) are items of its checklist, never folders of their own.
        let featurePhases = Set(context.workspace.phases.filter { $0.folder != nil }.map(\.id))
        for task in context.workspace.tasks {
            if let ids {
                for folder in task.directories {
                    guard let examined = examine(folder, of: task, ids: ids, configuration: tasks), !examined.isCanonical
                    else { continue }
                    findings.append(noncanonical(task: task, folder: folder, name: examined))
                }
            }
            if task.directories.count > 1 {
                findings.append(duplicate(task: task))
            }
            // A task whose file is its document (`T-012-config.md` beside an index) needs no folder either.
            let foldersExpected = !(task.phase.map(featurePhases.contains) ?? false) && task.documents.isEmpty
            if task.source != nil, task.directories.isEmpty, foldersExpected {
                findings.append(missing(
                    task: task, tasksRoot: context.workspace.sources.tasksRoot, requiredDocuments: tasks.requiredDocuments))
            }
        }
        return findings
    }

    /// The name of `folder` (a repository path) examined against `task`'s title and the allowed suffixes.
    public static func examine(_ folder: String, of task: TaskRecord, ids: TaskIDPattern, configuration: Configuration.Tasks) -> FolderName? {
        FolderName(folderName(folder), ids: ids, title: task.title, allowedSuffixes: configuration.allowedSuffixes)
    }

    /// The last component of a repository path.
    public static func folderName(_ folder: String) -> String {
        folder.split(separator: "/").last.map(String.init) ?? folder
    }

    /// The `naming.noncanonical` finding for `folder` of `task`, whose name is `name`.
    public static func noncanonical(task: TaskRecord, folder: String, name: FolderName) -> Finding {
        let parent = String(folder.dropLast(name.name.count))
        let placeholder = LocalizedText(message: "finding.naming.slug-placeholder")
        let expected = LocalizedText(
            en: parent + name.canonicalName(placeholder: placeholder.en), ru: parent + name.canonicalName(placeholder: placeholder.ru))
        let reasons = name.problems.map(\.reason)
        let suffixed = name.problems.contains { if case .statusSuffix = $0 { true } else { false } }
        let arguments: [String: MessageArgument] = [
            "folder": .text(folder), "expected": .localized(expected),
            "reasons": .localized(
                LocalizedText(en: reasons.map(\.en).joined(separator: "; "), ru: reasons.map(\.ru).joined(separator: "; "))),
        ]
        return .rule(
            .namingNoncanonical, task: task, at: .file(folder, line: nil),
            message: LocalizedText(message: "finding.naming.noncanonical.message", arguments),
            remediation: LocalizedText(
                message: suffixed ? "finding.naming.noncanonical.remediation.suffix" : "finding.naming.noncanonical.remediation",
                arguments))
    }

    /// The `naming.duplicate-id` finding of a task with more than one folder.
    public static func duplicate(task: TaskRecord) -> Finding {
        let folders = task.directories.joined(separator: ", ")
        return .rule(
            .namingDuplicateID, task: task, at: .file(task.directories[0], line: nil),
            message: LocalizedText(
                message: "finding.naming.duplicate-id.message",
                ["task": .text(task.id), "count": .count(task.directories.count), "folders": .text(folders)]),
            remediation: LocalizedText(message: "finding.naming.duplicate-id.remediation", ["task": .text(task.id)]))
    }

    /// The folder a listed task without one should get: `<root>/<ID>-<slug of its title>`, `nil`
    /// when the task has no title to take a slug from.
    public static func suggestedFolder(for task: TaskRecord, tasksRoot: String) -> String? {
        slug(of: task).map { "\(tasksRoot)/\(task.id)-\($0)" }
    }

    /// The `naming.missing-directory` finding of a listed task without a folder.
    public static func missing(task: TaskRecord, tasksRoot root: String, requiredDocuments: [String]) -> Finding {
        let slug = slug(of: task)
        let placeholder = LocalizedText(message: "finding.naming.slug-placeholder")
        let folder = LocalizedText(
            en: "\(root)/\(task.id)-\(slug ?? placeholder.en)", ru: "\(root)/\(task.id)-\(slug ?? placeholder.ru)")
        let documents = requiredDocuments.joined(separator: ", ")
        let arguments: [String: MessageArgument] = [
            "task": .text(task.id), "root": .text(root), "folder": .localized(folder), "documents": .text(documents),
        ]
        return .rule(
            .namingMissingDirectory, task: task, at: task.source,
            message: LocalizedText(message: "finding.naming.missing-directory.message", arguments),
            remediation: LocalizedText(
                message: documents.isEmpty
                    ? "finding.naming.missing-directory.remediation" : "finding.naming.missing-directory.remediation.documents",
                arguments))
    }

    private static func slug(of task: TaskRecord) -> String? {
        task.title.map(FolderName.kebab).flatMap { $0.isEmpty ? nil : $0 }
    }
}
