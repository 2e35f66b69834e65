import Foundation
import Testing
@testable import Scan

struct FileBytesTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "phasecert-filebytes-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileIsReadByteForByte() throws {
        // NUL, CR, a lone continuation byte and a byte of every value: nothing is decoded.
        let bytes: [UInt8] = [0x00, 0x0D, 0x0A, 0x80] + (0...255).map(UInt8.init)
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        #expect(FileBytes.contents(atPath: path) == bytes)
    }

    @Test func anEmptyFileIsNoBytesNotNothing() throws {
        let path = try temporaryFile([])
        defer { unlink(path) }
        #expect(FileBytes.contents(atPath: path) == [])
    }

    @Test func aFileLargerThanOneReadIsReadWhole() throws {
        var generator = DocumentClaimCacheFormatTests.SplitMix(state: 41)
        let bytes = (0..<300_007).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        #expect(FileBytes.contents(atPath: path) == bytes)
    }

    @Test func aFileLongerThanItsSizeSaysIsReadToItsEnd() throws {
        // A file of /proc gives its size as 0 and holds more: read as a file that grew since its size was asked.
        let expected = try #require(FileManager.default.contents(atPath: "/proc/self/cmdline"))
        #expect(!expected.isEmpty)
        #expect(FileBytes.contents(atPath: "/proc/self/cmdline") == [UInt8](expected))
    }

    @Test func aMissingFileOrAFolderIsNothing() {
        #expect(FileBytes.contents(atPath: NSTemporaryDirectory() + "phasecert-no-such-\(UUID().uuidString)") == nil)
        #expect(FileBytes.contents(atPath: NSTemporaryDirectory()) == nil)
    }
}
