import Foundation
import PhaseModel

/// How rule messages show values taken from the evidence.
enum RuleText {
    /// Longest excerpt of evidence text (a Helm error, a checklist item) put in a message.
    static let excerptLength = 160

    /// `text` on one line, white space collapsed, cut at `excerptLength` with an ellipsis, so a
    /// wrapped Helm error or a long item does not swamp the message.
    static func excerpt(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        let line = words.joined(separator: " ")
        guard line.count > excerptLength else { return line }
        return String(line.prefix(excerptLength - 1)) + "…"
    }

    /// A percentage with as few decimals as show it on the right side of `threshold`: `80.5` is
    /// never printed as `81` against a target of 81, nor `79.96` as `80` against 80.
    /// The figure only: the sign, and the space before it in Russian, belong to the message.
    static func percent(_ value: Double, against threshold: Double) -> LocalizedText {
        var digits = 1
        while digits < 4, let shown = Double(ReportLocale.en.number(value, fractionDigits: digits).replacingOccurrences(of: ",", with: "")),
            (shown < threshold) != (value < threshold)
        {
            digits += 1
        }
        return LocalizedText(
            en: ReportLocale.en.number(value, fractionDigits: digits), ru: ReportLocale.ru.number(value, fractionDigits: digits))
    }
}
