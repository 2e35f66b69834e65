import PhaseModel

/// Claims counted by verdict, for summaries.
public struct ClaimCounts: Sendable, Equatable {
    public var verified = 0
    public var contradicted = 0
    public var inconsistent = 0
    public var unverifiable = 0
    /// Figures of other scoring models, shown beside phasecert's own and never judged.
    public var notJudged = 0

    public init(_ claims: [Claim]) {
        for claim in claims {
            switch claim.verdict {
            case .verified?: verified += 1
            case .contradicted?: contradicted += 1
            case .inconsistent?: inconsistent += 1
            case .unverifiable?: unverifiable += 1
            case nil: notJudged += 1
            }
        }
    }

    /// `12 — 7 verified, 1 contradicted, 2 inconsistent, 1 unverifiable, 1 not judged`.
    public var summary: String {
        let total = verified + contradicted + inconsistent + unverifiable + notJudged
        let counts: [String: MessageArgument] = [
            "total": .count(total), "verified": .count(verified), "contradicted": .count(contradicted),
            "inconsistent": .count(inconsistent), "unverifiable": .count(unverifiable), "notJudged": .count(notJudged),
        ]
        return LocalizedText(message: "cli.claims.counts", counts).en
    }
}
