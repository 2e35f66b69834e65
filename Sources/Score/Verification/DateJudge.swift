import PhaseModel

/// Judges a date that says when its document was written, or as of when it speaks, against the
/// commits that added and last changed the document: verified when it lies within
/// `[first − dateToleranceDays, last + dateToleranceDays]`; contradicted after that, since no
/// document is written after its last change; unverifiable before it, since a document is often
/// written days or months before it reaches the history (on a branch that was squashed, in
/// another repository, or copied in from an archive).
///
/// Every other date is not judged. A date in a report may be a deadline, a plan, the release of
/// a library or a quote from elsewhere; the span of a task's commits says nothing about those,
/// and a report committed weeks after the work may well date itself then.
///
/// A date claim has no number, so a contradicted one carries the document's days as
/// `verifiedValue` (`2025-11-30/2025-12-01`) and, as `discrepancy`, the days from the claimed date
/// to the last of them (negative: the date is after it).
struct DateJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.date]
    let usesScope = false

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard claim.subject == Claim.documentDateSubject else {
            return .notJudged(
                LocalizedText(message: "note.date.not-the-documents"))
        }
        guard let written = claim.claimedValue else { return .unverifiable(ClaimNotes.noFigure) }
        guard let day = CalendarDay(written) else {
            return .unverifiable(
                LocalizedText(message: "note.date.not-a-date", ["written": .text(written)]))
        }
        let document = claim.source.file ?? ""
        guard let interval = claim.verifiedValue, let span = Self.days(interval) else {
            return .unverifiable(
                LocalizedText(message: "note.date.no-commit", ["document": .text(document)]))
        }
        let tolerance = context.tolerance.settings.dateToleranceDays
        let before = Double(day.days(to: span.first))
        let after = Double(span.last.days(to: day))
        let described = LocalizedText(
            message: "note.date.span",
            ["document": .text(document), "added": .text(String(interval.prefix(10))), "changed": .text(String(interval.suffix(10)))])
        guard before > tolerance || after > tolerance else {
            return .verified(described, value: interval)
        }
        if before > tolerance {
            let start = context.scope.repositoryFirstCommit
            let beforeStart = start.flatMap(CalendarDay.init).map { day < $0 } == true
            let history = start.map { beforeStart ? LocalizedText(message: "note.date.before-history", ["commit": .text($0)]) : .empty }
            return .unverifiable(
                LocalizedText(
                    message: "note.date.earlier",
                    [
                        "span": .localized(described), "written": .text(written),
                        "days": .localized(ClaimFigure.text { ClaimFigure.number(before, $0) }), "history": .localized(history ?? .empty),
                    ]))
        }
        let outside = -after
        let note = LocalizedText(
            message: "note.date.outside",
            [
                "span": .localized(described), "written": .text(written),
                "days": .localized(ClaimFigure.text { ClaimFigure.number(outside.magnitude, $0) }),
            ])
        return ClaimJudgement(
            verdict: .contradicted, verified: nil, verifiedValue: interval, discrepancy: outside, note: note)
    }

    /// The first and last day of a `first/last` interval.
    private static func days(_ interval: String) -> (first: CalendarDay, last: CalendarDay)? {
        let parts = interval.split(separator: "/")
        guard parts.count == 2, let first = CalendarDay(String(parts[0])), let last = CalendarDay(String(parts[1])) else {
            return nil
        }
        return (first, last)
    }
}
