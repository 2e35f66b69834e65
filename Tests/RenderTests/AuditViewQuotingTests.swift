import Scan
import Testing
import TextSupport
@testable import Render

/// Quoting text someone else wrote so that the claim scanner does not read it again.
struct AuditViewQuotingTests {
    /// The visible text of `markdown` as the claim extractor gets it: cmark's text, escapes resolved.
    private static func visible(_ markdown: String) -> String {
        MarkdownParser.parse(markdown).children.first?.plainText ?? ""
    }

    @Test func aQuoteIsTheEscapedTextBetweenEscapedBackticks() {
        #expect(QuotedMarkdown.quote("39/39 tests passing") == "\\`39/39 tests passing\\`")
        #expect(Self.visible(QuotedMarkdown.quote("39/39 tests passing")) == "`39/39 tests passing`")
    }

    @Test func backticksInsideTheTextCannotCloseTheQuote() {
        let quoted = QuotedMarkdown.quote("a ``b`` 39/39 tests")
        #expect(quoted == "\\`\\`\\`a \\`\\`b\\`\\` 39/39 tests\\`\\`\\`")
        #expect(ClaimPhraseScanner.claims(in: Self.visible(quoted)).isEmpty)
        // A backtick at either end is kept apart from the marks by a space.
        let edge = QuotedMarkdown.quote("`42 tests`")
        #expect(Self.visible(edge) == "`` `42 tests` ``")
        #expect(ClaimPhraseScanner.claims(in: Self.visible(edge)).isEmpty)
    }

    @Test func theScannerReadsAFigureInPlainAndCodeSpanTextButNotInAQuote() {
        #expect(!ClaimPhraseScanner.claims(in: Self.visible("39/39 tests passing")).isEmpty)
        // A Markdown code span reaches the scanner without its backticks: it is no hiding place.
        #expect(!ClaimPhraseScanner.claims(in: Self.visible("`39/39 tests passing`")).isEmpty)
        #expect(ClaimPhraseScanner.claims(in: Self.visible(QuotedMarkdown.quote("39/39 tests passing"))).isEmpty)
    }

    @Test func guardedTextIsQuotedOnlyWhenItStatesAFigure() {
        #expect(QuotedMarkdown.guarded("Storage backend") == "Storage backend")
        #expect(QuotedMarkdown.guarded("a | b\nc") == "a \\| b c")
        #expect(QuotedMarkdown.guarded("93.2% coverage") == "\\`93\\.2% coverage\\`")
    }
}
