import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// An output kept as it is written (`ScanOutputCache.keep(key:remarks:vouching:emit:producing:)`):
/// every part reaches standard output in order, and the kept output is those parts; a cache that
/// cannot be written, or a scan that cannot vouch for it, only leaves it unkept; a failure while
/// writing keeps nothing.
struct ScanOutputStreamKeepTests {
    static let parts: [[UInt8]] = [Array("{\"a\" : ".utf8), Array("[1,".utf8), Array("2]}\n".utf8)]
    let base = ScanOutputCacheTests()

    func produce(_ write: ([UInt8]) throws -> Void) throws {
        for part in Self.parts { try write(part) }
    }

    @Test func theOutputGoesOutAndIsKeptAsWritten() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let cache = try base.cache(repository)
        let vouching = cache.vouching(for: try base.settledScan(repository), repository: repository.path)
        var emitted: [[UInt8]] = []
        #expect(try cache.keep(key: ScanOutputCacheTests.key, remarks: ScanOutputCacheTests.remarks, vouching: { vouching }, emit: {
            emitted.append($0)
        }, producing: produce))
        #expect(emitted == Self.parts)
        let kept = try #require(try base.kept(repository))
        var written: [UInt8] = []
        #expect(kept.write { written += $0 })
        #expect(written == Self.parts.flatMap { $0 })
        #expect(kept.remarks == ScanOutputCacheTests.remarks)

        // A scan that cannot vouch for its output: out all the same, and the earlier entry gone.
        emitted = []
        #expect(try !cache.keep(key: ScanOutputCacheTests.key, remarks: ScanOutputCacheTests.remarks, vouching: { nil }, emit: {
            emitted.append($0)
        }, producing: produce))
        #expect(emitted == Self.parts)
        #expect(try base.kept(repository) == nil)
    }

    @Test func aCacheFolderThatCannotBeWrittenLeavesTheOutputUnkept() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let cache = try base.cache(repository)
        // A file where the cache folder should be: nothing can be written in it.
        try? FileManager.default.removeItem(atPath: cache.directory)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: cache.directory))
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        var emitted: [[UInt8]] = []
        #expect(try !cache.keep(key: ScanOutputCacheTests.key, remarks: ScanOutputCacheTests.remarks, vouching: { nil }, emit: {
            emitted.append($0)
        }, producing: produce))
        #expect(emitted == Self.parts)
    }

    @Test func aFailureWhileWritingKeepsNothing() throws {
        struct Failure: Error {}
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let cache = try base.cache(repository)
        let vouching = cache.vouching(for: try base.settledScan(repository), repository: repository.path)
        #expect(try cache.keep(key: ScanOutputCacheTests.key, remarks: ScanOutputCacheTests.remarks, vouching: { vouching }, emit: { _ in
        }, producing: produce))
        var emitted: [[UInt8]] = []
        #expect(throws: Failure.self) {
            try cache.keep(key: ScanOutputCacheTests.key, remarks: ScanOutputCacheTests.remarks, vouching: { vouching }, emit: {
                emitted.append($0)
            }) { write in
                try write(Self.parts[0])
                throw Failure()
            }
        }
        #expect(emitted == [Self.parts[0]])
        // The output kept before is still whole and still checks: the new one never replaced it.
        var written: [UInt8] = []
        #expect(try #require(try base.kept(repository)).write { written += $0 })
        #expect(written == Self.parts.flatMap { $0 })
    }
}
