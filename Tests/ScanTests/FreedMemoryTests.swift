import Foundation
import Testing
import Scan

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
        // 256 MB in chunks of 64 KiB, below malloc's mmap threshold, each written; then all but
        // every sixteenth freed. The ones kept, the last among them, hold the freed runs between
        // them in place, so free() alone gives none of them back (it only trims the heap's top).
        let size = 64 * 1024
        let chunks = (0..<4_096).map { _ in
            let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            chunk.initializeMemory(as: UInt8.self, repeating: 1, count: size)
            return chunk
        }
        let kept = chunks.indices.filter { $0 % 16 == 15 }.map { chunks[$0] }
        defer { for chunk in kept { chunk.deallocate() } }
        for (index, chunk) in chunks.enumerated() where index % 16 != 15 { chunk.deallocate() }
        let before = try Self.residentAnonymous()
        FreedMemory.giveBack()
        let after = try Self.residentAnonymous()
        // 240 MB were freed; other tests run meanwhile and allocate too: 96 MB is the bar.
        #expect(before - after >= 96 * 1024 * 1024, "resident anonymous memory \(before) → \(after) bytes")
    }
    #endif
}
