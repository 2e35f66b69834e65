import PhaseModel

/// Puts phasecert's own quality and grade beside the quality and grade claims of other
/// scoring models, without judging them (docs/design/claims-and-verdicts.md#other-scoring-models).
enum OwnScoreComparison {
    /// `claim` with phasecert's figures for its task, else its phase; unchanged unless it is
    /// a quality or grade claim. The verdict is always left `nil`.
    static func compared(_ claim: Claim, in workspace: Workspace) -> Claim {
        guard claim.kind.isOtherModel else { return claim }
        var result = claim
        result.verdict = nil
        result.discrepancy = nil
        let own: (scope: LocalizedText, quality: Double?, grade: String?)?
        if let id = claim.task {
            let task = workspace.task(id)
            own = (LocalizedText(en: id, ru: "задачи \(id)"), task?.quality, task?.grade)
        } else if let id = claim.phase {
            let phase = workspace.phase(id)
            own = (LocalizedText(en: "phase \(id)", ru: "фазы \(id)"), phase?.quality, phase?.grade)
        } else {
            own = nil
        }
        // Both of phasecert's figures stand beside either kind: a grade claim is read with the
        // quality behind phasecert's grade, a quality claim with the grade it earns.
        result.verified = own?.quality
        result.verifiedValue = own?.grade
        result.note = note(own)
        return result
    }

    private static func note(_ own: (scope: LocalizedText, quality: Double?, grade: String?)?) -> LocalizedText {
        let aside = LocalizedText(
            en: "shown beside phasecert's figure, not judged", ru: "показано рядом с оценкой phasecert, без сравнения")
        guard let own else {
            return LocalizedText(
                en: "phasecert scores tasks and phases, and the claim names neither; \(aside.en)",
                ru: "phasecert оценивает задачи и фазы, а утверждение не относится ни к одной из них; \(aside.ru)")
        }
        guard let quality = own.quality else {
            return LocalizedText(
                en: "phasecert has no quality for \(own.scope.en), as no sub-score has evidence; \(aside.en)",
                ru: "у phasecert нет оценки качества \(own.scope.ru): ни для одной составляющей нет данных; \(aside.ru)")
        }
        return ClaimFigure.text { language in
            let value = ClaimFigure.percent(quality, language)
            switch language {
            case .en:
                let grade = own.grade.map { " (grade \($0))" } ?? ""
                return "phasecert's quality for \(own.scope.en) is \(value)\(grade); \(aside.en)"
            case .ru:
                let grade = own.grade.map { " (оценка \($0))" } ?? ""
                return "качество \(own.scope.ru) по phasecert — \(value)\(grade); \(aside.ru)"
            }
        }
    }
}
