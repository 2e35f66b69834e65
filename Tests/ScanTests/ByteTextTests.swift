import Foundation
import PropertyBased
import Testing
@testable import Scan

/// `containsLine` looks a line up among a text's lines before searching for it; it must answer
/// what the plain search answers, for every text and every needle.
struct ByteTextTests {
    static let pieces = [
        "a", "b", "ab", "- [x]", "| 3 |", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "Задача", "é",
        "e\u{301}", "\u{2028}", "🙂", "12", "tests",
    ]

    @Test func aLineIsFoundExactlyWhenTheSearchFindsIt() async {
        let pieces = Gen<String?>.element(of: Self.pieces).array(of: 0...16)
        await propertyCheck(input: pieces, pieces) { textParts, needleParts in
            let text = ByteText(Array(textParts.compactMap { $0 }.joined().utf8))
            let index = ByteText.LineIndex(text)
            let needle = needleParts.compactMap { $0 }.joined()
            #expect(text.containsLine(needle, index: index) == text.contains(needle))
            // Every line of the text, trimmed as a work-tree line is, is found.
            let lines = String(decoding: text.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(text.containsLine(trimmed, index: index) == text.contains(trimmed))
                #expect(text.containsLine(trimmed, index: index))
            }
        }
    }

    @Test func partsOfLinesAndTextsWithoutLinesAreSearched() {
        let text = ByteText(Array("- [x] 12 tests pass\n  | a | b |  \r\nlast".utf8))
        func containsLine(_ line: String) -> Bool { text.containsLine(line, index: ByteText.LineIndex(text)) }
        #expect(containsLine("- [x] 12 tests pass"))
        #expect(containsLine("| a | b |"))
        #expect(containsLine("12 tests"))
        #expect(containsLine("pass\n  | a"))
        #expect(containsLine("last"))
        #expect(!containsLine("13 tests"))
        #expect(ByteText([]).containsLine("", index: ByteText.LineIndex(ByteText([]))))
        #expect(!ByteText([]).containsLine("a", index: ByteText.LineIndex(ByteText([]))))
    }
}
