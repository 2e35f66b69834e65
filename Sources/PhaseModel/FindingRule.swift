/// A rule of the findings catalog: its stable id, default severity and a one-line title.
///
/// The id is what config overrides (`rules:` in phasecert.yml), SARIF and CI scripts refer
/// to, so it never changes once published.
public struct FindingRule: Sendable, Equatable, Hashable {
    public var id: FindingRuleID
    public var severity: Severity
    public var title: LocalizedText

    public init(_ id: FindingRuleID, _ severity: Severity, en: String, ru: String) {
        self.id = id
        self.severity = severity
        self.title = LocalizedText(en: en, ru: ru)
    }

    public static func == (lhs: FindingRule, rhs: FindingRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rule with this id, if the catalog has it.
    public static func named(_ id: FindingRuleID) -> FindingRule? { catalog.first { $0.id == id } }

    /// Rules of findings about evidence that was not read, or not read whole; while one is open, gate
    /// conditions on test results and coverage do not pass (`gate.failOnUnreadEvidence`).
    public static let unreadEvidence: Set<FindingRuleID> = [.evidenceUnreadable, .evidenceUnrecognised, .evidenceDuplicate, .evidenceMalformed]

    /// Rules of the findings claim verdicts raise: what `audit` reports as findings.
    public static let claimVerdicts: Set<FindingRuleID> = [.claimContradicted, .deliverableMissing, .claimUnverifiable, .reportArithmetic]

    /// How many files the open unread-evidence findings among `findings` name (a malformed file can
    /// have several findings).
    public static func unreadEvidenceFiles(in findings: [Finding]) -> Int {
        var files = Set<String>()
        for finding in findings where unreadEvidence.contains(finding.rule) { files.insert(finding.file ?? finding.rule.rawValue) }
        return files.count
    }

    /// Every rule phasecert raises, in catalog order.
    public static let catalog: [FindingRule] = [
        // Evidence of broken work.
        .init(.helmLintFailed, .critical, en: "Helm chart fails lint", ru: "Helm-чарт не проходит lint"),
        .init(.helmRenderFailed, .critical, en: "Helm chart does not render", ru: "Helm-чарт не рендерится"),
        .init(.testsFailing, .critical, en: "Tests fail or error", ru: "Тесты падают или завершаются ошибкой"),
        .init(.testsNotRun, .major, en: "Tests defined but no results", ru: "Тесты написаны, но результатов нет"),
        .init(.codeStubMarker, .major, en: "Stub marker names the task", ru: "Заглушка в коде ссылается на задачу"),
        .init(.checklistIncomplete, .major, en: "Complete task with unchecked items", ru: "Завершённая задача с неотмеченными пунктами"),
        .init(.coverageBelowTarget, .major, en: "Coverage below target", ru: "Покрытие ниже цели"),
        .init(.dependencyIncomplete, .major, en: "Depends on an incomplete task", ru: "Зависит от незавершённой задачи"),
        .init(.deliverableMissing, .major, en: "Named deliverable does not exist", ru: "Заявленный результат не существует"),
        .init(.docsMissing, .minor, en: "Required document missing", ru: "Нет обязательного документа"),
        .init(.taskNoCommits, .minor, en: "Complete task without commits", ru: "Завершённая задача без коммитов"),
        .init(.taskDeferredItems, .minor, en: "Checklist items deferred", ru: "Пункты чек-листа отложены"),
        // Names and structure.
        .init(.namingNoncanonical, .minor, en: "Task folder name not canonical", ru: "Имя папки задачи не каноническое"),
        .init(.namingDuplicateID, .major, en: "Two folders for one task id", ru: "Две папки для одного идентификатора задачи"),
        .init(.namingMissingDirectory, .info, en: "Listed task has no folder", ru: "У задачи из списка нет папки"),
        .init(.namingNoID, .minor, en: "Folder under the tasks root without a task id", ru: "Папка в каталоге задач без идентификатора задачи"),
        .init(.masterlistDuplicateTask, .major, en: "Task listed twice", ru: "Задача указана дважды"),
        .init(.masterlistDuplicatePhase, .minor, en: "Phase heading repeated", ru: "Заголовок фазы повторяется"),
        .init(.masterlistMissing, .info, en: "No master list", ru: "Нет общего списка задач"),
        .init(.taskMetadataInvalid, .minor, en: "Task metadata not usable", ru: "Метаданные задачи непригодны"),
        // Claims.
        .init(.claimContradicted, .major, en: "Claim contradicted by evidence", ru: "Утверждение опровергнуто данными"),
        .init(.claimUnverifiable, .info, en: "Claim cannot be verified", ru: "Утверждение нельзя проверить"),
        .init(.reportArithmetic, .minor, en: "Report arithmetic does not add up", ru: "Арифметика отчёта не сходится"),
        .init(.claimExtractionCapped, .major, en: "Item holds too many claims to read", ru: "Во фрагменте слишком много утверждений"),
        // The scan's own inputs.
        .init(.gitHistoryIncomplete, .info, en: "Git history shallow or missing", ru: "История git неполная или отсутствует"),
        .init(.gitObjectUnreadable, .minor, en: "Git object unreadable", ru: "Объект git не читается"),
        .init(.evidenceMalformed, .major, en: "Evidence file malformed", ru: "Файл с данными повреждён"),
        .init(.evidenceUnreadable, .major, en: "Evidence file not read", ru: "Файл с данными не прочитан"),
        .init(.evidenceUnrecognised, .major, en: "Result file in a format not read", ru: "Файл результатов в непрочитанном формате"),
        .init(.evidenceFigureUnreadable, .minor, en: "Figure in a result file not read", ru: "Значение в файле результатов не прочитано"),
        .init(.evidenceDuplicate, .major, en: "Result file repeats another", ru: "Файл результатов повторяет другой"),
        .init(.evidenceTestSourceUnreadable, .minor, en: "Test source unreadable", ru: "Исходный код тестов не читается"),
        .init(.testsUnlinked, .info, en: "Test results linked to no task", ru: "Результаты тестов не связаны с задачами"),
        .init(.helmRunFailed, .major, en: "Helm could not be run", ru: "Не удалось запустить helm"),
        .init(.scanUnreadable, .minor, en: "File unreadable", ru: "Файл не читается"),
        .init(.scanInvalidUTF8, .info, en: "File not valid UTF-8", ru: "Файл не в корректном UTF-8"),
        .init(.scanLinkSkipped, .info, en: "Symbolic link skipped", ru: "Символическая ссылка пропущена"),
    ]
}
