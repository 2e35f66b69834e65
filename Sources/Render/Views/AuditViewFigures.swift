import PhaseModel

/// A claim's figures as the audit report shows them: claimed, verified (or what the document's
/// own figures give), and the discrepancy, each in the unit the claim's kind uses.
///
/// Every value is returned as Markdown: a value the claim scanner would read as a claim (a date,
/// say) is quoted (`QuotedMarkdown.guarded`), so printing it does not claim it again.
struct AuditFigures {
    let text: ViewText

    /// Decimals shown: as many as claims are written and judged with.
    static let digits = 2

    /// `value` in `unit`: `93.33%`, `2 h`, `962`.
    func figure(_ value: Double, _ unit: ClaimUnit) -> String {
        switch unit {
        case .plain: text.number(value, digits: Self.digits)
        case .percent: text.percent(value, digits: Self.digits)
        case .hours: text.catalog.text("audit.unit.hours", ["value": text.number(value, digits: Self.digits)])
        case .fraction: text.percent(value * 100, digits: Self.digits)
        }
    }

    /// The figure as written: `39/39` for a count out of a total, a grade, a date, a path.
    func claimed(_ claim: Claim) -> String {
        let catalog = text.catalog
        let shown: String
        switch claim.kind {
        case .deliverable:
            shown = claim.subject ?? claim.text
        case .commitRef, .grade:
            shown = claim.claimedValue ?? text.none
        case .date:
            shown = claim.claimedValue.map { text.locale.date($0) ?? $0 } ?? text.none
        case .status:
            if let word = claim.claimedValue {
                shown = catalog.text("audit.status.\(word)")
            } else {
                let done = claim.claimed.map { $0 >= 1 }
                shown = done.map { catalog.text($0 ? "audit.status.done" : "audit.status.notDone") } ?? text.none
            }
        default:
            guard let value = claim.claimed else {
                shown = text.none
                break
            }
            let unit = ClaimUnit.of(claim)
            if unit == .plain, let whole = claim.denominator {
                shown = figure(value, .plain) + "/" + figure(whole, .plain)
            } else {
                shown = figure(value, unit)
            }
        }
        return text.guarded(shown)
    }

    /// What the evidence gives: a figure, `exists`/`missing`, a full commit id, phasecert's own
    /// quality and grade; for an inconsistent claim, what the document's own figures give.
    func verified(_ claim: Claim) -> String {
        let catalog = text.catalog
        let shown: String
        switch claim.kind {
        case .deliverable:
            switch claim.verified {
            case 1?: shown = catalog.text("audit.exists")
            case 0?: shown = catalog.text("audit.missing")
            default: shown = text.none
            }
        case .commitRef:
            if let id = claim.verifiedValue {
                shown = String(id.prefix(12))
            } else {
                shown = claim.verified == 0 ? catalog.text("audit.notInHistory") : text.none
            }
        case .quality, .grade:
            shown = ownFigure(claim)
        case .date:
            shown = claim.verifiedValue.map(dateSpan) ?? text.none
        default:
            if let value = claim.verified {
                shown = figure(value, ClaimUnit.of(claim))
            } else if let expected = claim.expected, claim.verdict == .inconsistent || claim.verdict == .verified {
                shown = catalog.text("audit.byDocument", ["value": figure(expected, ClaimUnit.of(claim))])
            } else {
                shown = text.none
            }
        }
        return text.guarded(shown)
    }

    /// What the document's own figures give (`expected`).
    func expected(_ claim: Claim) -> String {
        text.guarded(claim.expected.map { figure($0, ClaimUnit.of(claim)) } ?? text.none)
    }

    /// phasecert's quality and grade for the claim's task or phase, beside another model's figure.
    func ownFigure(_ claim: Claim) -> String {
        switch (claim.verified, claim.verifiedValue) {
        case let (quality?, grade?):
            text.catalog.text("audit.ownFigure", ["quality": text.percent(quality, digits: Self.digits), "grade": grade])
        case let (quality?, nil): text.percent(quality, digits: Self.digits)
        case let (nil, grade?): grade
        case (nil, nil): text.none
        }
    }

    /// The verified minus the claimed figure (or the document's own figure minus the claimed),
    /// signed, in the claim's unit; days for a date; "not compared" for another model's figure.
    func discrepancy(_ claim: Claim) -> String {
        let catalog = text.catalog
        if claim.kind.isOtherModel { return catalog.text("audit.notCompared") }
        if claim.kind == .date {
            guard let days = claim.discrepancy else { return catalog.text("audit.noDifference") }
            return text.guarded(catalog.counted(days.magnitude, "audit.noun.day"))
        }
        let difference: Double?
        if let discrepancy = claim.discrepancy {
            difference = discrepancy
        } else if claim.verdict == .verified, ![.deliverable, .commitRef, .status].contains(claim.kind),
            let claimed = claim.claimed, let other = claim.verified ?? claim.expected
        {
            difference = other - claimed
        } else {
            difference = nil
        }
        guard let difference else {
            // A path or commit id is found or not: there is no difference to give, missing or not.
            let figureless = claim.kind == .deliverable || claim.kind == .commitRef
            return claim.verdict == .verified || figureless ? catalog.text("audit.noDifference") : text.none
        }
        let shown: String
        switch ClaimUnit.of(claim) {
        case .plain: shown = text.delta(difference, digits: Self.digits)
        case .percent: shown = points(difference)
        case .fraction: shown = points(difference * 100)
        case .hours: shown = catalog.text("audit.unit.hours", ["value": text.delta(difference, digits: Self.digits)])
        }
        return text.guarded(shown)
    }

    /// A signed difference of two percentages, in percentage points.
    private func points(_ difference: Double) -> String {
        text.catalog.text("audit.unit.points", ["value": text.delta(difference, digits: Self.digits)])
    }

    /// `2025-11-30/2025-12-01` (the commits' span a date is judged against) as two readable days.
    private func dateSpan(_ value: String) -> String {
        let days = value.split(separator: "/").map { text.locale.date(String($0)) ?? String($0) }
        guard days.count == 2 else { return value }
        return text.catalog.text("audit.dateSpan", ["first": days[0], "last": days[1]])
    }
}
