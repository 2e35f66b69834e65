import PhaseModel

extension Claim {
    /// A completion written as `n/m` rather than as a percentage. A percentage written beside
    /// `n/m` carries `expected`, so it is the percentage that is judged.
    var isCountedCompletion: Bool { kind == .completion && denominator != nil && expected == nil }

    /// Whether the claimed figure is written with `%` in the claim's text (an average of a
    /// column of percentages, say), which decides the tolerance it is judged with.
    var isWrittenAsPercent: Bool {
        guard let claimed else { return false }
        return ClaimNumberScanner.numbers(in: text).contains {
            $0.isPercent && ($0.value - claimed).magnitude < 1e-9
        }
    }

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
