import Foundation
import PropertyBased
import Testing
@testable import Scan

/// Bytes decoded through one buffer give the file Foundation's decoding gave: text, validity,
/// byte-order marks, line counts, and binary content refused.
struct TextDecodingTests {
    /// `decode` as it was written first, through `Data` and Foundation.
    static func reference(_ data: Data, path: String) -> Result<TextFile, TextFileProblem> {
        if data.contains(0) { return .failure(.binary) }
        let strict = String(data: data, encoding: .utf8)
        let text = strict ?? String(decoding: data, as: UTF8.self)
        let counts = LineCounter.count(data)
        var result = TextFile(
            path: path, text: text, bytes: data.count, hadInvalidUTF8: strict == nil,
            lines: counts.lines, nonBlankLines: counts.nonBlank)
        if result.text.hasPrefix("\u{FEFF}") { result.text.removeFirst() }
        return .success(result)
    }

    /// Pieces of files: byte-order marks, line ends of every kind, blanks, Cyrillic, broken and
    /// truncated UTF-8, NUL.
    static let pieces: [[UInt8]] = [
        [0xEF, 0xBB, 0xBF], Array("a".utf8), Array("line".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x09],
        Array("Задача".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80], [0x00],
    ]

    @Test func bytesAreDecodedAsFoundationDecodedThem() async {
        await propertyCheck(count: 3_000, input: Gen<Int>.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12)) { picks in
            let data = Data(picks.flatMap { Self.pieces[$0] })
            #expect(TextFileReader.decode(data, path: "f.md") == Self.reference(data, path: "f.md"), "\(Array(data))")
            let counts = TextFileReader.lineCounts(of: data)
            if case let .success(file) = Self.reference(data, path: "f.md") {
                #expect(counts?.lines == file.lines && counts?.nonBlank == file.nonBlankLines)
            } else {
                #expect(counts == nil)
            }
        }
    }

    @Test func oneOrTwoByteOrderMarksLeaveNoneInTheText() throws {
        let once = try TextFileReader.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\n".utf8)), path: "f.md").get()
        #expect(once.text == "a\n" && !once.hadInvalidUTF8 && once.lines == 1)
        let twice = try TextFileReader.decode(Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a".utf8)), path: "f.md").get()
        #expect(twice.text == "a")
        let broken = try TextFileReader.decode(Data([0xEF, 0xBB, 0xBF, 0xFF]), path: "f.md").get()
        #expect(broken.text == "\u{FFFD}" && broken.hadInvalidUTF8)
    }
}
