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
            return .unverifiable(LocalizedText(
                en: note.en + "; the figure may count other files (without documentation, a part of them, or over several commits)",
                ru: note.ru + "; число может считать другие файлы (без документации, часть из них или по нескольким коммитам)"))
        }
        return .contradicted(claimed, evidence: counted, note: note)
    }

    /// `commit c90c873, which the line is taken to describe, changed 20 files of source code and tests`.
    static func counts(_ files: Double, scope: FileCountScope, name: String?, commit: String?) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) } ?? "?"
        let named = name ?? "?"
        return ClaimFigure.text { language in
            let count = ClaimFigure.number(files, language)
            let noun = files == 1 ? "file" : "files"
            // What the commit did to which files, in English and in Russian (a label before the count).
            let (en, ru): (String, String) =
                switch scope {
                case .all: ("changed \(count) \(noun)", "изменил файлов")
                case .withoutDocs: ("changed \(count) \(noun) besides documentation", "изменил файлов помимо документации")
                case .source: ("changed \(count) \(noun) of source code and tests", "изменил файлов кода и тестов")
                case .tests: ("changed \(count) test \(noun)", "изменил файлов тестов")
                case .docs: ("changed \(count) documentation \(noun)", "изменил файлов документации")
                case .code: ("changed \(count) source \(noun) besides tests", "изменил файлов кода без тестов")
                case .named: ("changed \(count) \(noun) named \(named)", "изменил файлов с именем \(named)")
                case .modified: ("modified \(count) \(noun) in place", "изменил на месте файлов")
                case .created: ("created \(count) \(noun)", "создал файлов")
                case .createdTests: ("created \(count) test \(noun)", "создал файлов тестов")
                case .createdSource: ("created \(count) \(noun) of source code and tests", "создал файлов кода и тестов")
                case .createdDocs: ("created \(count) documentation \(noun)", "создал файлов документации")
                }
            return language == .en
                ? "commit \(short), which the line is taken to describe, \(en)"
                : "коммит \(short), который, как считается, описывает строка, \(ru): \(count)"
        }
    }
}
