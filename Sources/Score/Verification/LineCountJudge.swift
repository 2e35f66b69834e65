import PhaseModel

/// Judges lines-of-code claims against the lines Scan counted in the file (or files) named, or
/// the lines a commit added: verified when `|claimed − counted| ≤ locTolerance × counted`.
///
/// A figure is held to what it says, no more: `750+ lines` is a lower bound, verified by any
/// count from `750 × (1 − locTolerance)` up; `~200 LOC` is a rounded figure, verified within
/// `ClaimTolerance.roundedShare` (25%) of the count, or `locTolerance` when that is wider. The
/// file is counted as it was when the document was last committed when it changed since
/// (`Claim.evidenceBasis`); a file that did not exist then was planned, not counted, and a
/// bare name several files share names none of them: both are unverifiable, never contradicted.
///
/// A file's lines may be counted by several common rules (`LineCounts.Rule`): every line, the
/// lines not blank, and for a known language those that are not whole-line comments or that hold
/// code outside comments (as cloc counts). A figure written exactly is verified by another rule
/// than all lines when within `LineCounts.otherRuleShare` of its count, the nearest such rule
/// being named in the note; it is contradicted only when it fits none.
struct LineCountJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.loc]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        if let prefix = claim.claimedValue {
            // A history-table row: `| d0f4f7e | feat: … | 538 |`.
            return commitLines(claim, claimed, commit: prefix, tolerance: context.tolerance)
        }
        if case let .commit(id) = claim.source, claim.verifiedValue.map(id.hasPrefix) ?? (claim.subject == nil) {
            return commitLines(claim, claimed, commit: String(id.prefix(7)), tolerance: context.tolerance)
        }
        let named = claim.subject.map { LocalizedText(en: $0, ru: $0) }
        guard let counted = claim.verified else {
            if let basis = claim.evidenceBasis, let note = Self.missingNote(basis, named: named?.en ?? "the file named") {
                return .unverifiable(note)
            }
            guard named != nil else {
                return .unverifiable(
                    LocalizedText(
                        en: "the figure names no file, so which lines it counts is not known",
                        ru: "число не называет файла, и неизвестно, какие строки оно считает"))
            }
            return .unverifiable(
                LocalizedText(
                    en: "\(named?.en ?? "the file named") was not found in the work tree, so its lines cannot be counted",
                    ru: named.map { "файл \($0.ru) не найден в рабочем дереве, и его строки не посчитать" }
                        ?? "названный файл не найден в рабочем дереве, и его строки не посчитать"))
        }
        let asOf = claim.evidenceBasis.flatMap { $0.kind == .documentCommit ? $0.commit.map { String($0.prefix(7)) } : nil }
        // Counts by the other rules, when they are of the same version of the file as `counted`.
        let others = claim.lineCounts.map { counts in
            Double(counts.physical) == counted ? Self.otherCounts(counts) : []
        } ?? []
        // Another rule's count is what a tool printed: the figure is held to it within
        // `LineCounts.otherRuleShare` (or `locTolerance` when narrower), and only a figure written exactly.
        // A rounded or bounded figure is an estimate, and several counts 15–30% apart would let
        // most wrong estimates fall near one of them.
        let share = min(LineCounts.otherRuleShare, context.tolerance.settings.locTolerance)
        let fitting = claim.bound != nil ? nil : others.filter {
            (Double($0.count) - claimed).magnitude <= share * Double($0.count)
        }.min { (Double($0.count) - claimed).magnitude < (Double($1.count) - claimed).magnitude }
        let accepted = context.tolerance.accepts(claimed, against: counted, as: .lines, bound: claim.bound)
        // A figure within tolerance of every line but exactly another rule's count is that count.
        let matched = fitting.flatMap { fit in
            !accepted || (Double(fit.count) - claimed).magnitude < (counted - claimed).magnitude ? fit : nil
        }
        let note = ClaimFigure.text { language in
            let lines = ClaimFigure.number(counted, language)
            let file = named.map { language == .en ? $0.en : $0.ru }
            let fact: String
            switch (language, asOf) {
            case let (.en, commit?):
                fact = "\(file ?? "the file named") had \(lines) lines at commit \(commit), which changed the document (the nearest of its versions then)"
            case (.en, nil):
                fact = "\(file ?? "the file named") has \(lines) lines"
            case let (.ru, commit?):
                fact = "строк в \(file ?? "названном файле") на коммите \(commit), который менял документ (ближайшая из его версий тогда): \(lines)"
            case (.ru, nil):
                fact = file.map { "строк в \($0): \(lines)" } ?? "строк в названном файле: \(lines)"
            }
            let rules: String
            if let matched {
                rules = Self.fitClause(matched.rule, count: matched.count, language)
            } else if accepted {
                rules = ""
            } else {
                rules = Self.otherCountsClause(others, held: claim.bound == nil, language)
            }
            return fact + rules + Self.boundClause(claim.bound, tolerance: context.tolerance, language)
        }
        if let matched { return .verified(note, evidence: Double(matched.count)) }
        if accepted { return .verified(note, evidence: counted) }
        return .contradicted(claimed, evidence: counted, note: note)
    }

    /// The counts by the rules after `physical`, each only when it differs from every count before it.
    private static func otherCounts(_ counts: LineCounts) -> [(rule: LineCounts.Rule, count: Int)] {
        var seen: Set<Int> = [counts.physical]
        return LineCounts.Rule.allCases.dropFirst().compactMap { rule in
            guard let count = counts.count(by: rule), seen.insert(count).inserted else { return nil }
            return (rule, count)
        }
    }

    /// How many of the lines a rule keeps, said after the file's lines.
    private static func kept(_ rule: LineCounts.Rule, count: Int, _ language: NoteLanguage) -> String {
        let number = ClaimFigure.number(Double(count), language)
        switch (rule, language) {
        case (.physical, .en): return "\(number) in all"
        case (.physical, .ru): return "всего \(number)"
        case (.nonBlank, .en): return "\(number) not blank"
        case (.nonBlank, .ru): return "непустых \(number)"
        case (.withoutLineComments, .en): return "\(number) neither blank nor whole-line comments"
        case (.withoutLineComments, .ru): return "непустых и не целиком комментариев \(number)"
        case (.code, .en): return "\(number) holding code outside comments (as cloc counts)"
        case (.code, .ru): return "с кодом вне комментариев (как считает cloc) \(number)"
        }
    }

    /// The rule the figure fits, after the file's lines.
    private static func fitClause(_ rule: LineCounts.Rule, count: Int, _ language: NoteLanguage) -> String {
        let counted = kept(rule, count: count, language)
        return language == .en
            ? "; of them \(counted), the way of counting the figure matches"
            : "; из них \(counted) — с таким подсчётом число сходится"
    }

    /// The other counts, after the file's lines: those an exact figure fits none of, or (`held`
    /// false) those a rounded or bounded figure is not held to, since saying it matches none of
    /// them would be untrue when one is near it (`~500` beside 499 not blank).
    private static func otherCountsClause(
        _ others: [(rule: LineCounts.Rule, count: Int)], held: Bool, _ language: NoteLanguage
    ) -> String {
        guard !others.isEmpty else { return "" }
        let counted = others.map { kept($0.rule, count: $0.count, language) }.joined(separator: ", ")
        switch (held, language) {
        case (true, .en): return "; of them \(counted): the figure matches none of these ways of counting"
        case (true, .ru): return "; из них \(counted) — число не сходится ни с одним из этих подсчётов"
        case (false, .en): return "; of them \(counted), other ways of counting that a rounded or bounded figure is not held to"
        case (false, .ru): return "; из них \(counted) — с другими подсчётами округлённое или ограниченное число не сверяется"
        }
    }

    /// Why a file named in the document has no count, when Scan knows why.
    private static func missingNote(_ basis: ClaimEvidenceBasis, named: String) -> LocalizedText? {
        switch basis.kind {
        case .absentAtDocumentCommit:
            let commit = basis.commit.map { String($0.prefix(7)) } ?? "?"
            return LocalizedText(
                en: "\(named) did not exist at commit \(commit), when the document was last committed: the figure was a plan or an estimate, not a count",
                ru: "файла \(named) ещё не было на коммите \(commit), когда документ последний раз менялся: число — план или оценка, а не подсчёт")
        case .ambiguousPath:
            return LocalizedText(
                en: "several files are named \(named), and the document does not say which one it counts",
                ru: "файлов с именем \(named) несколько, и документ не уточняет, какой из них посчитан")
        case .documentCommit, .unknownCommit, .ambiguousCommit, .testFile, .testSuite, .testsAdded, .testsAddedSince, .noTestChange, .changedFiles:
            return nil
        }
    }

    /// What a bounded figure was held to, after the count in the note.
    private static func boundClause(_ bound: ClaimBound?, tolerance: ClaimTolerance, _ language: NoteLanguage) -> String {
        switch (bound, language) {
        case (nil, _): return ""
        case (.atLeast?, .en): return "; the figure is written as a lower bound"
        case (.atLeast?, .ru): return "; число записано как нижняя граница"
        case (.about?, _):
            let share = ClaimFigure.number(tolerance.roundedLineShare * 100, language)
            return language == .en
                ? "; the figure is written as rounded, so \(share)% either way is accepted"
                : "; число записано как округлённое, допускается \(share)% в обе стороны"
        }
    }

    /// A line count that names no file, in a commit message or a history-table row, against the
    /// lines the commit added (`git diff --numstat` against its first parent, so a merge counts
    /// what it brought to the branch).
    private func commitLines(_ claim: Claim, _ claimed: Double, commit: String, tolerance: ClaimTolerance) -> ClaimJudgement {
        guard let added = claim.verified else {
            switch claim.evidenceBasis?.kind {
            case .unknownCommit?:
                return .unverifiable(
                    LocalizedText(
                        en: "no commit of the history starts with \(commit), so the lines it added cannot be counted",
                        ru: "в истории нет коммита, начинающегося с \(commit), и добавленные им строки не посчитать"))
            case .ambiguousCommit?:
                return .unverifiable(
                    LocalizedText(
                        en: "several commits of the history start with \(commit), so which one added these lines is unknown",
                        ru: "с \(commit) начинаются несколько коммитов истории, и неизвестно, какой добавил эти строки"))
            default:
                return .unverifiable(
                    LocalizedText(
                        en: "the changes of commit \(commit) could not be read, so its lines cannot be counted",
                        ru: "изменения коммита \(commit) не прочитаны, и его строки не посчитать"))
            }
        }
        let note = ClaimFigure.text { language in
            let lines = ClaimFigure.number(added, language)
            let fact: String
            switch language {
            case .en: fact = "commit \(commit) added \(lines) lines"
            case .ru: fact = "коммит \(commit) добавил строк: \(lines)"
            }
            return fact + Self.boundClause(claim.bound, tolerance: tolerance, language)
        }
        guard tolerance.accepts(claimed, against: added, as: .lines, bound: claim.bound) else {
            return .contradicted(claimed, evidence: added, note: note)
        }
        return .verified(note, evidence: added)
    }
}
