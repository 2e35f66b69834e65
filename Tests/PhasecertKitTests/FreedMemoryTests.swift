import Foundation
import Testing
@testable import PhasecertKit

/// Memory freed in the middle of malloc's heap goes back to the system when asked (`FreedMemory`).
struct FreedMemoryTests {
    #if os(Linux)
    /// The process's resident anonymous memory, in bytes, as `/proc/self/status` gives it.
    static func residentAnonymous() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        let kilobytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kilobytes * 1024
    }

    @Test func pagesFreedBetweenLiveOnesGoBack() throws {
        // 256 MB in chunks below malloc's mmap threshold, each page written, then one more chunk
        // kept so that the freed ones lie below it: free() alone gives none of them back.
        let size = 4096
        let chunks = (0..<65_536).map { _ in
            let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            chunk.initializeMemory(as: UInt8.self, repeating: 1, count: size)
            return chunk
        }
        let kept = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
        defer { kept.deallocate() }
        for chunk in chunks { chunk.deallocate() }
        let before = try Self.residentAnonymous()
        FreedMemory.giveBack()
        let after = try Self.residentAnonymous()
        // Other tests run meanwhile and allocate too: half the freed memory is the bar.
        #expect(before - after >= 128 * 1024 * 1024, "resident anonymous memory \(before) → \(after) bytes")
    }
    #endif
}
