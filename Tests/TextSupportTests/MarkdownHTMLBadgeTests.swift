import Testing
@testable import TextSupport

@Suite struct MarkdownHTMLBadgeTests {
    @Test func codeSpanInParagraphBecomesBadge() {
        let html = MarkdownHTML.render("Gate `failed` now.\n", badges: ["failed": "fail"])
        #expect(html == "<p>Gate <span class=\"badge fail\">failed</span> now.</p>\n")
    }

    @Test func codeSpanInTableCellBecomesBadge() {
        let html = MarkdownHTML.render("| a | b |\n|---|---|\n| x | `failed` |\n", badges: ["failed": "fail"])
        #expect(html.contains("<td><span class=\"badge fail\">failed</span></td>"), "\(html)")
    }

    @Test func otherCodeSpansAndUntrustedTextStayAsTheyAre() {
        let html = MarkdownHTML.render("`passed` and \\`failed\\` and `fail<ed>`\n", badges: ["failed": "fail", "fail<ed>": "x\"><script>"])
        #expect(html.contains("<code>passed</code>"))
        #expect(html.contains("`failed`"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<span class=\"badge xscript\">fail&lt;ed&gt;</span>"))
    }
}
