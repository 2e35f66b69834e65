import Foundation
import PhaseModel

/// A count of files as a heading or lead-in line writes it: `Files Created (16 total)`,
/// `Test Scripts (4 files, 630 LOC)`, `Созданные файлы (16)`, `Файлы (всего 16)`, `3 файла`.
///
/// Read here, beside the phrase scanner, because only the document's structure (the list under
/// the heading) gives the count it is checked against; the phrase scanner's own `fileCount`
/// claim for the same figure is completed rather than repeated.
struct FileCountPhrase {
    var value: Double
    /// Written as a bound or an estimate (`50+ files`, `~20 files`): not comparable with a count.
    var isBound: Bool
    var text: String
    var range: Range<String.Index>

    /// The first file count in `text`, if any.
    static func find(in text: String) -> FileCountPhrase? {
        let numbers = ClaimNumberScanner.numbers(in: text)
        for number in numbers where !number.isPercent && number.value >= 0 && number.value == number.value.rounded() {
            let after = text[number.range.upperBound...]
            let nextWord = ClaimWords.words(after.prefix(24)).first
            // `16 files`, `3 файла`: the count stands right before the word.
            if let nextWord, ClaimWords.isFileWord(nextWord), after.drop(while: \.isWhitespace).first?.isLetter == true {
                let phrase = text[number.range.lowerBound...].prefix { $0 != "," && $0 != ")" && $0 != ";" }
                return FileCountPhrase(
                    value: number.value, isBound: number.atLeast || number.approximate, text: phrase.trimmingBlanks(),
                    range: number.range)
            }
            // `(16 total)`, `(16)`, `(всего 16)`, `(16 шт.)` after a word for files: what the
            // bracket counts is named before it (`Provider count (14) in critical files` counts providers).
            let named = ClaimWords.words(String(text[..<number.range.lowerBound]))
            guard named.contains(where: ClaimWords.isFileWord) else { continue }
            let before = text[..<number.range.lowerBound].reversed().drop(while: \.isWhitespace)
            let wordBefore = String(before.prefix(while: \.isLetter).reversed()).lowercased()
            let opening = before.drop(while: \.isLetter).drop(while: { $0 == ":" || $0.isWhitespace }).first
            let openedRight = before.first == "(" || (["total", "всего", "итого"].contains(wordBefore) && opening == "(")
            let rest = after.drop(while: \.isWhitespace)
            let wordAfter = String(rest.prefix(while: \.isLetter)).lowercased()
            let closing = rest.drop(while: \.isLetter).drop(while: { $0 == "." || $0.isWhitespace }).first
            let closedRight = rest.first == ")" || (["total", "шт", "всего", "in", "items"].contains(wordAfter) && closing == ")")
            if openedRight && closedRight {
                return FileCountPhrase(
                    value: number.value, isBound: number.atLeast || number.approximate, text: text.trimmingBlanks(),
                    range: number.range)
            }
        }
        return nil
    }
}
