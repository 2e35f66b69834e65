import Foundation
import Testing
@testable import Scan

/// The scalar-based trimming that replaced Foundation's in the parsers gives the same results.
struct BlankTrimmingTests {
    @Test(arguments: ["", " ", "  a b  ", "\ta\t", "\u{00A0}x\u{3000}", "\n x \r\n", "é ", " 👍🏽 ", "a\u{0301} ", "\u{2028}y\u{85}"])
    func matchesFoundation(text: String) {
        #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingBlanksAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingNewlines() == text.trimmingCharacters(in: .newlines))
        #expect(Substring(text).trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
    }
}
