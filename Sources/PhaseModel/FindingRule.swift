/// A rule of the findings catalog: its stable id, default severity and a one-line title.
///
/// The id is what config overrides (`rules:` in phasecert.yml), SARIF and CI scripts refer
/// to, so it never changes once published.
public struct FindingRule: Sendable, Equatable, Hashable {
    public var id: String
    public var severity: Severity
    public var title: LocalizedText

    public init(_ id: String, _ severity: Severity, en: String, ru: String) {
        self.id = id
        self.severity = severity
        self.title = LocalizedText(en: en, ru: ru)
    }

    public static func == (lhs: FindingRule, rhs: FindingRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rule with this id, if the catalog has it.
    public static func named(_ id: String) -> FindingRule? { catalog.first { $0.id == id } }

    /// Rules of findings about evidence that was not read, or not read whole; while one is open, gate
    /// conditions on test results and coverage do not pass (`gate.failOnUnreadEvidence`).
    public static let unreadEvidence: Set<String> = ["evidence.unreadable", "evidence.unrecognised", "evidence.duplicate", "evidence.malformed"]

    /// Rules of the findings claim verdicts raise: what `audit` reports as findings.
    public static let claimVerdicts: Set<String> = ["claim.contradicted", "deliverable.missing", "claim.unverifiable", "report.arithmetic"]

    /// How many files the open unread-evidence findings among `findings` name (a malformed file can
    /// have several findings).
    public static func unreadEvidenceFiles(in findings: [Finding]) -> Int {
        var files = Set<String>()
        for finding in findings where unreadEvidence.contains(finding.rule) { files.insert(finding.file ?? finding.rule) }
        return files.count
    }

    /// Every rule phasecert raises, in catalog order.
    public static let catalog: [FindingRule] = [
        // Evidence of broken work.
        .init("helm.lint-failed", .critical, en: "Helm chart fails lint", ru: "Helm-чарт не проходит lint"),
        .init("helm.render-failed", .critical, en: "Helm chart does not render", ru: "Helm-чарт не рендерится"),
        .init("tests.failing", .critical, en: "Tests fail or error", ru: "Тесты падают или завершаются ошибкой"),
        .init("tests.not-run", .major, en: "Tests defined but no results", ru: "Тесты написаны, но результатов нет"),
        .init("code.stub-marker", .major, en: "Stub marker names the task", ru: "Заглушка в коде ссылается на задачу"),
        .init("checklist.incomplete", .major, en: "Complete task with unchecked items", ru: "Завершённая задача с неотмеченными пунктами"),
        .init("coverage.below-target", .major, en: "Coverage below target", ru: "Покрытие ниже цели"),
        .init("dependency.incomplete", .major, en: "Depends on an incomplete task", ru: "Зависит от незавершённой задачи"),
        .init("deliverable.missing", .major, en: "Named deliverable does not exist", ru: "Заявленный результат не существует"),
        .init("docs.missing", .minor, en: "Required document missing", ru: "Нет обязательного документа"),
        .init("task.no-commits", .minor, en: "Complete task without commits", ru: "Завершённая задача без коммитов"),
        .init("task.deferred-items", .minor, en: "Checklist items deferred", ru: "Пункты чек-листа отложены"),
        // Names and structure.
        .init("naming.noncanonical", .minor, en: "Task folder name not canonical", ru: "Имя папки задачи не каноническое"),
        .init("naming.duplicate-id", .major, en: "Two folders for one task id", ru: "Две папки для одного идентификатора задачи"),
        .init("naming.missing-directory", .info, en: "Listed task has no folder", ru: "У задачи из списка нет папки"),
        .init("naming.no-id", .minor, en: "Folder under the tasks root without a task id", ru: "Папка в каталоге задач без идентификатора задачи"),
        .init("masterlist.duplicate-task", .major, en: "Task listed twice", ru: "Задача указана дважды"),
        .init("masterlist.duplicate-phase", .minor, en: "Phase heading repeated", ru: "Заголовок фазы повторяется"),
        .init("masterlist.missing", .info, en: "No master list", ru: "Нет общего списка задач"),
        .init("task.metadata-invalid", .minor, en: "Task metadata not usable", ru: "Метаданные задачи непригодны"),
        // Claims.
        .init("claim.contradicted", .major, en: "Claim contradicted by evidence", ru: "Утверждение опровергнуто данными"),
        .init("claim.unverifiable", .info, en: "Claim cannot be verified", ru: "Утверждение нельзя проверить"),
        .init("report.arithmetic", .minor, en: "Report arithmetic does not add up", ru: "Арифметика отчёта не сходится"),
        .init("claim.extraction-capped", .major, en: "Item holds too many claims to read", ru: "Во фрагменте слишком много утверждений"),
        // The scan's own inputs.
        .init("git.history-incomplete", .info, en: "Git history shallow or missing", ru: "История git неполная или отсутствует"),
        .init("git.object-unreadable", .minor, en: "Git object unreadable", ru: "Объект git не читается"),
        .init("evidence.malformed", .major, en: "Evidence file malformed", ru: "Файл с данными повреждён"),
        .init("evidence.unreadable", .major, en: "Evidence file not read", ru: "Файл с данными не прочитан"),
        .init("evidence.unrecognised", .major, en: "Result file in a format not read", ru: "Файл результатов в непрочитанном формате"),
        .init("evidence.figure-unreadable", .minor, en: "Figure in a result file not read", ru: "Значение в файле результатов не прочитано"),
        .init("evidence.duplicate", .major, en: "Result file repeats another", ru: "Файл результатов повторяет другой"),
        .init("evidence.test-source-unreadable", .minor, en: "Test source unreadable", ru: "Исходный код тестов не читается"),
        .init("tests.unlinked", .info, en: "Test results linked to no task", ru: "Результаты тестов не связаны с задачами"),
        .init("helm.run-failed", .major, en: "Helm could not be run", ru: "Не удалось запустить helm"),
        .init("scan.unreadable", .minor, en: "File unreadable", ru: "Файл не читается"),
        .init("scan.invalid-utf8", .info, en: "File not valid UTF-8", ru: "Файл не в корректном UTF-8"),
        .init("scan.link-skipped", .info, en: "Symbolic link skipped", ru: "Символическая ссылка пропущена"),
    ]
}
