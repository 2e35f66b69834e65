import PhaseModel

/// A claim a phrase family proposes, in token terms; `ClaimPhraseScanner` decides whether it
/// stands (its figures are still free and it is not a target or plan) and quotes its text.
struct PhraseCandidate {
    var kind: ClaimKind
    /// The first and last tokens of the phrase.
    var first: Int
    var last: Int
    /// The tokens that are the figure itself; no other claim may use them.
    var figures: [Int]
    /// The token the plan check looks back from: the figure, or the status word.
    var anchor: Int
    var subject: String?
    var claimed: Double?
    var denominator: Double?
    var claimedValue: String?
    var expected: Double?
    /// A lower bound or a rounded figure, for the families that read one (lines of code).
    var bound: ClaimBound?
    /// Scalar bounds that reach past the tokens (a path subject written before the figure).
    var start: Int?
    var end: Int?
    /// Whether a plan or target word before the figure, or right after the phrase, cancels the claim.
    var checksPlan = true

    init(
        _ kind: ClaimKind, first: Int, last: Int, figures: [Int], anchor: Int? = nil, subject: String? = nil,
        claimed: Double? = nil, denominator: Double? = nil, claimedValue: String? = nil, expected: Double? = nil
    ) {
        self.kind = kind
        self.first = first
        self.last = last
        self.figures = figures
        self.anchor = anchor ?? figures.first ?? first
        self.subject = subject
        self.claimed = claimed
        self.denominator = denominator
        self.claimedValue = claimedValue
        self.expected = expected
    }

    /// The claim, quoted from the span.
    func claim(in tokens: PhraseTokens, boundaries: [String.Index]) -> PhraseClaim {
        // `Tests (9/9 passing)` rather than `Tests (9/9 passing`: close a bracket the phrase opened.
        var last = last
        if end == nil, tokens.isSymbol(last + 1, ")") {
            var depth = 0
            for index in first..<max(first, last + 1) {
                if tokens.isSymbol(index, "(") { depth += 1 }
                if tokens.isSymbol(index, ")") { depth -= 1 }
            }
            if depth > 0 { last += 1 }
        }
        let lower = start ?? tokens.tokens[first].start
        let quote = tokens.quote(lower, max(lower, end ?? tokens.tokens[last].end), boundaries: boundaries)
        return PhraseClaim(
            kind: kind, text: quote.text, range: quote.range, subject: subject, claimed: claimed,
            denominator: denominator, claimedValue: claimedValue, expected: expected, bound: bound)
    }
}
