import PhaseModel

/// Judges a commit id named in a report by the history fact Scan resolved: 1 found (verified);
/// 0 not in the history and none (no history to look in) are unverifiable. A report written on a
/// branch names the branch's commits, which a squash merge or a rebase replaces: an id missing
/// from the history says nothing about whether the work was done.
struct CommitRefJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.commitRef]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        let prefix = claim.claimedValue ?? claim.text
        switch claim.verified {
        case 1?:
            let full = claim.verifiedValue ?? prefix
            return .verified(
                LocalizedText(message: "note.commit-ref.found", ["prefix": .text(prefix), "full": .text(full)]))
        case 0?:
            return .unverifiable(
                LocalizedText(message: "note.commit-ref.not-found", ["prefix": .text(prefix)]))
        default:
            return .unverifiable(
                LocalizedText(message: "note.commit-ref.no-history", ["prefix": .text(prefix)]))
        }
    }
}
