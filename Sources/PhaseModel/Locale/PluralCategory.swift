/// A CLDR cardinal plural category. Only the categories English and Russian use exist;
/// adding a locale that needs `zero` or `two` means adding cases here.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other
}

extension ReportLocale {
    /// CLDR cardinal plural category of `value`.
    ///
    /// - en: `one` for exactly 1, else `other`.
    /// - ru: integers take `one` (n % 10 == 1, n % 100 != 11), `few` (n % 10 in 2...4,
    ///   n % 100 not in 12...14) or `many`; any non-integer takes `other`.
    ///
    /// The sign is ignored (-1 task, like 1 task). Non-finite values take `other`.
    /// Whether a value is an integer is decided on its shortest decimal representation,
    /// so a `Double` that prints as `1.0000000000000002` is not an integer.
    public func pluralCategory(_ value: Double) -> PluralCategory {
        guard let digits = DecimalDigits(value) else { return .other }
        return pluralCategory(of: digits)
    }

    /// The category of a number as it is displayed: CLDR plural rules look at the visible
    /// digits, so `counted` asks about the rounded value, not the raw `Double`.
    func pluralCategory(of digits: DecimalDigits) -> PluralCategory {
        // A visible fraction ("1,5", "1.0") puts both locales in `other` (CLDR v != 0).
        guard digits.fraction.isEmpty else { return .other }
        let lastTwo = digits.integerLastTwoDigits
        switch self {
        case .en:
            return lastTwo == 1 && digits.integer.count == 1 ? .one : .other
        case .ru:
            let units = lastTwo % 10
            if units == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(units) && !(12...14).contains(lastTwo) { return .few }
            return .many
        }
    }
}
