import PhaseModel

/// Judges completion claims against the scope's completion (docs/design/scoring.md#completion).
///
/// A percentage is compared with the completion percentage, within `percentTolerance`. An
/// `n/m` is compared part by part: `n` with what is done (a phase's summed task completions,
/// a task's checked items) and `m` with the total (the phase's tasks, the task's items),
/// each within `countTolerance`. The workspace has no completion of its own. A completion above
/// zero against a checklist with nothing ticked at all is unverifiable
/// (`ClaimNotes.nothingTicked`).
struct CompletionJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.completion]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        let scope = context.scope
        if claimed > 0, let unticked = ClaimNotes.nothingTicked(scope) { return .unverifiable(unticked) }
        if let total = claim.denominator, claim.isCountedCompletion {
            return counted(claimed, of: total, scope: scope, tolerance: context.tolerance)
        }
        // `95% (14/15)`: a percent of fifteen tasks is not the completion of a scope of two.
        if claim.expected != nil, let other = context.lineTotals.lazy.compactMap({
            Self.otherSet(counting: $0, scope: scope, tolerance: context.tolerance)
        }).first {
            return .unverifiable(other)
        }
        guard let completion = scope.completion else { return .unverifiable(ClaimNotes.noCompletion(scope)) }
        let percent = completion * 100
        let note = ClaimNotes.completion(completion, of: scope)
        guard context.tolerance.accepts(claimed, against: percent, as: .percent) else {
            return .contradicted(claimed, evidence: percent, note: note)
        }
        return .verified(note, evidence: percent)
    }

    private func counted(
        _ claimed: Double, of total: Double, scope: ClaimScopeEvidence, tolerance: ClaimTolerance
    ) -> ClaimJudgement {
        guard let progress = scope.progress else {
            if case .task(let id) = scope.scope, scope.completion != nil {
                return .unverifiable(
                    LocalizedText(
                        en: "\(id) has no checklist items to count",
                        ru: "у задачи \(id) нет пунктов чек-листа, которые можно посчитать"))
            }
            return .unverifiable(ClaimNotes.noCompletion(scope))
        }
        if let other = Self.otherSet(counting: total, scope: scope, tolerance: tolerance) {
            return .unverifiable(other)
        }
        let note = ClaimFigure.text { language in
            let done = ClaimFigure.number(progress.done, language)
            let all = ClaimFigure.number(progress.total, language)
            switch (scope.scope, language) {
            case (.task(let id), .en): return "the checklist of \(id) has \(done) of \(all) items checked"
            case (.task(let id), .ru): return "в чек-листе задачи \(id) отмечено пунктов: \(done) из \(all)"
            case (_, .en): return "\(done) of \(all) tasks of \(scope.name.en) are done"
            case (.phase(let id), .ru): return "в фазе \(id) выполнено задач: \(done) из \(all)"
            case (.workspace, .ru): return "в репозитории выполнено задач: \(done) из \(all)"
            }
        }
        let holds =
            tolerance.accepts(claimed, against: progress.done, as: .count)
            && tolerance.accepts(total, against: progress.total, as: .count)
        guard holds else { return .contradicted(claimed, evidence: progress.done, note: note) }
        return .verified(note, evidence: progress.done)
    }

    /// Why an `n/m` whose `m` is not the number of the scope's tasks (or its checklist's items)
    /// speaks of another set — an older plan, another feature, a part — and cannot be held to the
    /// scope's progress; `nil` when `m` is that number.
    static func otherSet(counting total: Double, scope: ClaimScopeEvidence, tolerance: ClaimTolerance) -> LocalizedText? {
        guard let progress = scope.progress, !tolerance.accepts(total, against: progress.total, as: .count) else {
            return nil
        }
        return ClaimFigure.text { language in
            let counted = ClaimFigure.number(total, language)
            let all = ClaimFigure.number(progress.total, language)
            switch (scope.scope, language) {
            case (.task(let id), .en):
                return "the figure counts \(counted) items, and the checklist of \(id) has \(all): it speaks of another set"
            case (.task(let id), .ru):
                return "число считает \(counted) пунктов, а в чек-листе задачи \(id) их \(all): речь о другом наборе"
            case (_, .en):
                return "the figure counts \(counted) tasks, and \(scope.name.en) has \(all): \(otherSetReason.en)"
            case (.phase(let id), .ru):
                return "число считает \(counted) задач, а в фазе \(id) их \(all): \(otherSetReason.ru)"
            case (.workspace, .ru):
                return "число считает \(counted) задач, а в репозитории их \(all): \(otherSetReason.ru)"
            }
        }
    }

    private static let otherSetReason = LocalizedText(
        en: "it speaks of another set (an older plan, another feature or a part)",
        ru: "речь о другом наборе (прежний план, другая функция или часть)")
}
