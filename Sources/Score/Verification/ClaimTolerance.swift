import PhaseModel

/// How close a claimed figure must be to the figure it is compared with (docs/design/claims-and-verdicts.md#tolerances), from
/// `configuration.claims`.
///
/// Percentages and computed figures (a column mean) also allow the rounding of the precision
/// the figure was written with, on top of the configured tolerance, when the figure it is
/// compared with has more decimals: `93%` for 28/30 = 93.33… is compared with a tolerance of
/// 0.5 + 0.5 points, since the writer may have rounded a value within tolerance. A reference that can be written at the
/// claim's precision gets no such allowance, so `95%` for 9/10 = 90 is judged with 0.5 alone.
/// Counts get none either: "11/11 tasks" does not round 10.5 done.
struct ClaimTolerance: Sendable, Equatable {
    /// What a figure measures, which decides the tolerance it gets.
    enum Measure: Sendable, Equatable {
        /// Counts: absolute `countTolerance`.
        case count
        /// Figures computed from others, such as a column mean or a sum of decimals: absolute
        /// `countTolerance`, plus the rounding of the written precision.
        case computed
        /// Percentages: absolute `percentTolerance`, in points.
        case percent
        /// Lines of code: `locTolerance` relative to the reference.
        case lines
        /// Hours: `durationTolerance` relative to the reference.
        case hours
    }

    var settings: Configuration.Claims

    init(_ settings: Configuration.Claims) {
        self.settings = settings
    }

    /// Whether `claimed` is within tolerance of `reference`, boundaries included.
    func accepts(_ claimed: Double, against reference: Double, as measure: Measure) -> Bool {
        let noise = Self.epsilon * max(1, reference.magnitude)
        return (claimed - reference).magnitude <= allowed(for: claimed, against: reference, as: measure) + noise
    }

    /// The share of the reference a rounded figure (`~200 LOC`, `about 200 lines`, `~300 tests`)
    /// may be off by: 25%, or the measure's own tolerance when that is wider. Whoever writes `~`
    /// rounds to one or two significant digits, and `~200` stands for anything from 150 to 249:
    /// up to a quarter either way. A wider share would accept figures no one would round that
    /// way (`~200` for 300); the plain tolerance would call an honest rounding contradicted.
    static let roundedShare = 0.25

    /// Whether `claimed`, written with `bound`, holds for `reference`.
    ///
    /// - No bound: `accepts(_:against:as:)`.
    /// - `atLeast` (`750+`): the reference is at least the claimed figure less the measure's
    ///   tolerance of it (for lines, `counted ≥ claimed × (1 − locTolerance)`); any larger
    ///   reference holds, since a lower bound says nothing about how far above it the truth is.
    /// - `about` (`~200`): `|claimed − reference|` within `roundedShare` of the reference, within
    ///   the measure's own tolerance, or within half the unit the figure is rounded to
    ///   (`roundingUnit`), whichever is widest: `~10` is anything from 5 to 15, and 7 is about 10.
    func accepts(_ claimed: Double, against reference: Double, as measure: Measure, bound: ClaimBound?) -> Bool {
        let noise = Self.epsilon * max(1, reference.magnitude)
        switch bound {
        case nil:
            return accepts(claimed, against: reference, as: measure)
        case .atLeast:
            return reference + allowed(for: claimed, against: claimed, as: measure) + noise >= claimed
        case .about:
            let share = Self.roundedShare * reference.magnitude
            let widest = max(share, allowed(for: claimed, against: reference, as: measure), Self.roundingUnit(of: claimed) / 2)
            return (claimed - reference).magnitude <= widest + noise
        }
    }

    /// The unit a two-digit figure is rounded to, read from its trailing zero: 10 for `~10` and
    /// `~70`; 1 otherwise (`~7`, `~45`, decimals). Only below 100, where a quarter of the figure is
    /// less than the rounding step; above it, `roundedShare` is the wider allowance anyway.
    static func roundingUnit(of figure: Double) -> Double {
        guard figure >= 10, figure < 100, figure == figure.rounded() else { return 1 }
        var unit = 1.0
        var rest = Int(figure)
        while rest % 10 == 0 {
            rest /= 10
            unit *= 10
        }
        return unit
    }

    /// The share a rounded line count may be off by: `roundedShare`, or `locTolerance` when wider.
    var roundedLineShare: Double { max(Self.roundedShare, settings.locTolerance) }

    /// The largest difference accepted between `claimed` and `reference`.
    func allowed(for claimed: Double, against reference: Double, as measure: Measure) -> Double {
        switch measure {
        case .count: return settings.countTolerance
        case .computed: return settings.countTolerance + Self.roundingAllowance(written: claimed, reference: reference)
        case .percent: return settings.percentTolerance + Self.roundingAllowance(written: claimed, reference: reference)
        case .lines: return settings.locTolerance * reference.magnitude
        case .hours: return settings.durationTolerance * reference.magnitude
        }
    }

    /// Half a unit of the last decimal `written` shows, when `reference` needs more decimals
    /// than that; otherwise 0.
    static func roundingAllowance(written: Double, reference: Double) -> Double {
        let decimals = writtenDecimals(of: written)
        guard decimalsNeeded(for: reference) > decimals else { return 0 }
        return 0.5 * pow10(-decimals)
    }

    /// The fewest decimals that write `value` exactly (93 → 0, 95.5 → 1); 7 for values that
    /// need more than six, such as 28/30 × 100.
    static func decimalsNeeded(for value: Double) -> Int {
        for decimals in 0...6 {
            let scaled = value * pow10(decimals)
            if (scaled - scaled.rounded()).magnitude < 1e-6 { return decimals }
        }
        return 7
    }

    /// Decimals a claimed figure was written with, read from the value: `93` → 0, `95.5` → 1.
    /// A `93.0%` reads as 0 decimals, which only widens the allowance by the rounding it could
    /// have had.
    static func writtenDecimals(of value: Double) -> Int { min(decimalsNeeded(for: value), 6) }

    /// Absorbs binary noise, relative to the reference, so a difference exactly at the tolerance
    /// (0.5 for 93.5 against 94) passes.
    static let epsilon = 1e-9

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent.magnitude { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
