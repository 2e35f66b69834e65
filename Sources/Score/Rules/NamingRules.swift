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
        let expectedEn = parent + name.canonicalName(placeholder: "<slug>")
        let expectedRu = parent + name.canonicalName(placeholder: "<описание>")
        let reasons = name.problems.map(\.reason)
        let suffixed = name.problems.contains { if case .statusSuffix = $0 { true } else { false } }
        return .rule(
            .namingNoncanonical, task: task, at: .file(folder, line: nil),
            message: LocalizedText(
                en: "Task folder \(folder) is not named canonically: \(reasons.map(\.en).joined(separator: "; ")). Expected \(expectedEn).",
                ru: "Имя папки задачи \(folder) не каноническое: \(reasons.map(\.ru).joined(separator: "; ")). Ожидается \(expectedRu)."),
            remediation: LocalizedText(
                en: "Rename the folder to \(expectedEn) with git mv"
                    + (suffixed ? ", or allow the suffix with tasks.allowedSuffixes in phasecert.yml." : "."),
                ru: "Переименуйте папку в \(expectedRu) командой git mv"
                    + (suffixed ? " или разрешите суффикс в tasks.allowedSuffixes в phasecert.yml." : ".")))
    }

    /// The `naming.duplicate-id` finding of a task with more than one folder.
    public static func duplicate(task: TaskRecord) -> Finding {
        let folders = task.directories.joined(separator: ", ")
        return .rule(
            .namingDuplicateID, task: task, at: .file(task.directories[0], line: nil),
            message: LocalizedText(
                en: "\(task.id) has \(task.directories.count) folders: \(folders). Their documents are counted together and only one checklist is read.",
                ru: "У задачи \(task.id) несколько папок (\(task.directories.count)): \(folders). Их документы учитываются вместе, а чек-лист читается только из одной."),
            remediation: LocalizedText(
                en: "Keep one folder for \(task.id): move what the others hold into it and delete them.",
                ru: "Оставьте для задачи \(task.id) одну папку: перенесите в неё содержимое остальных и удалите их."))
    }

    /// The folder a listed task without one should get: `<root>/<ID>-<slug of its title>`, `nil`
    /// when the task has no title to take a slug from.
    public static func suggestedFolder(for task: TaskRecord, tasksRoot: String) -> String? {
        slug(of: task).map { "\(tasksRoot)/\(task.id)-\($0)" }
    }

    /// The `naming.missing-directory` finding of a listed task without a folder.
    public static func missing(task: TaskRecord, tasksRoot root: String, requiredDocuments: [String]) -> Finding {
        let slug = slug(of: task)
        let folderEn = "\(root)/\(task.id)-\(slug ?? "<slug>")"
        let folderRu = "\(root)/\(task.id)-\(slug ?? "<описание>")"
        let documents = requiredDocuments.joined(separator: ", ")
        return .rule(
            .namingMissingDirectory, task: task, at: task.source,
            message: LocalizedText(
                en: "\(task.id) is in the master list but has no folder under \(root)/.",
                ru: "Задача \(task.id) есть в общем списке, но у неё нет папки в \(root)/."),
            remediation: LocalizedText(
                en: "Create \(folderEn)" + (documents.isEmpty ? "." : " with \(documents)."),
                ru: "Создайте папку \(folderRu)" + (documents.isEmpty ? "." : " и положите в неё \(documents).")))
    }

    private static func slug(of task: TaskRecord) -> String? {
        task.title.map(FolderName.kebab).flatMap { $0.isEmpty ? nil : $0 }
    }
}
