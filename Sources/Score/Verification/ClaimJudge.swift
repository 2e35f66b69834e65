import PhaseModel

/// Decides the verdict of claims of some kinds. One conformance per family of kinds, each in
/// its own file, registered in `ClaimVerifier.judges`.
protocol ClaimJudge: Sendable {
    /// The kinds this judge decides.
    var kinds: Set<ClaimKind> { get }
    /// Whether the verdict depends on the evidence of the claim's task or phase, so a claim
    /// naming a task or phase the workspace does not have cannot be judged.
    var usesScope: Bool { get }
    /// The verdict for `claim`, which is of one of `kinds` and consistent in itself.
    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement
}

/// What a judge compares a claim with: the evidence of its scope and the tolerances.
struct ClaimContext: Sendable {
    var scope: ClaimScopeEvidence
    var tolerance: ClaimTolerance
    /// The totals (`m`) of the `n/m` completions written on the claim's line: what a completion
    /// percent beside them (`95% (14/15)`) is a percentage of.
    var lineTotals: [Double] = []
}

/// A verdict with the figures and the note that explain it.
struct ClaimJudgement: Sendable, Equatable {
    /// `nil`: not judged, with the reason in `note`.
    var verdict: Verdict?
    /// The evidence's figure; `nil` keeps what the claim already carries.
    var verified: Double?
    /// The evidence's value when it is not a number; `nil` keeps what the claim carries.
    var verifiedValue: String?
    var discrepancy: Double?
    var note: LocalizedText

    /// Not a claim of this kind's fact at all (an estimate, a plan): no verdict, and the note says why.
    static func notJudged(_ note: LocalizedText) -> ClaimJudgement {
        ClaimJudgement(verdict: nil, verified: nil, verifiedValue: nil, discrepancy: nil, note: note)
    }

    /// Within tolerance of `evidence`.
    static func verified(_ note: LocalizedText, evidence: Double? = nil, value: String? = nil) -> ClaimJudgement {
        ClaimJudgement(verdict: .verified, verified: evidence, verifiedValue: value, discrepancy: nil, note: note)
    }

    /// The evidence says otherwise: `discrepancy = evidence − claimed` when both are numbers.
    static func contradicted(
        _ claimed: Double?, evidence: Double?, value: String? = nil, note: LocalizedText
    ) -> ClaimJudgement {
        let discrepancy = claimed.flatMap { claimed in evidence.map { $0 - claimed } }
        return ClaimJudgement(
            verdict: .contradicted, verified: evidence, verifiedValue: value, discrepancy: discrepancy, note: note)
    }

    /// The document contradicts itself: `discrepancy = expected − claimed` when both are numbers.
    static func inconsistent(_ claimed: Double?, expected: Double?, note: LocalizedText) -> ClaimJudgement {
        let discrepancy = claimed.flatMap { claimed in expected.map { $0 - claimed } }
        return ClaimJudgement(verdict: .inconsistent, verified: nil, verifiedValue: nil, discrepancy: discrepancy, note: note)
    }

    /// No evidence to compare with; never counted as verified.
    static func unverifiable(_ note: LocalizedText) -> ClaimJudgement {
        ClaimJudgement(verdict: .unverifiable, verified: nil, verifiedValue: nil, discrepancy: nil, note: note)
    }
}
