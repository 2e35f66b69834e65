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
                    LocalizedText(message: "note.completion.no-items", ["task": .text(id)]))
            }
            return .unverifiable(ClaimNotes.noCompletion(scope))
        }
        if let other = Self.otherSet(counting: total, scope: scope, tolerance: tolerance) {
            return .unverifiable(other)
        }
        let arguments: [String: MessageArgument] = [
            "done": .localized(ClaimFigure.text { ClaimFigure.number(progress.done, $0) }),
            "all": .localized(ClaimFigure.text { ClaimFigure.number(progress.total, $0) }),
        ]
        let note =
            switch scope.scope {
            case .task(let id): LocalizedText(message: "note.completion.checklist", arguments.merging(["task": .text(id)]) { $1 })
            case .phase(let id): LocalizedText(message: "note.completion.tasks.phase", arguments.merging(["phase": .text(id)]) { $1 })
            case .workspace: LocalizedText(message: "note.completion.tasks.workspace", arguments)
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
        let arguments: [String: MessageArgument] = [
            "counted": .localized(ClaimFigure.text { ClaimFigure.number(total, $0) }),
            "all": .localized(ClaimFigure.text { ClaimFigure.number(progress.total, $0) }), "reason": .localized(otherSetReason),
        ]
        return switch scope.scope {
        case .task(let id): LocalizedText(message: "note.completion.other-set.checklist", arguments.merging(["task": .text(id)]) { $1 })
        case .phase(let id): LocalizedText(message: "note.completion.other-set.phase", arguments.merging(["phase": .text(id)]) { $1 })
        case .workspace: LocalizedText(message: "note.completion.other-set.workspace", arguments)
        }
    }

    private static let otherSetReason = LocalizedText(message: "note.completion.other-set")
}
