import PhaseModel

/// Judges a duration stated as time spent ("done in 2 hours", "Duration: 6h"; the cue is the
/// claim's `subject`) against the calendar days the scope's commits fall on; other durations are
/// not judged.
///
/// Commit dates are days, not instants, so the span only bounds the elapsed time: commits
/// `d` calendar days apart are at least `(d − 1) × 24` hours apart (last minute of the first
/// day to the first minute of the last) and at most `(d + 1) × 24`. With `t` the
/// `durationTolerance`:
///
/// - claimed below `minimum × (1 − t)`: **contradicted**, since the work cannot have taken
///   less time than its commits span ("2 hours" across commits on the 1st and the 6th);
/// - claimed within `[minimum × (1 − t), maximum × (1 + t)]`: **verified**;
/// - claimed above that: **unverifiable**, since work before the first commit or after the
///   last leaves no trace in the history;
/// - no history, or every commit on one day (which bounds nothing from below): **unverifiable**.
///
/// The evidence figure (`verified`) is the nominal span, `d × 24` hours, as the claim table
/// defines it; the bounds above are what the verdict rests on.
struct DurationJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.duration]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        // Only time stated as spent (`Duration: 6h`, `took 2 hours`, `Время: 3 часа`) measures the
        // same thing as the commits' span; estimates, efforts, per-item times and plain lengths do not.
        guard claim.subject != nil else {
            return .notJudged(
                LocalizedText(message: "note.duration.not-time-spent"))
        }
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        let scope = context.scope
        // A session's "took 1 hour" in a report of no task or phase is not the repository's whole span.
        if case .workspace = scope.scope {
            return .unverifiable(
                LocalizedText(message: "note.duration.no-scope"))
        }
        guard let span = CommitSpan(scope) else { return .unverifiable(CommitSpan.missingNote(scope)) }
        guard span.days > 0 else {
            return .unverifiable(
                LocalizedText(message: "note.duration.one-day", ["scope": .localized(scope.name), "day": .text(span.firstText)]))
        }
        let minimum = Double(span.days - 1) * 24
        let maximum = Double(span.days + 1) * 24
        let nominal = Double(span.days) * 24
        let tolerance = context.tolerance.settings.durationTolerance
        let described = span.described(for: scope)
        let noise = ClaimTolerance.epsilon * max(1, maximum)
        if claimed < minimum * (1 - tolerance) - noise {
            let note = LocalizedText(
                message: "note.duration.at-least",
                ["span": .localized(described), "hours": .localized(ClaimFigure.text { ClaimFigure.figure(minimum, .hours, $0) })])
            return .contradicted(claimed, evidence: nominal, note: note)
        }
        let bounds = LocalizedText(
            message: "note.duration.between",
            [
                "span": .localized(described), "low": .localized(ClaimFigure.text { ClaimFigure.figure(minimum, .hours, $0) }),
                "high": .localized(ClaimFigure.text { ClaimFigure.figure(maximum, .hours, $0) }),
            ])
        guard claimed <= maximum * (1 + tolerance) + noise else {
            return .unverifiable(
                LocalizedText(message: "note.duration.untraced", ["bounds": .localized(bounds)]))
        }
        return .verified(bounds, evidence: nominal)
    }
}
