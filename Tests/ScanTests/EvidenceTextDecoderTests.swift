import Foundation
import PropertyBased
import Testing
@testable import Scan

/// Evidence bytes become UTF-8 whatever the chunking: UTF-16 with a mark is transcoded, UTF-8 passes through.
struct EvidenceTextDecoderTests {
    /// Decodes `bytes` fed in chunks of the given sizes (cycled).
    func decode(_ bytes: [UInt8], chunks sizes: [Int] = [1 << 16]) -> [UInt8] {
        var decoder = EvidenceTextDecoder()
        var out: [UInt8] = []
        var start = 0
        var turn = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, sizes[turn % sizes.count]))
            bytes[start..<end].withUnsafeBufferPointer { decoder.decode($0) { out += $0 } }
            start = end
            turn += 1
        }
        decoder.finish { out += $0 }
        return out
    }

    static let sample = "<testsuite name=\"Café ≠ cafe 😀\">\r\n\tok\n</testsuite>\n"

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    @Test(arguments: [[1], [2], [3], [1, 2], [5, 1, 7], [4096]])
    func utf16WithAMarkIsTranscodedAcrossAnyChunking(sizes: [Int]) {
        for bigEndian in [false, true] {
            #expect(decode(utf16(Self.sample, bigEndian: bigEndian), chunks: sizes) == Array(Self.sample.utf8), "\(sizes) \(bigEndian)")
        }
    }

    @Test(arguments: [[1], [2], [3], [4096]])
    func utf8PassesThroughAndLosesOnlyItsMark(sizes: [Int]) {
        #expect(decode(Array(Self.sample.utf8), chunks: sizes) == Array(Self.sample.utf8))
        #expect(decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8), chunks: sizes) == Array(Self.sample.utf8))
        // Short files that only start like a mark are kept as they are.
        #expect(decode([0xEF, 0xBB], chunks: sizes) == [0xEF, 0xBB])
        #expect(decode([0xFF], chunks: sizes) == [0xFF])
        #expect(decode([0x7B], chunks: sizes) == [0x7B])
        #expect(decode([], chunks: sizes) == [])
    }

    @Test func brokenUTF16BecomesBytesThatAreNotUTF8() {
        // A lone low surrogate, a high surrogate followed by a letter, and an odd last byte.
        var bytes = utf16("a", bigEndian: false) + [0x00, 0xDC] + [0x00, 0xD8, 0x62, 0x00]
        bytes.append(0x63)
        #expect(decode(bytes) == [0x61, 0xFF, 0xFF, 0x62, 0xFF])
        // A file cut after the first half of a surrogate pair.
        #expect(decode(utf16("x", bigEndian: true) + [0xD8, 0x3D]) == [0x78, 0xFF])
    }

    @Test func aMarkAloneIsAnEmptyText() {
        #expect(decode([0xFF, 0xFE]).isEmpty)
        #expect(decode([0xFE, 0xFF], chunks: [1]).isEmpty)
    }

    @Test func randomTextSurvivesRandomChunking() async {
        let characters = Array("aZ09 <>&\"\n\r\té€😀\u{10FFFF}\u{1}")
        let text = Gen<Int>.int(in: 0...(characters.count - 1)).array(of: 0...60).map { String($0.map { characters[$0] }) }
        let sizes = Gen<Int>.int(in: 1...9).array(of: 1...4)
        await propertyCheck(count: 300, input: zip(text, sizes, Gen<Bool>.bool)) { text, sizes, bigEndian in
            #expect(decode(utf16(text, bigEndian: bigEndian), chunks: sizes) == Array(text.utf8))
            #expect(decode(Array(text.utf8), chunks: sizes) == Array(text.utf8))
        }
    }

    @Test func headsAreDecodedWithoutReportingTheirCut() {
        let bytes = utf16("ab😀", bigEndian: false)
        // Cut inside the surrogate pair: the half is dropped, not turned into an invalid byte.
        #expect(EvidenceTextDecoder.utf8(Data(bytes.prefix(8)), complete: false) == Data("ab".utf8))
        #expect(EvidenceTextDecoder.utf8(Data(bytes.prefix(8)), complete: true) == Data([0x61, 0x62, 0xFF]))
        let plain = Data("{\"Action\":\"run\"}".utf8)
        #expect(EvidenceTextDecoder.utf8(plain, complete: false) == plain)
    }
}
