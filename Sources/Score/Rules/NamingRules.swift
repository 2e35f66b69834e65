import PhaseModel
import Scan

/// `naming.noncanonical`, `naming.duplicate-id` and `naming.missing-directory`: how task folders
/// are named and whether each task has exactly one.
enum NamingRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        let tasks = context.configuration.tasks
        let ids = try? TaskIDPattern(prefix: tasks.idPrefix, width: tasks.idWidth)
        var findings: [Finding] = []
        for task in context.workspace.tasks {
            if let ids {
                for folder in task.directories {
                    let name = folder.split(separator: "/").last.map(String.init) ?? folder
                    guard let examined = FolderName(name, ids: ids, title: task.title, allowedSuffixes: tasks.allowedSuffixes),
                        !examined.isCanonical
                    else { continue }
                    findings.append(noncanonical(task: task, folder: folder, name: examined))
                }
            }
            if task.directories.count > 1 {
                findings.append(duplicate(task: task))
            }
            if task.source != nil, task.directories.isEmpty {
                findings.append(missing(task: task, context: context))
            }
        }
        return findings
    }

    private static func noncanonical(task: TaskRecord, folder: String, name: FolderName) -> Finding {
        let parent = String(folder.dropLast(name.name.count))
        let expectedEn = parent + name.canonicalName(placeholder: "<slug>")
        let expectedRu = parent + name.canonicalName(placeholder: "<описание>")
        let reasonsEn = name.problems.map { problem -> String in
            switch problem {
            case let .idSpelling(written, canonical): "the id is written \(written), not \(canonical)"
            case .noSlug: "there is no slug after the id"
            case let .slugNotKebab(slug): "the slug \(slug) is not lower-case kebab-case"
            case let .statusSuffix(suffix): "the suffix \(suffix) states a status, not what the task is"
            }
        }
        let reasonsRu = name.problems.map { problem -> String in
            switch problem {
            case let .idSpelling(written, canonical): "идентификатор записан как \(written), а не \(canonical)"
            case .noSlug: "после идентификатора нет краткого описания"
            case let .slugNotKebab(slug): "описание \(slug) не записано строчными буквами через дефис"
            case let .statusSuffix(suffix): "суффикс \(suffix) говорит о статусе, а не о содержании задачи"
            }
        }
        let suffixed = name.problems.contains { if case .statusSuffix = $0 { true } else { false } }
        return .rule(
            "naming.noncanonical", task: task, at: .file(folder, line: nil),
            message: LocalizedText(
                en: "Task folder \(folder) is not named canonically: \(reasonsEn.joined(separator: "; ")). Expected \(expectedEn).",
                ru: "Имя папки задачи \(folder) не каноническое: \(reasonsRu.joined(separator: "; ")). Ожидается \(expectedRu)."),
            remediation: LocalizedText(
                en: "Rename the folder to \(expectedEn) with git mv"
                    + (suffixed ? ", or allow the suffix with tasks.allowedSuffixes in phasecert.yml." : "."),
                ru: "Переименуйте папку в \(expectedRu) командой git mv"
                    + (suffixed ? " или разрешите суффикс в tasks.allowedSuffixes в phasecert.yml." : ".")))
    }

    private static func duplicate(task: TaskRecord) -> Finding {
        let folders = task.directories.joined(separator: ", ")
        return .rule(
            "naming.duplicate-id", task: task, at: .file(task.directories[0], line: nil),
            message: LocalizedText(
                en: "\(task.id) has \(task.directories.count) folders: \(folders). Their documents are counted together and only one checklist is read.",
                ru: "У задачи \(task.id) несколько папок (\(task.directories.count)): \(folders). Их документы учитываются вместе, а чек-лист читается только из одной."),
            remediation: LocalizedText(
                en: "Keep one folder for \(task.id): move what the others hold into it and delete them.",
                ru: "Оставьте для задачи \(task.id) одну папку: перенесите в неё содержимое остальных и удалите их."))
    }

    private static func missing(task: TaskRecord, context: RuleContext) -> Finding {
        let root = context.workspace.sources.tasksRoot
        let slug = task.title.map(FolderName.kebab).flatMap { $0.isEmpty ? nil : $0 }
        let folderEn = "\(root)/\(task.id)-\(slug ?? "<slug>")"
        let folderRu = "\(root)/\(task.id)-\(slug ?? "<описание>")"
        let documents = context.configuration.tasks.requiredDocuments.joined(separator: ", ")
        return .rule(
            "naming.missing-directory", task: task, at: task.source,
            message: LocalizedText(
                en: "\(task.id) is in the master list but has no folder under \(root)/.",
                ru: "Задача \(task.id) есть в общем списке, но у неё нет папки в \(root)/."),
            remediation: LocalizedText(
                en: "Create \(folderEn)" + (documents.isEmpty ? "." : " with \(documents)."),
                ru: "Создайте папку \(folderRu)" + (documents.isEmpty ? "." : " и положите в неё \(documents).")))
    }
}
