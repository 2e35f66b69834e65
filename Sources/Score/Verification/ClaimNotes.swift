import PhaseModel

/// Notes shared by several judges.
enum ClaimNotes {
    /// A claim of a numeric kind whose text yielded no number.
    static let noFigure = LocalizedText(
        en: "the text gives no figure to check", ru: "в тексте нет числа, которое можно проверить")

    /// A claim about completion or status that names neither a task nor a phase.
    static let noCompletionScope = LocalizedText(
        en: "completion is measured per task and per phase, and the claim names neither",
        ru: "завершённость измеряется для задач и фаз, а утверждение не относится ни к одной из них")

    /// The completion of `scope` as a percentage: "completion of TN-201 is 66.67%".
    static func completion(_ fraction: Double, of scope: ClaimScopeEvidence) -> LocalizedText {
        ClaimFigure.text { language in
            let value = ClaimFigure.percent(fraction * 100, language)
            return language == .en
                ? "completion of \(scope.name.en) is \(value)"
                : "завершённость \(scope.name.ru) — \(value)"
        }
    }

    /// Why `scope` has no completion to compare with.
    static func noCompletion(_ scope: ClaimScopeEvidence) -> LocalizedText {
        switch scope.scope {
        case .workspace:
            return noCompletionScope
        case .phase(let id):
            return LocalizedText(
                en: "phase \(id) lists no tasks to measure completion by",
                ru: "в фазе \(id) нет задач, по которым можно измерить завершённость")
        case .task(let id):
            return LocalizedText(
                en: "no completion is known for \(id): it has neither checklist items nor a master-list checkbox",
                ru: "завершённость задачи \(id) неизвестна: нет ни пунктов чек-листа, ни отметки в общем списке")
        }
    }
}
