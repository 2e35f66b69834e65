import PhaseModel

/// A figure found in one span of text; the caller adds source, task and phase.
///
/// The numeric and text fields mean exactly what they mean in `Claim` for the same kind (see
/// the table on `Claim`): `claimed` is in the kind's unit (percent points, hours, lines),
/// `denominator` is the `m` of an `n/m`, `expected` is what the span itself implies.
public struct PhraseClaim: Sendable, Equatable {
    public var kind: ClaimKind
    /// The phrase the figure was read from, exactly as written: `String(span[range])`.
    public var text: String
    /// Where `text` stands in the scanned span; it starts and ends on character boundaries.
    public var range: Range<String.Index>
    /// What the figure is about, when the kind has one (`passing`/`count`, a path, a target).
    public var subject: String?
    public var claimed: Double?
    public var denominator: Double?
    /// A value that is not a number: a grade, a `yyyy-MM-dd` date, a status.
    public var claimedValue: String?
    public var expected: Double?
    /// A lower bound (`750+`) or a rounded figure (`~200`); `nil` for a figure meant exactly.
    public var bound: ClaimBound?

    public init(
        kind: ClaimKind, text: String, range: Range<String.Index>, subject: String? = nil, claimed: Double? = nil,
        denominator: Double? = nil, claimedValue: String? = nil, expected: Double? = nil, bound: ClaimBound? = nil
    ) {
        self.kind = kind
        self.text = text
        self.range = range
        self.subject = subject
        self.claimed = claimed
        self.denominator = denominator
        self.claimedValue = claimedValue
        self.expected = expected
        self.bound = bound
    }

    /// The model's claim for this figure, not yet judged.
    public func claim(source: Provenance, task: String? = nil, phase: String? = nil) -> Claim {
        Claim(
            kind: kind, text: text, source: source, task: task, phase: phase, subject: subject, claimed: claimed,
            denominator: denominator, claimedValue: claimedValue, expected: expected, bound: bound)
    }
}
