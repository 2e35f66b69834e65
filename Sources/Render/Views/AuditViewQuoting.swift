import Foundation
import Scan

/// Text phasecert did not write itself (a claim as someone wrote it, a title, a commit subject,
/// a note that carries figures) made safe to print in a report that phasecert will later audit.
///
/// Escaping alone makes such text inert for Markdown, but not for the claim scanner: it reads the
/// text of a Markdown code span as prose (the syntax tree keeps the literal, not the backticks),
/// and it reads block quotes too. What it does skip is a figure between literal backtick
/// characters in the text itself. So a quote is the escaped text between escaped backticks: the
/// reader sees `` `39/39 tests passing` ``, the Markdown renders no markup, and the scanner
/// finds no claim in it, so a report that quotes a false claim does not make it again.
enum QuotedMarkdown {
    /// `text` quoted: escaped for Markdown, between escaped backtick runs one longer than any
    /// run inside it, so that no backtick of the text can close the quote early.
    static func quote(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let mark = String(repeating: "\\`", count: longest + 1)
        // A backtick of the text next to the mark would lengthen the mark's run.
        let pad = text.first == "`" || text.last == "`" ? " " : ""
        return mark + pad + MarkdownText.inline(text) + pad + mark
    }

    /// `text` escaped for Markdown, or quoted as `quote(_:)` does when the claim scanner would
    /// read a figure in it: a title or a note reads as plain text unless it states a figure.
    static func guarded(_ text: String, memo: FigureTextMemo? = nil) -> String {
        let statesFigure = memo?.statesFigure(text) ?? FigureTextMemo.statesFigure(text)
        return statesFigure ? quote(text) : MarkdownText.inline(text)
    }
}

/// Which texts the claim scanner reads a figure in, remembered for one report run.
///
/// The same task titles, commit subjects and finding messages are printed in every language's
/// completion, audit and task reports; scanning each once instead of at every print was a
/// quarter of rendering a 50,000-task plan. The answer depends on the text alone.
final class FigureTextMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [Key: Bool] = [:]

    init() {}

    /// Whether the claim scanner reads a figure in `text`.
    func statesFigure(_ text: String) -> Bool {
        let key = Key(text: text)
        if let known = lock.withLock({ known[key] }) { return known }
        let answer = Self.statesFigure(text)
        lock.withLock { known[key] = answer }
        return answer
    }

    /// A text by its bytes: `String` hashes and compares by canonical equivalence, which for
    /// Russian text meant normalising each message at every look-up, a twentieth of writing a
    /// large plan's reports. Two spellings of one text are each scanned once.
    private struct Key: Hashable {
        let text: String

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    static func statesFigure(_ text: String) -> Bool { ClaimPhraseScanner.statesClaim(in: text) }
}

extension ViewText {
    /// `text` escaped for Markdown, or quoted when it states a figure (`QuotedMarkdown.guarded`).
    func guarded(_ text: String) -> String { QuotedMarkdown.guarded(text, memo: memo) }
}
