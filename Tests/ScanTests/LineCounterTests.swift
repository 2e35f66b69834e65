import Foundation
import PropertyBased
import Testing
@testable import Scan

struct LineCounterTests {
    @Test func linesCountLikeAnEditor() {
        #expect(LineCounter.count(Array("".utf8)) == (0, 0))
        #expect(LineCounter.count(Array("a".utf8)) == (1, 1))
        #expect(LineCounter.count(Array("a\n".utf8)) == (1, 1))
        #expect(LineCounter.count(Array("a\n\n  \nb".utf8)) == (4, 2))
    }

    @Test func crlfAndLoneCarriageReturnsAreOneTerminatorEach() {
        #expect(LineCounter.count(Array("a\r\nb\r\n".utf8)) == (2, 2))
        #expect(LineCounter.count(Array("a\rb\r".utf8)) == (2, 2))
        #expect(LineCounter.count(Array("a\r\n\r\nb".utf8)) == (3, 2))
    }

    @Test func lineCountMatchesSplittingOnNewlines() async {
        let characters = Gen<Character?>.element(of: Array("a \n")).map { $0 ?? "a" }
        await propertyCheck(input: characters.string(of: 0...40)) { text in
            let counts = LineCounter.count(Array(text.utf8))
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
            #expect(counts.lines == lines.count)
            #expect(counts.nonBlank == lines.filter { $0.contains("a") }.count)
        }
    }

    @Test func binaryDataIsRefusedNotCounted() {
        let result = TextFileReader.decode(Data([0x2D, 0x20, 0x00, 0x01]), path: "x.md")
        #expect(result == .failure(.binary))
    }

    @Test func invalidUTF8IsReadWithReplacementAndFlagged() throws {
        let file = try TextFileReader.decode(Data([0x61, 0xFF, 0x0A, 0x62]), path: "x.md").get()
        #expect(file.hadInvalidUTF8)
        #expect(file.text == "a\u{FFFD}\nb")
        #expect(file.lines == 2)
    }
}
