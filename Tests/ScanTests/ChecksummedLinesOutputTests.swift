import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// Lines written to a file a piece at a time (`ChecksummedLines.write`) make the file made whole
/// (`ChecksummedLines.file`), and claims' lines made in pieces the lines made one by one.
struct ChecksummedLinesOutputTests {
    /// Lines of varied lengths, `count` of them.
    private func lines(_ count: Int, seed: Int) -> [[UInt8]] {
        (0..<count).map { index in
            let length = (index * 7919 + seed * 104_729) % 2_000
            return Array(repeating: UInt8(0x61 + index % 26), count: length) + [0x0A]
        }
    }

    @Test(arguments: [0, 1, 700, 3_000])
    func writtenInPiecesIsTheFileMadeWhole(count: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/lines.cache"
        let lines = lines(count, seed: count)
        try ChecksummedLines.write(header: "test-lines 1\n", to: path, within: WriteBoundary(root: folder.path, name: "test")) { output in
            // Some alone, some several at once.
            output.append(contentsOf: Array(lines.prefix(count / 2)))
            for line in lines.dropFirst(count / 2) { output.append(line) }
        }
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == ChecksummedLines.file(header: "test-lines 1\n", lines: lines))
        #expect(written == ChecksummedLines.file(header: "test-lines 1\n") { $0.append(contentsOf: lines) })
        #expect(ChecksummedLines.lines(in: written, header: "test-lines 1\n")?.count == count)
    }

    @Test func severalLinesAppendedAtOnceCountAsSeveral() {
        let joined = Array("one\ntwo\nthree\n".utf8)
        let file = ChecksummedLines.file(header: "h\n") { $0.append(joined, count: 3) }
        #expect(file == ChecksummedLines.file(header: "h\n", lines: [Array("one\n".utf8), Array("two\n".utf8), Array("three\n".utf8)]))
    }

    @Test func aWriteThatFailsIsThrownAtTheEnd() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var output = ChecksummedLines.Output(header: "h\n", descriptor: descriptor)
        for line in lines(1_500, seed: 3) { output.append(line) }
        #expect(throws: (any Error).self) { try output.finish() }
    }

    @Test(arguments: [0, 1, 4_095, 4_096, 4_097, 9_000])
    func claimLinesMadeInPiecesAreTheLinesMadeOneByOne(count: Int) {
        let claims = (0..<count).map { index in
            var claim = Claim(
                kind: index % 3 == 0 ? .loc : .testCount, text: "\(index) lines\tof\\text", source: .file("doc \(index % 17).md", line: index + 1),
                subject: index % 5 == 0 ? nil : "src/file\(index).swift", claimed: Double(index))
            if index % 4 == 0 { claim.lineCounts = LineCounts(physical: index, nonBlank: index / 2, withoutLineComments: nil, code: index / 3) }
            return claim
        }
        let more: @Sendable (inout DocumentClaimCache.Record.Writer, Claim) -> Void = { writer, claim in
            writer.integer(claim.lineCounts?.physical)
            writer.integer(claim.lineCounts?.code)
        }
        let oneByOne = ChecksummedLines.file(header: "h\n", lines: DocumentClaimCache.Record.claimLines(claims, more: more))
        let inPieces = ChecksummedLines.file(header: "h\n") { DocumentClaimCache.Record.appendClaimLines(claims, to: &$0, more: more) }
        #expect(inPieces == oneByOne)
    }
}
