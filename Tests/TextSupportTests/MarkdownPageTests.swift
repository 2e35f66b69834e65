import PropertyBased
import Testing
@testable import TextSupport

/// A report page's HTML and title come from one parse, and are what two parses gave.
struct MarkdownPageTests {
    /// Lines of a page: headings of each kind and level, in and out of containers, with escapes,
    /// entities, code and emphasis, beside plain paragraphs and code spans that become badges.
    static let lines = [
        "# Phase 1 \\- report", "# *Audit* of `TN-1` &amp; more", "## Second level", "Setext\n===", "Setext two\n---",
        "> # quoted heading", "- # heading in a list", "    # indented code", "Plain text with `passed`.", "",
        "| a | b |\n| --- | --- |\n| `failed` | 2 |", "#NoSpace", "# ", "# Задача «готово» — 3/3", "<b>raw</b>",
    ]

    static let badges = ["passed": "pass", "failed": "fail"]

    @Test func onePageParseGivesTheHTMLAndTitleOfTwo() async {
        await propertyCheck(count: 500, input: Gen<Int>.int(in: 0...(Self.lines.count - 1)).array(of: 0...6)) { picks in
            let markdown = picks.map { Self.lines[$0] }.joined(separator: "\n\n")
            let page = MarkdownHTML.page(markdown, badges: Self.badges)
            #expect(page.html == MarkdownHTML.render(markdown, badges: Self.badges))
            let heading = MarkdownParser.parse(markdown).children.first { $0.kind == .heading(level: 1) }
            #expect(page.title == heading?.plainText, "\(markdown)")
        }
    }

    @Test func theTitleIsTheFirstTopLevelHeadingOfLevelOne() {
        #expect(MarkdownHTML.page("> # quoted\n\n## two\n\n# Audit \\- `TN-1` &amp; x", badges: [:]).title == "Audit - TN-1 & x")
        #expect(MarkdownHTML.page("Title\n=====\n\n# Later", badges: [:]).title == "Title")
        #expect(MarkdownHTML.page("## only two", badges: [:]).title == nil)
    }
}
