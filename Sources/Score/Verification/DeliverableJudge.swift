import PhaseModel

/// Judges a path named as a deliverable by the file fact Scan resolved: 1 exists (verified) in
/// the work tree or, for a file removed since, at a commit that changed the document; 0 missing
/// (contradicted, raising `deliverable.missing`), none (unverifiable).
struct DeliverableJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.deliverable]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        let path = claim.subject ?? claim.text
        switch claim.verified {
        case 1? where claim.evidenceBasis?.kind == .ambiguousPath:
            return .verified(
                LocalizedText(
                    en: "several files of the work tree end with \(path); one of them exists whichever is meant",
                    ru: "путём \(path) оканчиваются несколько файлов рабочего дерева; какой бы ни имелся в виду, он есть"))
        case 1?:
            let found = claim.verifiedValue ?? path
            if let basis = claim.evidenceBasis, basis.kind == .documentCommit, let commit = basis.commit.map({ String($0.prefix(7)) }) {
                return .verified(
                    LocalizedText(
                        en: "\(found) existed at commit \(commit), which changed the document; it is gone from the work tree since",
                        ru: "файл \(found) был на коммите \(commit), который менял документ; из рабочего дерева он с тех пор удалён"))
            }
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
