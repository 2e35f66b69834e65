import PhaseModel

/// The two languages notes and messages are written in.
enum NoteLanguage: Sendable, CaseIterable {
    case en, ru
}

/// Numbers as notes and findings print them: `ReportLocale`'s formatting with at most two
/// decimals, trailing zeros dropped (en `7,321.5`, ru `7 321,5`, `93,3 %` with U+00A0).
enum ClaimFigure {
    /// `value` with at most two decimals: en `7,321.5`, ru `7 321,5`.
    static func number(_ value: Double, _ language: NoteLanguage) -> String {
        (language == .en ? ReportLocale.en : ReportLocale.ru).number(value, fractionDigits: 2)
    }

    /// `value` in `unit`: `93.33%` / `93,33 %`, `2 h` / `2 ч`, `962`.
    static func figure(_ value: Double, _ unit: ClaimUnit, _ language: NoteLanguage) -> String {
        switch unit {
        case .plain: return number(value, language)
        case .percent: return percent(value, language)
        case .hours: return number(value, language) + (language == .en ? " h" : "\u{00A0}ч")
        case .fraction: return percent(value * 100, language)
        }
    }

    /// A signed difference in `unit`: `+1`, `-1.7 points` / `-1,7 п. п.`, `-70 h`.
    static func difference(_ value: Double, _ unit: ClaimUnit, _ language: NoteLanguage) -> String {
        let points = language == .en ? " points" : "\u{00A0}п.\u{00A0}п."
        switch unit {
        case .plain: return number(value, language).withSign
        case .percent: return number(value, language).withSign + points
        case .hours: return number(value, language).withSign + (language == .en ? " h" : "\u{00A0}ч")
        case .fraction: return number(value * 100, language).withSign + points
        }
    }

    /// `value` as a percentage: en `93.33%`, ru `93,33 %`.
    static func percent(_ value: Double, _ language: NoteLanguage) -> String {
        (language == .en ? ReportLocale.en : ReportLocale.ru).percent(value, fractionDigits: 2)
    }

    /// The same sentence in both languages, built by one closure so the figures cannot drift
    /// apart between them.
    static func text(_ build: (NoteLanguage) -> String) -> LocalizedText {
        LocalizedText(en: build(.en), ru: build(.ru))
    }
}

extension String {
    /// A formatted number with `+` before it unless it is negative or zero.
    fileprivate var withSign: String { hasPrefix("-") || self == "0" ? self : "+" + self }
}
