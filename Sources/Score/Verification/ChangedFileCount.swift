import PhaseModel

/// Judges a file count against the files the commit its line describes changed (`ClaimFacts`
/// finds the commit and counts them; `Claim.subject` says which files, `FileCountScope`):
/// verified when the figure is that count; contradicted when it is not and the line writes the
/// commit's id and calls the figure its changed files, with no other scope to be of (`ofPart`
/// unset); otherwise unverifiable, saying what the commit changed.
enum ChangedFileCount {
    /// The judgement, or `nil` when the claim has no such evidence.
    static func judge(_ claim: Claim) -> ClaimJudgement? {
        guard let basis = claim.evidenceBasis, basis.kind == .changedFiles, let claimed = claim.claimed,
            let counted = claim.verified, let scope = claim.subject.flatMap(FileCountScope.init(rawValue:))
        else { return nil }
        let note = counts(counted, scope: scope, name: claim.verifiedValue, commit: basis.commit)
        if counted == claimed { return .verified(note, evidence: counted) }
        if basis.ofPart == true {
            return .unverifiable(LocalizedText(message: "note.changed-files.other-files", ["note": .localized(note)]))
        }
        return .contradicted(claimed, evidence: counted, note: note)
    }

    /// `commit c90c873, which the line is taken to describe, changed 20 files of source code and tests`.
    static func counts(_ files: Double, scope: FileCountScope, name: String?, commit: String?) -> LocalizedText {
        let arguments: [String: MessageArgument] = [
            "files": .localized(ClaimFigure.text { ClaimFigure.number(files, $0) }), "name": .text(name ?? "?"),
            // Chooses the English noun's form: "file" for exactly one, "files" for any other count.
            "count": .count(Int(exactly: files) ?? 0),
        ]
        let key =
            switch scope {
            case .all: "note.changed-files.all"
            case .withoutDocs: "note.changed-files.without-docs"
            case .source: "note.changed-files.source"
            case .tests: "note.changed-files.tests"
            case .docs: "note.changed-files.docs"
            case .code: "note.changed-files.code"
            case .named: "note.changed-files.named"
            case .modified: "note.changed-files.modified"
            case .created: "note.changed-files.created"
            case .createdTests: "note.changed-files.created-tests"
            case .createdSource: "note.changed-files.created-source"
            case .createdDocs: "note.changed-files.created-docs"
            }
        let change = LocalizedText(message: key, arguments)
        return LocalizedText(
            message: "note.changed-files", ["commit": .text(commit.map { String($0.prefix(7)) } ?? "?"), "change": .localized(change)])
    }
}
