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
                LocalizedText(message: "note.deliverable.ambiguous", ["path": .text(path)]))
        case 1?:
            let found = claim.verifiedValue ?? path
            if let basis = claim.evidenceBasis, basis.kind == .documentCommit, let commit = basis.commit.map({ String($0.prefix(7)) }) {
                return .verified(
                    LocalizedText(message: "note.deliverable.existed", ["path": .text(found), "commit": .text(commit)]))
            }
            return .verified(
                LocalizedText(message: "note.deliverable.exists", ["path": .text(found)]))
        case 0?:
            return .contradicted(
                claim.claimed, evidence: 0,
                note: LocalizedText(message: "note.deliverable.missing", ["path": .text(path)]))
        default:
            return .unverifiable(
                LocalizedText(message: "note.deliverable.unmatched", ["path": .text(path)]))
        }
    }
}
