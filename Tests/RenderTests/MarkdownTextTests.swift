import PropertyBased
import Testing
import TextSupport
@testable import Render

/// Untrusted text through `MarkdownText` reads back as the same characters and never as markup.
struct MarkdownTextTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "a | b | c",
        "`code` and ``double``",
        "**bold** and __also__ and *it* _it_",
        "first line\nsecond line",
        "Задача TN-099: «Redis» — 7 321 строк",
        "- not a list",
        "+ not a list either",
        "1. not ordered",
        "12) nor this",
        "# not a heading",
        "> not a quote",
        "    not code",
        "[link](javascript:alert(1)) ![img](x.png)",
        "&amp; &lt;b&gt; &#60;",
        "~~struck~~ http://example.com/x?a=1&b=2",
        "back\\slash\\",
        "=== not a setext underline",
        "| leading pipe",
        "trailing backslash \\",
        "<!-- comment --> <div>raw</div>",
    ]

    /// What a reader should see: the text with line breaks as single spaces.
    func expected(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    @Test(arguments: hostile)
    func inlineTextReadsBackAsTheSameCharacters(text: String) {
        let document = MarkdownParser.parse(MarkdownText.inline(text))
        #expect(document.children.count == 1)
        #expect(document.children.first?.kind == .paragraph)
        #expect(document.plainText == expected(text))
    }

    @Test(arguments: hostile)
    func aTableCellStaysOneCell(text: String) {
        let markdown = "| a | b |\n| --- | --- |\n| \(MarkdownText.cell(text)) | end |\n"
        let document = MarkdownParser.parse(markdown)
        let table = try? #require(document.children.first)
        #expect(table?.kind == .table)
        let body = table?.children.last
        #expect(body?.children.count == 2)
        #expect(body?.children.first?.plainText == expected(text))
        #expect(body?.children.last?.plainText == "end")
    }

    @Test func htmlOfEscapedTextHoldsNoMarkupFromTheInput() {
        let markdown = Self.hostile.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n")
        let html = MarkdownHTML.render(markdown)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div>"))
        #expect(!html.contains("<strong>"))
        #expect(!html.contains("<code>"))
        #expect(!html.contains("<a href"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<del>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Задача TN-099: «Redis» — 7 321 строк"))
        #expect(html.components(separatedBy: "<li>").count - 1 == Self.hostile.count)
    }

    @Test func safeModeDropsRawHTMLWrittenInMarkdown() {
        let html = MarkdownHTML.render("Hello <script>alert(1)</script>\n\n<div onclick=x>raw</div>\n\n[x](javascript:alert(1))\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("javascript:"))
    }

    @Test func gfmTablesStrikethroughAndAutolinksRender() {
        let html = MarkdownHTML.render("| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ https://example.com\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.com\">"))
    }

    /// Pieces of ASCII text where the byte-wise path could part from the `Character` one: every
    /// special character, list and heading openers, digits before a dot, leading blanks, and each
    /// line break alone and as CR LF.
    static let asciiPieces = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "#", "(", ")", ":", "-", "+", "=", ".",
        "1", "12", "7", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "a", "Word", "&#32;",
    ]

    @Test func asciiTextIsEscapedAsCharacterByCharacter() async {
        await propertyCheck(input: Gen<String?>.element(of: Self.asciiPieces).array(of: 0...24)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(MarkdownText.byteInline(text) == MarkdownText.characterInline(text))
        }
        for text in Self.hostile where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(MarkdownText.byteInline(text) == MarkdownText.characterInline(text))
        }
        #expect(MarkdownText.byteInline("Задача\u{301}") == nil)
    }

    /// Mixed text: ASCII pieces beside Cyrillic, dashes, combining marks, other scripts' digits,
    /// Unicode line breaks and U+1FEF, which is canonically a backtick.
    static let mixedPieces = asciiPieces + ["Редис", "—", "é", "e\u{301}", "\u{1FEF}", "١٢", "\u{2028}", "\u{85}", "\u{A0}", "🙂", "➖"]

    @Test func mixedTextIsEscapedAsBeforeTheASCIITable() async {
        await propertyCheck(input: Gen<String?>.element(of: Self.mixedPieces).array(of: 0...24)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(MarkdownText.characterInline(text) == Self.referenceInline(text))
        }
        for text in Self.hostile {
            #expect(MarkdownText.characterInline(text) == Self.referenceInline(text))
        }
    }

    /// `characterInline` as it was written first, `Character` by `Character`: the reference the
    /// table-driven version must equal.
    private static func referenceInline(_ text: String) -> String {
        var result = ""
        var atStart = true
        var previous: Character?
        for character in text {
            if character.isNewline {
                if previous != " " && !atStart { result.append(" ") }
                previous = " "
                continue
            }
            if result.isEmpty, character == " " || character == "\t" {
                result.append(character == " " ? "&#32;" : "&#9;")
                previous = character
                continue
            }
            if atStart, ["-", "+", "="].contains(character) {
                result.append("\\")
            } else if MarkdownText.special.contains(character) {
                result.append("\\")
            } else if character == ".", let previous, previous.isNumber, !result.isEmpty, result.allSatisfy(\.isNumber) {
                result.append("\\")
            }
            result.append(character)
            previous = character
            if !character.isWhitespace { atStart = false }
        }
        return result
    }
}
