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
        var arguments: [String: MessageArgument] = ["value": .localized(ClaimFigure.text { ClaimFigure.figure(expected, unit, $0) })]
        // The column the claim names, or the column in general, in the case each sentence needs.
        func column(_ named: String, _ any: String) -> MessageArgument {
            .localized(claim.subject.map { LocalizedText(message: named, ["name": .text($0)]) } ?? LocalizedText(message: any))
        }
        switch claim.kind {
        case .ratio, .completion:
            guard let whole = claim.denominator else { break }
            arguments["ratio"] = .localized(
                ClaimFigure.text { "\(ClaimFigure.number(expected * whole / 100, $0))/\(ClaimFigure.number(whole, $0))" })
            return LocalizedText(message: "note.arithmetic.ratio", arguments)
        case .total:
            arguments["column"] = column("note.arithmetic.total.column", "note.arithmetic.total.any-column")
            return LocalizedText(message: "note.arithmetic.total", arguments)
        case .average:
            arguments["column"] = column("note.arithmetic.average.column", "note.arithmetic.average.any-column")
            return LocalizedText(message: "note.arithmetic.average", arguments)
        case .fileCount:
            // A recap names the heading whose listing it counts (`CountedFileSection`).
            if let heading = claim.subject {
                arguments["heading"] = .text(heading)
                return LocalizedText(message: "note.arithmetic.section-files", arguments)
            }
            return LocalizedText(message: "note.arithmetic.items", arguments)
        case .testCount:
            return LocalizedText(message: "note.arithmetic.passed", arguments)
        case .loc:
            return LocalizedText(message: "note.arithmetic.loc", arguments)
        case .target:
            return LocalizedText(message: "note.arithmetic.target", arguments)
        default:
            break
        }
        return LocalizedText(message: "note.arithmetic.own-figures", arguments)
    }

    private static func shortfallNote(_ claim: Claim, margin: Double) -> LocalizedText {
        let target =
            claim.subject.map { LocalizedText(message: "note.arithmetic.shortfall.target", ["name": .text($0)]) }
            ?? LocalizedText(message: "note.arithmetic.shortfall.any-target")
        return LocalizedText(
            message: "note.arithmetic.shortfall",
            [
                "written": .localized(ClaimFigure.text { ClaimFigure.percent(margin, $0) }), "target": .localized(target),
                "short": .localized(ClaimFigure.text { ClaimFigure.number(margin.magnitude, $0) }),
            ])
    }

    private static func nothingToCompareNote(_ claim: Claim) -> LocalizedText {
        switch claim.kind {
        case .fileCount: LocalizedText(message: "note.arithmetic.no-items")
        case .target: LocalizedText(message: "note.arithmetic.no-actual")
        default: LocalizedText(message: "note.arithmetic.no-figures")
        }
    }
}
