import PhaseModel

/// A count as claims write one: a plain number (`36`) or a ratio (`39/39`, `10.5/11 = 95.5%`).
struct PhraseCount {
    /// The tokens of the figure: the number, or the ratio's numbers.
    var figures: [Int]
    var first: Int
    /// The last token of the figure (a ratio's closing parenthesis included).
    var last: Int
    /// The number, or the ratio's numerator.
    var value: Double
    /// The ratio's denominator.
    var denominator: Double?
    /// The ratio itself, when the count is one.
    var ratio: PhraseRatio?
    /// The number as written, for a plain count: its `+` and `~` marks.
    var number: ClaimNumber?

    /// Whether both numbers are whole. Tests are never counted in parts (tasks may be: `10.5/11
    /// tasks`), so `5.1 Unit Tests` numbers a section.
    var isWhole: Bool {
        value == value.rounded() && (denominator.map { $0 == $0.rounded() } ?? true)
    }
}

extension PhraseTokens {
    /// The count starting at `index`: a number that is not a percentage, or a ratio. Negative
    /// numbers and deltas (`+38 LOC`) are no counts, and a ratio's denominator is no count of its own.
    func count(at index: Int) -> PhraseCount? {
        guard let number = number(index), !isRatioTail(index), number.value >= 0, !isDelta(index) else { return nil }
        if let ratio = ratio(at: index) {
            return PhraseCount(
                figures: ratio.figures, first: index, last: ratio.last, value: ratio.value.numerator.value,
                denominator: ratio.value.denominator.value, ratio: ratio)
        }
        guard !number.isPercent else { return nil }
        return PhraseCount(figures: [index], first: index, last: index, value: number.value, number: number)
    }

    /// A number written as a change: `+38`, `±5`.
    func isDelta(_ index: Int) -> Bool {
        guard self[index]?.isGlued == true else { return false }
        return isSymbol(index - 1, "+") || isSymbol(index - 1, "±")
    }
}

extension PhraseTokens {
    /// A percentage claimed as a level: not negative and not a change (`+2% completion`).
    func levelPercent(_ index: Int) -> ClaimNumber? {
        guard let number = number(index), number.isPercent, number.value >= 0, !isRatioTail(index), !isDelta(index)
        else { return nil }
        return number
    }
}
