import PhaseModel

/// An `n/m` ratio from `ClaimNumberScanner.ratios(in:)`, located among a span's tokens.
struct PhraseRatio {
    /// Token indices of the numerator, the denominator and the attached percentage.
    var numerator: Int
    var denominator: Int
    var percent: Int?
    /// The last token the ratio covers: its denominator, its percentage, or the `)` closing it.
    var last: Int
    var value: ClaimRatio

    /// The figures a claim of the ratio consumes.
    var figures: [Int] { [numerator, denominator] + (percent.map { [$0] } ?? []) }

    /// `n/m × 100`, or `nil` for a zero denominator.
    var percentage: Double? {
        value.denominator.value == 0 ? nil : value.numerator.value / value.denominator.value * 100
    }

    /// The ratios of the span whose numbers are tokens of `tokens`, in order.
    static func ratios(in scalars: ClaimScalars, tokens: [PhraseToken]) -> [PhraseRatio] {
        let found = ClaimNumberScanner.ratios(in: scalars.text)
        guard !found.isEmpty else { return [] }
        var numberAt: [Int: Int] = [:]
        for (index, token) in tokens.enumerated() where token.kind == .number { numberAt[token.start] = index }

        func token(_ bound: String.Index) -> Int? { position(of: bound, in: scalars).flatMap { numberAt[$0] } }

        var result: [PhraseRatio] = []
        for ratio in found {
            guard let numerator = token(ratio.numerator.range.lowerBound),
                let denominator = token(ratio.denominator.range.lowerBound),
                let end = position(of: ratio.range.upperBound, in: scalars)
            else { continue }
            let percent = ratio.percent.flatMap { token($0.range.lowerBound) }
            var last = percent ?? denominator
            while last + 1 < tokens.count, tokens[last + 1].end <= end { last += 1 }
            result.append(
                PhraseRatio(numerator: numerator, denominator: denominator, percent: percent, last: last, value: ratio))
        }
        return result
    }

    /// The scalar position of a string index, found by bisection over the scalars' indices.
    private static func position(of index: String.Index, in scalars: ClaimScalars) -> Int? {
        var low = 0
        var high = scalars.indices.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let probe = scalars.indices[middle]
            if probe == index { return middle }
            if probe < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
