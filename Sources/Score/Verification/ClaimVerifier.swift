import PhaseModel

/// Judges every claim against the evidence and the document it stands in (docs/design/claims-and-verdicts.md#judging-order).
///
/// Each claim is first checked against the document's own figures (`expected`); one that
/// disagrees with them is **inconsistent** whatever the evidence says. Otherwise the judge
/// for its kind compares it with the evidence of its task, else its phase, else the whole
/// workspace. Quality percentages and grades belong to other scoring models: they are never
/// judged, and `compareWithOwnScores` puts phasecert's own figure beside them.
public struct ClaimVerifier: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The judges, one per family of kinds; a kind no judge lists is left unjudged.
    static let judges: [any ClaimJudge] = [
        DocumentArithmeticJudge(), TestCountJudge(), CoverageJudge(), CompletionJudge(), StatusJudge(),
        LineCountJudge(), DeliverableJudge(), CommitRefJudge(), DateJudge(), DurationJudge(),
    ]

    /// The claims with verdicts, and the findings the verdicts raise.
    ///
    /// Claims keep their order, and findings follow it: one per contradicted, inconsistent or
    /// unverifiable claim, or one for a group of claims with one cause (`SharedCauseFindings`).
    /// Quality and grade claims come back with no verdict.
    ///
    /// With `positions` (ascending), only the claims there are judged and raise findings; the
    /// others come back as they were. A claim's verdict depends on it, its document's line and the
    /// workspace, and a group of claims with one cause shares task and phase, so leaving claims
    /// out changes nothing of the verdicts and findings of the rest.
    public func verify(_ workspace: Workspace, judging positions: [Int]? = nil) -> (claims: [Claim], findings: [Finding]) {
        let (judged, findings) = verdicts(workspace, judging: positions)
        guard let positions else { return (judged, findings) }
        var claims = workspace.claims
        for (position, claim) in zip(positions, judged) { claims[position] = claim }
        return (claims, findings)
    }

    /// The claims at `positions` (every claim when `nil`) judged, in that order, and the findings
    /// `verify` raises: what a caller holding the only copy of the claims puts back in place.
    public func verdicts(_ workspace: Workspace, judging positions: [Int]? = nil) -> (judged: [Claim], findings: [Finding]) {
        let tolerance = ClaimTolerance(configuration.claims)
        let totals = Self.completionTotalsByLine(workspace.claims)
        // Each claim is judged on its own evidence, so the claims are judged on every core.
        let judged = (positions.map { $0.map { workspace.claims[$0] } } ?? workspace.claims).concurrentMap { claim in
            self.judged(claim, in: workspace, tolerance: tolerance, lineTotals: totals[claim.source] ?? [])
        }
        return (judged, SharedCauseFindings.findings(for: judged))
    }

    /// Quality and grade claims with phasecert's own figure beside them; run after scoring.
    ///
    /// Sets `verified` to phasecert's quality and `verifiedValue` to its grade for the claim's
    /// task, else its phase, with a note saying the figures are shown side by side and not
    /// judged; the verdict stays `nil`. Other claims are returned unchanged.
    /// With `positions`, only the claims there are compared.
    public static func compareWithOwnScores(_ claims: [Claim], in workspace: Workspace, at positions: [Int]? = nil) -> [Claim] {
        // Only quality and grade claims change: the others are not copied, and without any the
        // claims come back as they came.
        var result = claims
        for (position, claim) in ownScoreComparisons(claims, in: workspace, at: positions) { result[position] = claim }
        return result
    }

    /// The quality and grade claims among `claims` (at `positions`, when given) compared as
    /// `compareWithOwnScores` compares them, by position: to be put in place by a caller that
    /// holds the only copy of the claims.
    public static func ownScoreComparisons(
        _ claims: [Claim], in workspace: Workspace, at positions: [Int]? = nil
    ) -> [(position: Int, claim: Claim)] {
        (positions ?? Array(claims.indices)).compactMap { position in
            claims[position].kind.isOtherModel ? (position, OwnScoreComparison.compared(claims[position], in: workspace)) : nil
        }
    }

    /// The totals of the `n/m` completions of each line that writes one beside a completion
    /// percent, for `ClaimContext.lineTotals`.
    static func completionTotalsByLine(_ claims: [Claim]) -> [Provenance: [Double]] {
        var totals: [Provenance: [Double]] = [:]
        for claim in claims where claim.isCountedCompletion {
            if let total = claim.denominator { totals[claim.source, default: []].append(total) }
        }
        return totals
    }

    /// `claim` with its verdict, figures and note.
    func judged(
        _ claim: Claim, in workspace: Workspace, tolerance: ClaimTolerance, lineTotals: [Double] = []
    ) -> Claim {
        guard !claim.kind.isOtherModel else {
            var untouched = claim
            untouched.verdict = nil
            return untouched
        }
        if let judgement = DocumentArithmeticJudge().consistency(of: claim, tolerance: tolerance),
            judgement.verdict == .inconsistent
        {
            return claim.judged(by: judgement)
        }
        guard let judge = Self.judges.first(where: { $0.kinds.contains(claim.kind) }) else { return claim }
        let scope = ClaimScopeEvidence(for: claim, in: workspace)
        if judge.usesScope && !scope.exists {
            return claim.judged(by: .unverifiable(scope.missingNote))
        }
        let context = ClaimContext(scope: scope, tolerance: tolerance, lineTotals: lineTotals)
        return claim.judged(by: judge.judge(claim, in: context))
    }
}
