import PhaseModel

/// `coverage.below-target`: a task whose line coverage is under its target.
///
/// The target is the task's own declared `coverage` target when it has one, else
/// `quality.coverageTarget`; coverage equal to the target meets it.
enum CoverageRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        context.workspace.tasks.compactMap { task in
            guard let coverage = task.coverage, let percent = coverage.percent else { return nil }
            let declared = task.metadata?.targets["coverage"]
            let target = declared ?? context.configuration.quality.coverageTarget
            guard percent < target else { return nil }
            let shown = RuleText.percent(percent, against: target)
            let goal = RuleText.percent(target, against: target)
            let whoseEn = declared == nil ? "the configured target" : "its declared target"
            let whoseRu = declared == nil ? "заданной в настройках цели" : "заявленной цели задачи"
            return .rule(
                .coverageBelowTarget, task: task, at: declared == nil ? nil : task.metadata?.source,
                message: LocalizedText(
                    en: "Line coverage of \(task.id) is \(shown.en)%, below \(whoseEn) of \(goal.en)%"
                        + " (lines hit: \(coverage.linesHit) of \(coverage.linesFound), files: \(coverage.files)).",
                    ru: "Покрытие строк задачи \(task.id) — \(shown.ru)\u{00A0}%, ниже \(whoseRu) \(goal.ru)\u{00A0}%"
                        + " (покрыто строк: \(coverage.linesHit) из \(coverage.linesFound), файлов: \(coverage.files))."),
                remediation: LocalizedText(
                    en: "Add tests for the uncovered lines of the files \(task.id) changed, or lower its coverage target if the target is wrong.",
                    ru: "Добавьте тесты на непокрытые строки файлов, изменённых задачей \(task.id), или снизьте её цель по покрытию, если цель неверна."))
        }
    }
}
