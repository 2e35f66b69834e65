import PhaseModel

/// Judges a claim against the figures of the document it stands in (docs/design/claims-and-verdicts.md#verdicts, inconsistent).
///
/// `consistency(of:)` runs first for every claim that carries `expected`: a figure beyond
/// tolerance of what the document's own numbers give is **inconsistent**, whatever evidence
/// exists. The kinds this judge owns (ratio, total, average, fileCount, target) have nothing
/// else to be compared with, so when they add up they are **verified**, and without an
/// `expected` they are **unverifiable**, except a file count whose line describes a commit
/// (`ChangedFileCount`).
///
/// A target margin below zero is inconsistent in itself: "exceeds the 150% target by -1.7%"
/// says it falls short.
struct DocumentArithmeticJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.ratio, .total, .average, .fileCount, .target]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        if claim.kind == .target, let claimed = claim.claimed, claimed < 0 {
            // The sum may well be right (148.3 − 150 is −1.7); the wording is what is wrong, so
            // there is no figure to give as the discrepancy.
            return .inconsistent(claimed, expected: nil, note: Self.shortfallNote(claim, margin: claimed))
        }
        if let judgement = consistency(of: claim, tolerance: context.tolerance) {
            return judgement
        }
        if let judgement = ChangedFileCount.judge(claim) {
            return judgement
        }
        return .unverifiable(Self.nothingToCompareNote(claim))
    }

    /// **inconsistent** when `claimed` is beyond tolerance of `expected`; for the kinds of this
    /// judge **verified** when within it; `nil` when there is nothing to compare or the claim
    /// goes on to be judged against evidence.
    func consistency(of claim: Claim, tolerance: ClaimTolerance) -> ClaimJudgement? {
        guard let claimed = claim.claimed, let expected = claim.expected else { return nil }
        let note = Self.expectedNote(claim, expected: expected)
        // `Total: 1,900+ LOC` over files that add up to 2,000 is no contradiction of the document.
        guard tolerance.accepts(claimed, against: expected, as: Self.measure(of: claim), bound: claim.bound) else {
            return .inconsistent(claimed, expected: expected, note: note)
        }
        return kinds.contains(claim.kind) ? .verified(note) : nil
    }

    /// The tolerance a document's own figure is held to: the kind's own.
    static func measure(of claim: Claim) -> ClaimTolerance.Measure {
        switch claim.kind {
        case .loc: return .lines
        case .duration: return .hours
        case .total, .average: return ClaimUnit.of(claim) == .percent ? .percent : .computed
        default: return ClaimUnit.of(claim) == .percent ? .percent : .count
        }
    }

    /// What the document's own figures give, said per kind.
    static func expectedNote(_ claim: Claim, expected: Double) -> LocalizedText {
        let unit = ClaimUnit.of(claim)
        return ClaimFigure.text { language in
            let value = ClaimFigure.figure(expected, unit, language)
            let en = language == .en
            switch claim.kind {
            case .ratio, .completion:
                guard let whole = claim.denominator else { break }
                let part = ClaimFigure.number(expected * whole / 100, language)
                let ratio = "\(part)/\(ClaimFigure.number(whole, language))"
                return en ? "\(ratio) is \(value)" : "\(ratio) составляет \(value)"
            case .total:
                let column = claim.subject.map { en ? "the column “\($0)”" : "столбца «\($0)»" }
                return en ? "\(column ?? "the column") adds up to \(value)" : "сумма \(column ?? "столбца") — \(value)"
            case .average:
                let column = claim.subject.map { en ? "the column “\($0)”" : "столбцу «\($0)»" }
                return en ? "the mean of \(column ?? "the column") is \(value)" : "среднее по \(column ?? "столбцу") — \(value)"
            case .fileCount:
                // A recap names the heading whose listing it counts (`CountedFileSection`).
                if let heading = claim.subject {
                    return en
                        ? "the section “\(heading)” lists \(value) files"
                        : "в разделе «\(heading)» перечислено файлов: \(value)"
                }
                return en ? "\(value) items are listed under it" : "под ним перечислено пунктов: \(value)"
            case .testCount:
                return en
                    ? "\(value) passed results are listed in its section"
                    : "в его разделе перечислено пройденных проверок: \(value)"
            case .loc:
                return en
                    ? "the per-file figures listed with it add up to \(value) lines"
                    : "сумма строк по файлам, перечисленным рядом: \(value)"
            case .target:
                return en
                    ? "the actual figure minus the target written beside it is \(value)"
                    : "разность фактического значения и указанной рядом цели — \(value)"
            default:
                break
            }
            return en ? "the document's own figures give \(value)" : "собственные цифры документа дают \(value)"
        }
    }

    private static func shortfallNote(_ claim: Claim, margin: Double) -> LocalizedText {
        ClaimFigure.text { language in
            let written = ClaimFigure.percent(margin, language)
            let short = ClaimFigure.number(margin.magnitude, language)
            switch language {
            case .en:
                let target = claim.subject.map { "the \($0) target" } ?? "the target"
                return "a margin of \(written) over \(target) means it falls short of it by \(short) points"
            case .ru:
                let target = claim.subject.map { "цели \($0)" } ?? "цели"
                return "запас \(written) сверх \(target) означает отставание от неё на \(short)\u{00A0}п.\u{00A0}п."
            }
        }
    }

    private static func nothingToCompareNote(_ claim: Claim) -> LocalizedText {
        switch claim.kind {
        case .fileCount:
            LocalizedText(
                en: "the text lists no items to count, and no evidence says which files are meant",
                ru: "в тексте нет перечня для подсчёта, а данные не говорят, какие файлы имеются в виду")
        case .target:
            LocalizedText(
                en: "the text gives no actual figure beside the target to check the margin against",
                ru: "в тексте нет фактического значения рядом с целью, чтобы проверить запас")
        default:
            LocalizedText(
                en: "the text gives no figures to recompute it from",
                ru: "в тексте нет чисел, по которым его можно пересчитать")
        }
    }
}
