import PhaseModel

/// Judges status words ("COMPLETED", "in progress", "blocked") against completion: done
/// holds exactly when the scope's completion is 1, in progress and blocked when it is below 1.
/// "Done" against a checklist with nothing ticked at all is unverifiable
/// (`ClaimNotes.nothingTicked`).
struct StatusJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.status]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        if claim.subject == Claim.stepStatusSubject {
            return .notJudged(
                LocalizedText(message: "note.status.of-a-part"))
        }
        guard let saysDone = Self.saysDone(claim) else { return .unverifiable(ClaimNotes.noFigure) }
        let scope = context.scope
        guard let completion = scope.completion else { return .unverifiable(ClaimNotes.noCompletion(scope)) }
        if saysDone, let unticked = ClaimNotes.nothingTicked(scope) { return .unverifiable(unticked) }
        let isDone = completion >= 1 - ClaimTolerance.epsilon
        let note = ClaimNotes.completion(completion, of: scope)
        guard saysDone == isDone else {
            return .contradicted(claim.claimed ?? (saysDone ? 1 : 0), evidence: completion, note: note)
        }
        return .verified(note, evidence: completion)
    }

    /// Whether the claim says done: its number when it has one, else its status word.
    static func saysDone(_ claim: Claim) -> Bool? {
        if let claimed = claim.claimed { return claimed >= 1 }
        switch claim.claimedValue?.lowercased() {
        case "done"?: return true
        case "in-progress"?, "blocked"?: return false
        default: return nil
        }
    }
}
