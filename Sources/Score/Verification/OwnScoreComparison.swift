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
            own = (LocalizedText(message: "note.scope.task", ["task": .text(id)]), task?.quality, task?.grade)
        } else if let id = claim.phase {
            let phase = workspace.phase(id)
            own = (LocalizedText(message: "note.scope.phase", ["phase": .text(id)]), phase?.quality, phase?.grade)
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
        var arguments: [String: MessageArgument] = ["aside": .localized(LocalizedText(message: "note.own-score.aside"))]
        guard let own else { return LocalizedText(message: "note.own-score.no-scope", arguments) }
        arguments["scope"] = .localized(own.scope)
        guard let quality = own.quality else { return LocalizedText(message: "note.own-score.no-quality", arguments) }
        arguments["value"] = .localized(ClaimFigure.text { ClaimFigure.percent(quality, $0) })
        arguments["grade"] = .localized(own.grade.map { LocalizedText(message: "note.own-score.grade", ["grade": .text($0)]) } ?? .empty)
        return LocalizedText(message: "note.own-score.quality", arguments)
    }
}
