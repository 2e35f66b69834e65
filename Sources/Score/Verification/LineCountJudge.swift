import PhaseModel

/// Judges lines-of-code claims against the lines Scan counted in the file (or files) named:
/// verified when `|claimed − counted| ≤ locTolerance × counted`.
struct LineCountJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.loc]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        let named = claim.subject.map { LocalizedText(en: $0, ru: $0) }
        guard let counted = claim.verified else {
            return .unverifiable(
                LocalizedText(
                    en: "\(named?.en ?? "the file named") was not found in the work tree, so its lines cannot be counted",
                    ru: named.map { "файл \($0.ru) не найден в рабочем дереве, и его строки не посчитать" }
                        ?? "названный файл не найден в рабочем дереве, и его строки не посчитать"))
        }
        let note = ClaimFigure.text { language in
            let lines = ClaimFigure.number(counted, language)
            switch language {
            case .en: return "\(named?.en ?? "the file named") has \(lines) lines"
            case .ru: return named.map { "строк в \($0.ru): \(lines)" } ?? "строк в названном файле: \(lines)"
            }
        }
        guard context.tolerance.accepts(claimed, against: counted, as: .lines) else {
            return .contradicted(claimed, evidence: counted, note: note)
        }
        return .verified(note, evidence: counted)
    }
}
