import PhaseModel

/// The findings the scan stage raises about its own input, each with its English and Russian text.
///
/// Rule ids are stable: CI scripts and config overrides refer to them.
enum ScanFindings {
    static func duplicateTask(_ id: String, first: Provenance, firstPhase: String?, again: Provenance, againPhase: String?) -> Finding {
        let whereFirst = firstPhase.map { "Phase \($0)" } ?? "no phase"
        let whereAgain = againPhase.map { "Phase \($0)" } ?? "no phase"
        let ruFirst = firstPhase.map { "фазе \($0)" } ?? "вне фаз"
        let ruAgain = againPhase.map { "фазе \($0)" } ?? "вне фаз"
        return Finding(
            rule: .masterlistDuplicateTask, severity: .major, task: id, phase: againPhase, at: again,
            message: LocalizedText(
                en: "\(id) is listed twice: under \(whereFirst) at \(first.description) and under \(whereAgain) at \(again.description); the first entry is used.",
                ru: "\(id) указана дважды: в \(ruFirst) (\(first.description)) и в \(ruAgain) (\(again.description)); используется первая запись."
            ),
            remediation: LocalizedText(
                en: "Keep one entry for \(id) in the master list.",
                ru: "Оставьте в общем списке одну запись для \(id)."
            )
        )
    }

    static func duplicatePhase(_ id: String, first: Provenance, again: Provenance) -> Finding {
        Finding(
            rule: .masterlistDuplicatePhase, severity: .minor, phase: id, at: again,
            message: LocalizedText(
                en: "Phase \(id) has a second heading at \(again.description) (first at \(first.description)); its tasks are added to the first.",
                ru: "У фазы \(id) второй заголовок в \(again.description) (первый в \(first.description)); её задачи отнесены к первому."
            ),
            remediation: LocalizedText(
                en: "Give each phase one heading.",
                ru: "Оставьте у каждой фазы один заголовок."
            )
        )
    }

    static func noMasterList(tasksRoot: String) -> Finding {
        Finding(
            rule: .masterlistMissing, severity: .info, at: .file(tasksRoot, line: nil),
            message: LocalizedText(
                en: "No master list was found: neither \(tasksRoot)/TASKS.md nor a Markdown file in \(tasksRoot) with phase headings and task items; tasks have no phase.",
                ru: "Общий список задач не найден: нет ни \(tasksRoot)/TASKS.md, ни Markdown-файла в \(tasksRoot) с заголовками фаз и задачами; задачи не отнесены к фазам."
            ),
            remediation: LocalizedText(
                en: "Create \(tasksRoot)/TASKS.md with a heading per phase and a list item per task, or set tasks.masterList in phasecert.yml.",
                ru: "Создайте \(tasksRoot)/TASKS.md с заголовком на каждую фазу и пунктом списка на каждую задачу или укажите tasks.masterList в phasecert.yml."
            )
        )
    }

    static func unreadable(_ path: String, problem: TextFileProblem, task: String? = nil) -> Finding {
        let (en, ru): (String, String)
        switch problem {
        case .binary:
            (en, ru) = ("\(path) holds binary data (a NUL byte), not text; it was not read.",
                        "\(path) содержит двоичные данные (байт NUL), а не текст; файл не прочитан.")
        case let .tooLarge(bytes, limit):
            (en, ru) = ("\(path) is \(bytes) bytes, over the \(limit)-byte limit for text; it was not read.",
                        "\(path) занимает \(bytes) байт, больше предела \(limit) байт для текста; файл не прочитан.")
        case let .unreadable(reason):
            (en, ru) = ("\(path) could not be read: \(reason).", "Не удалось прочитать \(path): \(reason).")
        }
        return Finding(
            rule: .scanUnreadable, severity: .minor, task: task, at: .file(path, line: nil),
            message: LocalizedText(en: en, ru: ru),
            remediation: LocalizedText(en: "Replace the file with UTF-8 text or remove it.", ru: "Замените файл текстом в UTF-8 или удалите его.")
        )
    }

    static func invalidUTF8(_ path: String, task: String? = nil) -> Finding {
        Finding(
            rule: .scanInvalidUTF8, severity: .info, task: task, at: .file(path, line: nil),
            message: LocalizedText(
                en: "\(path) is not valid UTF-8; the invalid bytes were read as U+FFFD.",
                ru: "\(path) не является корректным UTF-8; неверные байты прочитаны как U+FFFD."
            ),
            remediation: LocalizedText(en: "Save the file as UTF-8.", ru: "Сохраните файл в кодировке UTF-8.")
        )
    }

    static func skippedLink(_ path: String, problem: RepositoryTree.LinkProblem) -> Finding {
        let (en, ru): (String, String) = switch problem {
        case .loop: ("symbolic link loop", "циклическая символическая ссылка")
        case .dangling: ("symbolic link does not resolve", "символическая ссылка никуда не ведёт")
        case .escapesRepository: ("symbolic link leads outside the repository", "символическая ссылка ведёт за пределы репозитория")
        case .alreadyRead: ("folder already read through another path", "папка уже прочитана по другому пути")
        }
        return Finding(
            rule: .scanLinkSkipped, severity: .info, at: .file(path, line: nil),
            message: LocalizedText(en: "\(path) was skipped: \(en).", ru: "\(path) пропущен: \(ru)."),
            remediation: LocalizedText(
                en: "Point the link at a folder inside the repository, or remove it.",
                ru: "Направьте ссылку на папку внутри репозитория или удалите её."
            )
        )
    }

    static func invalidMetadata(_ source: Provenance, task: String, problem: String) -> Finding {
        Finding(
            rule: .taskMetadataInvalid, severity: .minor, task: task, at: source,
            message: LocalizedText(
                en: "Task metadata in \(source.description) was not used: \(problem).",
                ru: "Метаданные задачи в \(source.description) не использованы: \(problem)."
            ),
            remediation: LocalizedText(
                en: "Write dependencies and paths as lists of strings and targets as a mapping of names to numbers.",
                ru: "Запишите dependencies и paths списками строк, а targets — словарём из имён и чисел."
            )
        )
    }
}
