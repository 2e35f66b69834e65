import PhaseModel

/// Judges coverage percentages against the line coverage of the scope, within
/// `percentTolerance` points (plus the rounding of the written precision).
struct CoverageJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.coverage]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        let scope = context.scope
        guard let coverage = scope.coverage, let percent = coverage.percent else {
            return .unverifiable(
                LocalizedText(message: "note.coverage.no-report", ["scope": .localized(scope.name)]))
        }
        let note = LocalizedText(
            message: "note.coverage.lines",
            [
                "scope": .localized(scope.name),
                "value": .localized(ClaimFigure.text { ClaimFigure.percent(percent, $0) }),
                "hit": .localized(ClaimFigure.text { ClaimFigure.number(Double(coverage.linesHit), $0) }),
                "found": .localized(ClaimFigure.text { ClaimFigure.number(Double(coverage.linesFound), $0) }),
            ])
        guard context.tolerance.accepts(claimed, against: percent, as: .percent) else {
            return .contradicted(claimed, evidence: percent, note: note)
        }
        return .verified(note, evidence: percent)
    }
}
