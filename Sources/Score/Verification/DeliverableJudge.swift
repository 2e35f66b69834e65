import PhaseModel

/// Judges a path named as a deliverable by the file fact Scan resolved: 1 exists (verified),
/// 0 missing (contradicted, raising `deliverable.missing`), none (unverifiable).
struct DeliverableJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.deliverable]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        let path = claim.subject ?? claim.text
        switch claim.verified {
        case 1?:
            let found = claim.verifiedValue ?? path
            return .verified(
                LocalizedText(en: "\(found) exists in the work tree", ru: "файл \(found) есть в рабочем дереве"))
        case 0?:
            return .contradicted(
                claim.claimed, evidence: 0,
                note: LocalizedText(en: "\(path) does not exist in the work tree", ru: "файла \(path) нет в рабочем дереве"))
        default:
            return .unverifiable(
                LocalizedText(
                    en: "\(path) could not be matched to a path in the work tree",
                    ru: "путь \(path) не удалось сопоставить с рабочим деревом"))
        }
    }
}
