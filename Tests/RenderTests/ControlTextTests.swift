import PhaseModel
import Testing
@testable import Render

/// Names from a repository carry no control character into a terminal, a CI log or a report:
/// ESC cannot rewrite the screen and an encoded newline cannot start a `::error::` line.
struct ControlTextTests {
    static let hostile = "ok\u{1B}[31m red\n::error::pwned\r\u{0}end"

    @Test func controlCharactersBecomeVisiblePictures() {
        #expect(ControlText.neutralized(Self.hostile) == "ok␛[31m red␊::error::pwned␍␀end")
        #expect(ControlText.neutralized("tab\tstays") == "tab\tstays")
        #expect(ControlText.neutralized("a\nb", keepingLineBreaks: true) == "a\nb")
    }

    @Test func aTableCellCannotStartALineOrColourTheTerminal() {
        let text = TextTable(header: ["Task", "Title"], rows: [["TN-001", Self.hostile]]).render()
        #expect(!text.contains("\u{1B}"))
        #expect(text.split(separator: "\n").count == 3)
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::") })
    }

    @Test func aWorkflowCommandMessageKeepsItsEscapesAndLosesESC() {
        let escaped = WorkflowCommand.escapeData(Self.hostile)
        #expect(escaped == "ok␛[31m red%0A::error::pwned%0D␀end")
    }

    @Test func markdownTextHasNoControlCharacters() {
        let inline = MarkdownText.inline(Self.hostile)
        #expect(!inline.unicodeScalars.contains { $0.value < 0x20 })
    }
}
