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

    /// Why "done" cannot be judged against a checklist with nothing ticked at all: an untouched
    /// checklist more often means it was not kept than that nothing was done, so it neither
    /// confirms nor refutes the claim. A checklist with some items ticked is kept, and is judged.
    /// `nil` when something is ticked.
    static func nothingTicked(_ scope: ClaimScopeEvidence) -> LocalizedText? {
        guard scope.completion == 0 else { return nil }
        guard let first = scope.firstCommit, let last = scope.lastCommit else {
            return LocalizedText(
                en: "nothing of \(scope.name.en) is ticked and no commit names it: the checklist may not have been kept, so it neither confirms nor refutes this",
                ru: "для \(scope.name.ru) ничего не отмечено и ни один коммит её не называет: чек-лист, возможно, не вели, и он не подтверждает и не опровергает это")
        }
        return LocalizedText(
            en: "nothing of \(scope.name.en) is ticked, yet it has commits from \(first) to \(last): the checklist may not have been kept, so it neither confirms nor refutes this",
            ru: "для \(scope.name.ru) ничего не отмечено, но есть коммиты с \(first) по \(last): чек-лист, возможно, не вели, и он не подтверждает и не опровергает это")
    }
}
