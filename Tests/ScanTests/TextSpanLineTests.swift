import Testing
import TextSupport

@testable import Scan

/// `TextSpan.line(at:)` gives every character of a wrapped paragraph the source line it stands on.
struct TextSpanLineTests {
    @Test func everyCharacterOfAWrappedParagraphHasItsLine() throws {
        let written = ["12 files changed", "`a.go`: 3 tests, **7** passed", "", "ещё 4 строки"].filter { !$0.isEmpty }
        // The paragraph starts on line 3 of its document.
        let markdown = "# Title\n\n" + written.joined(separator: "\n") + "\n"
        let paragraph = try #require(MarkdownParser.parse(markdown).children.last)
        let span = TextSpan(paragraph.children, line: 3)

        // Soft breaks become single spaces: the span's words, in order, are the lines' words.
        let plain = written.map { $0.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "") }
        #expect(span.text == plain.joined(separator: " "))
        var expected: [Int] = []
        for (offset, line) in plain.enumerated() {
            expected += Array(repeating: 3 + offset, count: line.count + (offset < plain.count - 1 ? 1 : 0))
        }
        // The space a break became belongs to the line before it.
        let lines = span.text.indices.map { span.line(at: $0) }
        #expect(lines == expected)
        #expect(span.line(at: span.text.endIndex) == 3 + plain.count - 1)
    }

    @Test func aSpanOfOneLineHasThatLine() {
        let span = TextSpan(text: "39/39 tests passing", line: 12)
        #expect(span.text.indices.allSatisfy { span.line(at: $0) == 12 })
    }
}
