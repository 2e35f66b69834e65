import PhaseModel

/// Judges lines-of-code claims against the lines Scan counted in the file (or files) named:
/// verified when `|claimed − counted| ≤ locTolerance × counted`.
struct LineCountJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.loc]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        if case let .commit(id) = claim.source, claim.verifiedValue.map(id.hasPrefix) ?? (claim.subject == nil) {
            return commitLines(claimed, commit: String(id.prefix(7)), added: claim.verified, tolerance: context.tolerance)
        }
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

    /// A line count in a commit message that names no file, against the lines the commit added
    /// (`git diff --numstat` against its first parent).
    private func commitLines(_ claimed: Double, commit: String, added: Double?, tolerance: ClaimTolerance) -> ClaimJudgement {
        guard let added else {
            return .unverifiable(
                LocalizedText(
                    en: "the changes of commit \(commit) could not be read, so its lines cannot be counted",
                    ru: "изменения коммита \(commit) не прочитаны, и его строки не посчитать"))
        }
        let note = ClaimFigure.text { language in
            let lines = ClaimFigure.number(added, language)
            switch language {
            case .en: return "commit \(commit) added \(lines) lines"
            case .ru: return "коммит \(commit) добавил строк: \(lines)"
            }
        }
        guard tolerance.accepts(claimed, against: added, as: .lines) else {
            return .contradicted(claimed, evidence: added, note: note)
        }
        return .verified(note, evidence: added)
    }
}
