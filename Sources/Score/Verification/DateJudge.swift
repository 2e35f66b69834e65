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
                LocalizedText(
                    en: "only a date that says when its document was written is judged; this one may be a deadline, a plan or the date of something else",
                    ru: "проверяется только дата, которая говорит, когда написан документ; эта может быть сроком, планом или датой чего-то другого"))
        }
        guard let written = claim.claimedValue else { return .unverifiable(ClaimNotes.noFigure) }
        guard let day = CalendarDay(written) else {
            return .unverifiable(
                LocalizedText(
                    en: "“\(written)” is not a date in yyyy-MM-dd form",
                    ru: "«\(written)» — не дата в виде yyyy-MM-dd"))
        }
        let document = claim.source.file ?? ""
        guard let interval = claim.verifiedValue, let span = Self.days(interval) else {
            return .unverifiable(
                LocalizedText(
                    en: "no commit of the history changed \(document), so when it was written is not known",
                    ru: "ни один коммит истории не менял \(document), и когда он написан, неизвестно"))
        }
        let tolerance = context.tolerance.settings.dateToleranceDays
        let before = Double(day.days(to: span.first))
        let after = Double(span.last.days(to: day))
        let described = LocalizedText(
            en: "\(document) was added on \(interval.prefix(10)) and last changed on \(interval.suffix(10))",
            ru: "\(document) добавлен \(interval.prefix(10)) и последний раз изменён \(interval.suffix(10))")
        guard before > tolerance || after > tolerance else {
            return .verified(described, value: interval)
        }
        if before > tolerance {
            let start = context.scope.repositoryFirstCommit
            return .unverifiable(
                ClaimFigure.text { language in
                    let days = ClaimFigure.number(before, language)
                    let history = start.map { language == .en ? ", and before the repository's first commit (\($0))" : ", и раньше первого коммита репозитория (\($0))" }
                    let beforeStart = start.flatMap(CalendarDay.init).map { day < $0 } == true ? history ?? "" : ""
                    return language == .en
                        ? "\(described.en); \(written) is \(days) days earlier\(beforeStart), and a document may be written long before it is committed, or copied in from elsewhere"
                        : "\(described.ru); дата \(written) раньше на \(days) дн.\(beforeStart), а документ могут написать задолго до коммита или перенести из другого места"
                })
        }
        let outside = -after
        let note = ClaimFigure.text { language in
            let days = ClaimFigure.number(outside.magnitude, language)
            return language == .en
                ? "\(described.en); \(written) lies \(days) days outside that"
                : "\(described.ru); дата \(written) выходит за эти дни на \(days)"
        }
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
