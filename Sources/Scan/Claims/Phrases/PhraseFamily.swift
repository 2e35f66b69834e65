/// One family of claim phrases (test counts, dates, …): finds its candidates in a span.
///
/// Families run in the order `ClaimPhraseScanner` lists them; a figure taken by an earlier family
/// is not offered again, so the order settles what a figure means (`COMPLETED 100%` is a
/// completion before `COMPLETED` can be read as a status).
protocol PhraseFamily {
    /// Candidates in the order they should be tried; `taken[i]` says whether token `i` is
    /// already a figure of an accepted claim.
    static func candidates(in tokens: PhraseTokens, taken: [Bool]) -> [PhraseCandidate]
}
