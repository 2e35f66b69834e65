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
                LocalizedText(
                    en: "no coverage report covers the files of \(scope.name.en)",
                    ru: "ни один отчёт о покрытии не охватывает файлы \(scope.name.ru)"))
        }
        let note = ClaimFigure.text { language in
            let value = ClaimFigure.percent(percent, language)
            let hit = ClaimFigure.number(Double(coverage.linesHit), language)
            let found = ClaimFigure.number(Double(coverage.linesFound), language)
            return language == .en
                ? "line coverage of \(scope.name.en) is \(value) (\(hit) of \(found) lines)"
                : "покрытие строк \(scope.name.ru) — \(value) (строк покрыто: \(hit) из \(found))"
        }
        guard context.tolerance.accepts(claimed, against: percent, as: .percent) else {
            return .contradicted(claimed, evidence: percent, note: note)
        }
        return .verified(note, evidence: percent)
    }
}
