import PhaseModel

/// The calendar days a scope's commits fall on, from its first commit's author date to its
/// last one's.
struct CommitSpan: Sendable, Equatable {
    var first: CalendarDay
    var last: CalendarDay
    var firstText: String
    var lastText: String

    /// The span of `scope`'s commits; `nil` without history or with dates that do not parse.
    init?(_ scope: ClaimScopeEvidence) {
        guard let firstText = scope.firstCommit, let lastText = scope.lastCommit,
            let first = CalendarDay(firstText), let last = CalendarDay(lastText), first <= last
        else { return nil }
        self.first = first
        self.last = last
        self.firstText = firstText
        self.lastText = lastText
    }

    /// Calendar days from the first commit's day to the last one's: 0 when all fall on one day.
    var days: Int { first.days(to: last) }

    /// The span as an ISO 8601 interval, `2025-11-30/2025-12-01`, or the one day.
    var interval: String { days == 0 ? firstText : "\(firstText)/\(lastText)" }

    /// "the commits of TN-201 span 2025-11-30 to 2025-12-01".
    func described(for scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            message: "note.commit-span", ["scope": .localized(scope.name), "first": .text(firstText), "last": .text(lastText)])
    }

    /// Why `scope` has no span to compare with.
    static func missingNote(_ scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(message: "note.commit-span.missing", ["scope": .localized(scope.name)])
    }
}
