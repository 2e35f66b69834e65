/// The languages reports are written in. Formatting is written by hand because
/// Foundation's formatters give different output on Linux and macOS (and between ICU
/// versions), and reports must be byte-identical across machines.
public enum ReportLocale: String, Sendable, CaseIterable {
    case en, ru
}

extension ReportLocale {
    /// Separator between groups of three integer digits: en ",", ru U+00A0 so that a
    /// number never breaks across lines.
    var groupSeparator: String {
        switch self {
        case .en: ","
        case .ru: "\u{00A0}"
        }
    }

    var decimalSeparator: String {
        switch self {
        case .en: "."
        case .ru: ","
        }
    }

    /// The digits of `value` rounded down to `fractionDigits` decimals, ungrouped and with a dot
    /// ("-12.3", "7321"), for terminal tables; "—" for NaN and infinities. The same rule as `number`.
    public static func plain(_ value: Double, fractionDigits: Int = 1) -> String {
        guard let digits = DecimalDigits(value)?.rounded(toFractionDigits: fractionDigits) else { return "—" }
        let integer = digits.integer.isEmpty ? "0" : digits.integer.map(String.init).joined()
        let fraction = digits.fraction.map(String.init).joined()
        let sign = digits.negative && !digits.isZero ? "-" : ""
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A grouped number with at most `fractionDigits` decimals: en "7,321", "95.5";
    /// ru "7 321" (U+00A0 between groups), "95,5".
    ///
    /// - Rounding is toward zero (down) on the shortest decimal representation of
    ///   `value`, as everywhere phasecert shows a figure: 99.96 → "99.9", 89.25 → "89.2";
    ///   a binary artefact such as 2.9999999999999996 still reads "3" (`DecimalDigits`).
    /// - Trailing fraction zeros are dropped ("95.0" → "95") unless `keepZeros`, which
    ///   pads to exactly `fractionDigits` ("95.0").
    /// - Negative numbers use ASCII hyphen-minus in both locales ("-1,234", "-1 234"):
    ///   it survives plain-text tools and Markdown tables, and U+2212 gains nothing in a
    ///   report. A value that rounds to zero prints without a sign.
    /// - A negative `fractionDigits` counts as 0. NaN and infinities print "—", the
    ///   placeholder reports use for a missing value.
    public func number(_ value: Double, fractionDigits: Int = 1, keepZeros: Bool = false) -> String {
        guard let digits = DecimalDigits(value) else { return "—" }
        return format(digits.rounded(toFractionDigits: fractionDigits), fractionDigits: fractionDigits, keepZeros: keepZeros)
    }

    /// A percentage of `value`, which is already in percent (95.5, not 0.955):
    /// en "95.5%", ru "95,5 %" with U+00A0 before the sign, as Russian typography asks.
    public func percent(_ value: Double, fractionDigits: Int = 1, keepZeros: Bool = false) -> String {
        let figure = number(value, fractionDigits: fractionDigits, keepZeros: keepZeros)
        switch self {
        case .en: return figure + "%"
        case .ru: return figure + "\u{00A0}%"
        }
    }

    /// A counted noun: the formatted count, a space, and the form for the count's plural
    /// category ("21 задача", "1,5 задачи", "2 tasks").
    ///
    /// The category is taken from the number as displayed, so 1.04 shown as "1" reads
    /// "1 task". A missing form falls back to `.other`; with neither, only the number is
    /// returned, so a gap in a translation table shows up as a bare number, not a crash.
    public func counted(_ value: Double, _ forms: [PluralCategory: String], fractionDigits: Int = 1) -> String {
        guard let digits = DecimalDigits(value) else { return number(value) }
        let shown = digits.rounded(toFractionDigits: fractionDigits)
        let figure = format(shown, fractionDigits: fractionDigits, keepZeros: false)
        guard let noun = forms[pluralCategory(of: shown)] ?? forms[.other] else { return figure }
        return figure + " " + noun
    }

    private func format(_ digits: DecimalDigits, fractionDigits: Int, keepZeros: Bool) -> String {
        var integerText = ""
        let integer = digits.integer.isEmpty ? [0] : digits.integer
        for (offset, digit) in integer.enumerated() {
            if offset > 0 && (integer.count - offset) % 3 == 0 { integerText += groupSeparator }
            integerText += String(digit)
        }
        var fraction = digits.fraction.map(String.init).joined()
        if keepZeros && fraction.count < fractionDigits {
            fraction += String(repeating: "0", count: fractionDigits - fraction.count)
        }
        let sign = digits.negative ? "-" : ""
        return fraction.isEmpty ? sign + integerText : sign + integerText + decimalSeparator + fraction
    }
}
