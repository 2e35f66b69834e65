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
        guard let counted = claim.verified else {
            // With no file named, the Russian note too says "the file named" in English, as it always
            // has: rewording it changes phase.json, and so certification ids.
            if let basis = claim.evidenceBasis,
                let note = Self.missingNote(basis, named: claim.subject ?? LocalizedText(message: "note.lines.file-named").en)
            {
                return .unverifiable(note)
            }
            guard let subject = claim.subject else { return .unverifiable(LocalizedText(message: "note.lines.no-file")) }
            return .unverifiable(LocalizedText(message: "note.lines.not-found", ["file": .text(subject)]))
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
        let rules: LocalizedText
        if let matched {
            let counted = Self.kept(matched.rule, count: matched.count)
            rules = LocalizedText(message: "note.lines.rule-fits", ["counted": .localized(counted)])
        } else if accepted {
            rules = .empty
        } else {
            rules = Self.otherCountsClause(others, held: claim.bound == nil)
        }
        var arguments: [String: MessageArgument] = [
            "file": claim.subject.map(MessageArgument.text) ?? .localized(LocalizedText(message: "note.lines.file-named")),
            "lines": .localized(ClaimFigure.text { ClaimFigure.number(counted, $0) }),
            "rules": .localized(rules),
            "bound": .localized(Self.boundClause(claim.bound, tolerance: context.tolerance)),
        ]
        let note: LocalizedText
        if let asOf {
            arguments["commit"] = .text(asOf)
            note = LocalizedText(message: "note.lines.counted-at-commit", arguments)
        } else {
            note = LocalizedText(message: "note.lines.counted", arguments)
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
    private static func kept(_ rule: LineCounts.Rule, count: Int) -> LocalizedText {
        let number: [String: MessageArgument] = ["number": .localized(ClaimFigure.text { ClaimFigure.number(Double(count), $0) })]
        switch rule {
        case .physical: return LocalizedText(message: "note.lines.kept.physical", number)
        case .nonBlank: return LocalizedText(message: "note.lines.kept.non-blank", number)
        case .withoutLineComments: return LocalizedText(message: "note.lines.kept.without-line-comments", number)
        case .code: return LocalizedText(message: "note.lines.kept.code", number)
        }
    }

    /// The other counts, after the file's lines: those an exact figure fits none of, or (`held`
    /// false) those a rounded or bounded figure is not held to, since saying it matches none of
    /// them would be untrue when one is near it (`~500` beside 499 not blank).
    private static func otherCountsClause(_ others: [(rule: LineCounts.Rule, count: Int)], held: Bool) -> LocalizedText {
        guard !others.isEmpty else { return .empty }
        let kept = others.map { Self.kept($0.rule, count: $0.count) }
        let counted = LocalizedText(en: kept.map(\.en).joined(separator: ", "), ru: kept.map(\.ru).joined(separator: ", "))
        return held
            ? LocalizedText(message: "note.lines.rules-fit-none", ["counted": .localized(counted)])
            : LocalizedText(message: "note.lines.rules-not-held", ["counted": .localized(counted)])
    }

    /// Why a file named in the document has no count, when Scan knows why.
    private static func missingNote(_ basis: ClaimEvidenceBasis, named: String) -> LocalizedText? {
        switch basis.kind {
        case .absentAtDocumentCommit:
            let commit = basis.commit.map { String($0.prefix(7)) } ?? "?"
            return LocalizedText(message: "note.lines.absent-at-commit", ["file": .text(named), "commit": .text(commit)])
        case .ambiguousPath:
            return LocalizedText(message: "note.lines.ambiguous-path", ["file": .text(named)])
        case .documentCommit, .unknownCommit, .ambiguousCommit, .testFile, .testSuite, .testsAdded, .testsAddedSince, .noTestChange, .changedFiles:
            return nil
        }
    }

    /// What a bounded figure was held to, after the count in the note.
    private static func boundClause(_ bound: ClaimBound?, tolerance: ClaimTolerance) -> LocalizedText {
        switch bound {
        case nil: return .empty
        case .atLeast?: return LocalizedText(message: "note.lines.bound.at-least")
        case .about?:
            let share = ClaimFigure.text { ClaimFigure.number(tolerance.roundedLineShare * 100, $0) }
            return LocalizedText(message: "note.lines.bound.about", ["share": .localized(share)])
        }
    }

    /// A line count that names no file, in a commit message or a history-table row, against the
    /// lines the commit added (`git diff --numstat` against its first parent, so a merge counts
    /// what it brought to the branch).
    private func commitLines(_ claim: Claim, _ claimed: Double, commit: String, tolerance: ClaimTolerance) -> ClaimJudgement {
        guard let added = claim.verified else {
            let named: [String: MessageArgument] = ["commit": .text(commit)]
            switch claim.evidenceBasis?.kind {
            case .unknownCommit?: return .unverifiable(LocalizedText(message: "note.lines.commit.unknown", named))
            case .ambiguousCommit?: return .unverifiable(LocalizedText(message: "note.lines.commit.ambiguous", named))
            default: return .unverifiable(LocalizedText(message: "note.lines.commit.unreadable", named))
            }
        }
        let note = LocalizedText(
            message: "note.lines.commit.added",
            [
                "commit": .text(commit), "lines": .localized(ClaimFigure.text { ClaimFigure.number(added, $0) }),
                "bound": .localized(Self.boundClause(claim.bound, tolerance: tolerance)),
            ])
        guard tolerance.accepts(claimed, against: added, as: .lines, bound: claim.bound) else {
            return .contradicted(claimed, evidence: added, note: note)
        }
        return .verified(note, evidence: added)
    }
}
