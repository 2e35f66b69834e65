import PhaseModel

extension EvidenceFindings {
    /// The finding for a file that looks like evidence but was not read, or repeats one that was.
    static func unread(_ unread: UnreadEvidence) -> Finding {
        let (rule, en, ru) = text(unread)
        return Finding(
            rule: rule, severity: .major, at: .file(unread.path, line: nil),
            message: LocalizedText(en: en, ru: ru),
            remediation: LocalizedText(
                en: "Make the file readable in a format phasecert reads, remove the copy, or exclude it with evidence.exclude in phasecert.yml; until then gate conditions on tests and coverage do not pass.",
                ru: "Сделайте файл читаемым и в формате, который читает phasecert, удалите копию или исключите его через evidence.exclude в phasecert.yml; до тех пор условия шлюза по тестам и покрытию не выполняются."
            )
        )
    }

    /// The rule id and the English and Russian message for `unread`.
    private static func text(_ unread: UnreadEvidence) -> (rule: FindingRuleID, en: String, ru: String) {
        let path = unread.path
        switch unread.reason {
        case .unreadable:
            return (.evidenceUnreadable, "\(path) could not be opened or read; any results in it were not counted.",
                              "\(path) не удалось открыть или прочитать; результаты в нём не учтены.")
        case .folderUnreadable:
            return (.evidenceUnreadable, "The folder \(path) could not be listed; evidence in it was not read.",
                              "Папку \(path) не удалось прочитать; данные в ней не учтены.")
        case .notRegularFile:
            return (.evidenceUnreadable, "\(path) is not a regular file (a FIFO, socket or device); it was not read.",
                              "\(path) — не обычный файл (FIFO, сокет или устройство); он не прочитан.")
        case .binary:
            return (.evidenceUnrecognised,
                              "\(path) is named like a result file but holds binary data or text in an unreadable encoding (UTF-16 needs a byte-order mark); it was not read.",
                              "\(path) назван как файл результатов, но содержит двоичные данные или текст в нечитаемой кодировке (для UTF-16 нужна метка порядка байтов); он не прочитан.")
        case let .unrecognised(variant):
            return (.evidenceUnrecognised, "\(path) looks like test results or coverage, but \(Self.english(variant)); it was not read.",
                              "\(path) похож на результаты тестов или покрытие, но не прочитан: \(Self.russian(variant)).")
        case let .duplicate(first):
            return (.evidenceDuplicate, "\(path) repeats \(first) byte for byte (or links to it); its results are counted once.",
                              "\(path) повторяет \(first) байт в байт (или ссылается на него); его результаты учтены один раз.")
        case let .link(problem):
            return (.evidenceUnreadable, "\(path) is a link that \(Self.english(problem)); the result file was not read.",
                              "\(path) — ссылка, которая \(Self.russian(problem)); файл результатов не прочитан.")
        }
    }

    private static func english(_ problem: RepositoryTree.LinkProblem) -> String {
        switch problem {
        case .loop: "loops"
        case .dangling: "points to nothing"
        case .escapesRepository: "leads outside the repository"
        case .alreadyRead: "leads to a folder already read"
        }
    }

    private static func russian(_ problem: RepositoryTree.LinkProblem) -> String {
        switch problem {
        case .loop: "ссылается сама на себя по кругу"
        case .dangling: "ни на что не указывает"
        case .escapesRepository: "ведёт за пределы репозитория"
        case .alreadyRead: "ведёт в уже прочитанную папку"
        }
    }

    private static func english(_ variant: UnreadEvidence.Variant) -> String {
        switch variant {
        case .empty: "the file is empty"
        case let .unsupportedXML(root, format): "it is XML with root <\(root)> (\(format)), a format phasecert does not read"
        case let .unexpectedXML(root): "it is XML with root <\(root)> in neither the JUnit nor the Cobertura shape phasecert reads"
        case .unknown: "its content matches none of the formats phasecert reads"
        }
    }

    private static func russian(_ variant: UnreadEvidence.Variant) -> String {
        switch variant {
        case .empty: "файл пуст"
        case let .unsupportedXML(root, format): "это XML с корнем <\(root)> (\(format)), формат, который phasecert не читает"
        case let .unexpectedXML(root): "это XML с корнем <\(root)>, но не в том виде JUnit или Cobertura, который читает phasecert"
        case .unknown: "его содержимое не подходит ни под один формат, который читает phasecert"
        }
    }
}
