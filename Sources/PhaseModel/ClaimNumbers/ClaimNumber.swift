/// A number as a claim writes it: `7,321`, `7 321`, `95,5 %`, `~600`, `2,600+`, `38K`.
///
/// `value` is what the figure means, with grouping, decimal comma and `K`/`M` resolved; a
/// percentage keeps its points (`95.5%` has value `95.5`, not `0.955`). `text` and `range` are
/// exactly what the scanner took, markers included, so a report can quote the claim verbatim.
public struct ClaimNumber: Sendable, Equatable {
    /// The figure: `7321` for `7 321`, `95.5` for `95,5 %`, `38000` for `38K`, `-5` for `-5`.
    public var value: Double
    /// Written with `%` after it, directly or after one space (`95.5%`, `95,5 %`, `95.5\u{A0}%`).
    public var isPercent: Bool
    /// Written with `~` or `≈` before it (`~600`, `≈ 600`). Words such as "about" or "около" are
    /// not read here: whether a word hedges a figure is the claim extractor's call, not the lexer's.
    public var approximate: Bool
    /// Written with `+` after it (`2,600+`, `95%+`) or `≥` before it (`≥ 80%`): a lower bound.
    /// A lower bound is not also `approximate`; the two mean different checks.
    public var atLeast: Bool
    /// Where in the scanned text the number was found, markers included.
    public var range: Range<String.Index>
    /// The number exactly as written, markers included (`≈ 95,5 %`).
    public var text: String

    public init(
        value: Double, isPercent: Bool = false, approximate: Bool = false, atLeast: Bool = false,
        range: Range<String.Index>, text: String
    ) {
        self.value = value
        self.isPercent = isPercent
        self.approximate = approximate
        self.atLeast = atLeast
        self.range = range
        self.text = text
    }
}

/// A ratio as a claim writes it: `39/39`, `10.5/11 = 95.5%`, `28/30 (93%)`, `28 из 30`, `28 of 30`.
public struct ClaimRatio: Sendable, Equatable {
    public var numerator: ClaimNumber
    public var denominator: ClaimNumber
    /// The percentage written after the ratio (`= 95.5%`, `(93%)`, `≈ 93%`), if any. It is kept
    /// as written, not checked against the ratio: a mismatch is an inconsistency for the audit.
    public var percent: ClaimNumber?
    /// From the numerator to the end of the percentage (its closing parenthesis included).
    public var range: Range<String.Index>
    /// The ratio exactly as written.
    public var text: String

    public init(
        numerator: ClaimNumber, denominator: ClaimNumber, percent: ClaimNumber?, range: Range<String.Index>,
        text: String
    ) {
        self.numerator = numerator
        self.denominator = denominator
        self.percent = percent
        self.range = range
        self.text = text
    }
}
