import PhaseModel

/// Findings about the git history itself, in English and Russian.
enum GitFindings {
    static func shallow(commits: Int) -> Finding {
        Finding(
            rule: .gitHistoryIncomplete, severity: .info,
            message: LocalizedText(
                en: "The repository is a shallow clone: only \(commits) commits are present, so git figures cover part of the history.",
                ru: "Репозиторий — неполный клон: в нём только \(commits) коммитов, поэтому данные git охватывают часть истории."
            ),
            remediation: LocalizedText(
                en: "Fetch the full history (git fetch --unshallow) before certifying a phase.",
                ru: "Загрузите полную историю (git fetch --unshallow) перед сертификацией фазы."
            )
        )
    }

    static func noRepository() -> Finding {
        Finding(
            rule: .gitHistoryIncomplete, severity: .info,
            message: LocalizedText(
                en: "No git repository was found: commit counts and lines changed have no evidence.",
                ru: "Репозиторий git не найден: для числа коммитов и изменённых строк нет данных."
            ),
            remediation: LocalizedText(
                en: "Run phasecert inside the repository's work tree, or pass --repo.",
                ru: "Запустите phasecert в рабочем каталоге репозитория или укажите --repo."
            )
        )
    }

    static func unreadableCommit(_ id: String, child: String?, error: GitError) -> Finding {
        let via = child.map { " (parent of \($0))" } ?? ""
        let viaRu = child.map { " (родитель \($0))" } ?? ""
        return Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(child ?? id),
            message: LocalizedText(
                en: "Commit \(id)\(via) could not be read: \(error.message). The history behind it is not counted.",
                ru: "Не удалось прочитать коммит \(id)\(viaRu): \(error.message). История за ним не учтена."
            ),
            remediation: unreadableRemedy
        )
    }

    static func unreadableStats(_ id: String, message: String) -> Finding {
        Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(id),
            message: LocalizedText(
                en: "The changes of commit \(id) could not be read: \(message). Its files and lines are not counted.",
                ru: "Не удалось прочитать изменения коммита \(id): \(message). Его файлы и строки не учтены."
            ),
            remediation: unreadableRemedy
        )
    }

    /// A commit counted without the files whose blobs could not be read: its lines, and those
    /// of the tasks it belongs to, are lower bounds.
    static func unreadableFiles(_ id: String, paths: [String]) -> Finding {
        let shown = paths.prefix(5).joined(separator: ", ")
        let more = paths.count - min(paths.count, 5)
        let moreEn = more > 0 ? " and \(more) more" : ""
        let moreRu = more > 0 ? " и ещё \(more)" : ""
        let filesEn = paths.count == 1 ? "file" : "files"
        return Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(id),
            message: LocalizedText(
                en: "The lines of \(paths.count) \(filesEn) changed by commit \(id) could not be counted, for a blob missing or damaged: \(shown)\(moreEn). Its other files are counted; its lines, and those of its tasks, are at least the figures shown.",
                ru: "Строки файлов, изменённых коммитом \(id), не удалось посчитать из-за недоступного или повреждённого объекта (\(paths.count)): \(shown)\(moreRu). Остальные его файлы учтены; его строки и строки его задач — не меньше показанных."
            ),
            remediation: unreadableRemedy
        )
    }

    private static let unreadableRemedy = LocalizedText(
        en: "Run git fsck and restore the missing objects, for example by fetching them again.",
        ru: "Запустите git fsck и восстановите недостающие объекты, например загрузив их заново."
    )
}
