import Foundation
import PropertyBased
import Testing
@testable import Scan

/// The title trimming by scalars gives what Foundation's `trimmingCharacters(in:)` gave.
struct StatusTextTrimTests {
    /// Every scalar of the Basic Multilingual Plane and the emoji planes is a separator exactly
    /// when `CharacterSet` says so.
    @Test func theSeparatorsAreTheCharacterSetsScalars() {
        var differing: [String] = []
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if StatusText.isSeparator(scalar) != StatusText.separators.contains(scalar) {
                differing.append(String(value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    static let pieces = [
        " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", ":", "-", "–", "—", "|", ",", ";", "*", "_", "\u{301}", "e\u{301}",
        "a", "Redis", "Отчёт", "✅", "🏆", "(", ")", "\n", "\r\n", "\u{200B}", "\u{FEFF}", "1", "%",
    ]

    @Test func trimsAsFoundationDoes() async {
        await propertyCheck(count: 3_000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...10)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(StatusText.trimmed(Substring(text)) == text.trimmingCharacters(in: StatusText.separators), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aTrimmedSliceKeepsOnlyItsOwnText() {
        let text = "-- Redis (HA) ✅ COMPLETE --"
        let cut = text.firstIndex(of: "✅")!
        #expect(StatusText.trimmed(text[..<cut]) == "Redis (HA)")
        #expect(StatusText.trimmed(text[cut...]) == "✅ COMPLETE")
        #expect(StatusText.trimmed(" :: ") == "")
    }
}
