import PhaseModel
import PropertyBased
import Testing
@testable import Render

/// Russian and English report text escaped by bytes gives what the `Character` escaper gives.
struct PlainScalarEscapingTests {
    /// Plain scalars beside every ASCII piece where the paths could part, and beside what is not
    /// plain: a combining mark after a Cyrillic letter, an emoji with its variation selector,
    /// non-ASCII digits, spaces and line breaks, and U+1FEF, canonically a backtick.
    static let pieces = MarkdownTextTests.asciiPieces + [
        "Задача", "ё", "Ѣ", "«", "»", "—", "–", "…", "№", "×", "±", "°", "≤", "≥", "→", "“", "”", "„", "−",
        "\u{301}", "\u{483}", "✅", "\u{FE0F}", "١٢", "\u{A0}", "\u{2028}", "\u{85}", "\u{1FEF}", "🙂",
    ]

    @Test func mixedTextIsEscapedAsCharacterByCharacter() async {
        await propertyCheck(count: 2_000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...24)) { parts in
            let text = parts.compactMap { $0 }.joined()
            if let bytes = MarkdownText.byteInline(text) {
                #expect(bytes == MarkdownText.characterInline(text), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func plainTextTakesTheBytePath() {
        #expect(MarkdownText.byteInline("Фаза 1 — «готово» № 3") == "Фаза 1 — «готово» № 3")
        #expect(MarkdownText.byteInline("1. Задача | *итог*") == "1\\. Задача \\| \\*итог\\*")
        #expect(MarkdownText.byteInline("— список") == "— список")
        #expect(MarkdownText.characterInline("— список") == "— список")
    }

    @Test(arguments: ["*\u{301}", "е\u{301}", "✅\u{FE0F}", "١٢. пункт", "\u{A0}пробел", "строка\u{2028}вторая", "\u{1FEF}код"])
    func textWithScalarsThatAreNotPlainTakesTheCharacterPath(_ text: String) {
        #expect(MarkdownText.byteInline(text) == nil)
        #expect(MarkdownText.inline(text) == MarkdownText.characterInline(ControlText.neutralized(text, keepingLineBreaks: true)))
    }
}
