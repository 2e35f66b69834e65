import PhaseModel

extension Claim {
    /// The claim with `judgement` applied. Evidence Scan already attached (`verified`,
    /// `verifiedValue` of a file or commit fact) is kept when the judgement brings none.
    func judged(by judgement: ClaimJudgement) -> Claim {
        var result = self
        result.verdict = judgement.verdict
        result.note = judgement.note
        result.discrepancy = judgement.discrepancy
        if let verified = judgement.verified { result.verified = verified }
        if let value = judgement.verifiedValue { result.verifiedValue = value }
        return result
    }
}
