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
                LocalizedText(en: "commit \(prefix) is \(full) in the history", ru: "коммит \(prefix) найден в истории: \(full)"))
        case 0?:
            return .unverifiable(
                LocalizedText(
                    en: "no commit in the history starts with \(prefix); it may have been squashed or rebased away, or never pushed",
                    ru: "в истории нет коммита, начинающегося с \(prefix); он мог быть объединён при слиянии, перебазирован или не отправлен"))
        default:
            return .unverifiable(
                LocalizedText(
                    en: "there is no git history to look commit \(prefix) up in",
                    ru: "нет истории git, в которой можно найти коммит \(prefix)"))
        }
    }
}
