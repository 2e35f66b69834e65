import PropertyBased
import Testing

@testable import Scan

/// The line of the first invalid UTF-8 byte, which the configuration loader and `check-names --fix` both
/// report, against a reference that looks for the longest prefix the standard library accepts.
@Suite("TextFileReader.firstInvalidUTF8Line")
struct TextFileInvalidUTF8LineTests {
    /// Bytes that make valid and broken sequences often: ASCII, a newline, lead and continuation bytes.
    static let pieces: [UInt8] = [0x0A, 0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xC0]

    @Test func theLineIsThatOfTheLongestValidPrefix() async {
        await propertyCheck(input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...24)) { indices in
            let bytes = indices.map { Self.pieces[$0] }
            let valid = (0...bytes.count).last { String(validating: bytes[..<$0], as: UTF8.self) != nil } ?? 0
            let expected = valid == bytes.count ? nil : 1 + bytes[..<valid].count { $0 == 0x0A }
            #expect(TextFileReader.firstInvalidUTF8Line(in: bytes) == expected, "\(bytes)")
        }
    }

    @Test func examples() {
        #expect(TextFileReader.firstInvalidUTF8Line(in: Array("a\nb\u{e9}\n".utf8)) == nil)
        #expect(TextFileReader.firstInvalidUTF8Line(in: [0x61, 0x0A, 0x0A, 0xE9, 0x0A]) == 3)
        #expect(TextFileReader.firstInvalidUTF8Line(in: [0xE2, 0x82]) == 1)
        // A valid two-byte letter counts as two bytes of the prefix, whose newlines come after it.
        #expect(TextFileReader.firstInvalidUTF8Line(in: [0xC3, 0xA9, 0x0A, 0x0A, 0xFF]) == 3)
        #expect(TextFileReader.line(ofByte: 4, in: [0x0A, 0x0A, 0x41, 0x0A, 0x00]) == 4)
    }
}
