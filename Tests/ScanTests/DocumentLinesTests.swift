import Foundation
import PropertyBased
import Testing
@testable import Scan

/// Lines read from a document's bytes are what splitting its decoded text gave, and a CRLF
/// document has its LF copy's lines.
struct DocumentLinesTests {
    /// The reading before: the decoded text split at every `"\n"` `Character`, each line trimmed.
    static func splitLine(_ bytes: [UInt8], _ number: Int) -> String? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let text = lines[number - 1].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static let pieces: [[UInt8]] = [
        Array("\n".utf8), Array(" ".utf8), Array("\t".utf8), Array("\u{A0}".utf8), Array("\u{2028}".utf8),
        Array("\u{FEFF}".utf8), Array("- [x] 12 files changed".utf8), Array("Отчёт".utf8), Array("e\u{301}".utf8),
        Array("✅".utf8), [0xFF], [0xE2, 0x9C], [0x0B], [0x0C], Array("|".utf8), Array("\u{85}".utf8),
    ]

    @Test func linesAreTheSplitTextsLines() async {
        await propertyCheck(count: 2_000, input: Gen<Int>.int(in: 0...(Self.pieces.count - 1)).array(of: 0...14)) { picks in
            let bytes = picks.flatMap { Self.pieces[$0] }
            let lines = DocumentLines(bytes)
            for number in 0...(picks.count + 2) {
                #expect(lines.line(number) == Self.splitLine(bytes, number), "\(bytes) line \(number)")
            }
        }
    }

    @Test func aCRLFDocumentHasItsLFCopysLines() {
        let lf = "# Report\n\n- 12 files changed  \n- Готово\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let lines = DocumentLines(Array(crlf.utf8))
        #expect((0...6).map { lines.line($0) } == (0...6).map { DocumentLines(Array(lf.utf8)).line($0) })
        #expect(lines.line(3) == "- 12 files changed")
        #expect(lines.line(2) == nil)
    }
}

/// A line longer than the limit is not read.
struct DocumentLinesLimitTests {
    @Test func aLineOverTheLimitIsNotRead() {
        let long = String(repeating: "12 files changed, ", count: 10)
        let lines = DocumentLines(Array("# Report\n\(long)\nshort\n".utf8))
        #expect(lines.line(2, longest: long.utf8.count) != nil)
        #expect(lines.line(2, longest: long.utf8.count - 1) == nil)
        #expect(lines.line(3, longest: 5) == "short")
        #expect(lines.line(3, longest: 4) == nil)
    }
}
