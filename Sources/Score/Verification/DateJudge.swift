import PhaseModel

/// Judges a date written in a report against the scope's commit span: verified when it lies
/// within `[first − dateToleranceDays, last + dateToleranceDays]`, contradicted outside.
///
/// A date claim has no number, so a contradicted one carries the span as `verifiedValue`
/// (`2025-11-30/2025-12-01`) and, as `discrepancy`, the days from the claimed date to the
/// nearer end of the span (positive when the date is before the first commit).
struct DateJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.date]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let written = claim.claimedValue else { return .unverifiable(ClaimNotes.noFigure) }
        guard let day = CalendarDay(written) else {
            return .unverifiable(
                LocalizedText(
                    en: "“\(written)” is not a date in yyyy-MM-dd form",
                    ru: "«\(written)» — не дата в виде yyyy-MM-dd"))
        }
        let scope = context.scope
        guard let span = CommitSpan(scope) else { return .unverifiable(CommitSpan.missingNote(scope)) }
        let tolerance = context.tolerance.settings.dateToleranceDays
        let before = Double(day.days(to: span.first))
        let after = Double(span.last.days(to: day))
        let described = span.described(for: scope)
        guard before > tolerance || after > tolerance else {
            return .verified(described, value: span.interval)
        }
        let outside = before > 0 ? before : -after
        let note = ClaimFigure.text { language in
            let days = ClaimFigure.number(outside.magnitude, language)
            return language == .en
                ? "\(described.en); \(written) lies \(days) days outside it"
                : "\(described.ru); дата \(written) выходит за него, дней: \(days)"
        }
        return ClaimJudgement(
            verdict: .contradicted, verified: nil, verifiedValue: span.interval, discrepancy: outside, note: note)
    }
}
