import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `scan --json` on a repository that has not changed since the last run writes what that run
/// wrote, without scanning, and says what it said (`ScanOutputCache`); after a change it scans
/// again and writes what a run without the cache writes.
struct ScanOutputReplayTests {
    func run(_ arguments: [String], in directory: String) throws -> (code: Int32, out: String, err: String) {
        try ExecutableTests().run(arguments, in: directory)
    }

    /// The kept entry, its warnings replaced by `warning`: a run that writes it used the entry.
    func mark(_ cache: ScanOutputCache, warning: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.file)))
        let key = String(decoding: bytes.split(separator: 0x0A)[1].dropFirst(4), as: UTF8.self)
        var entry = try #require(ScanOutputCache.entry(in: bytes, key: key))
        entry.remarks.warnings = [warning]
        try Data(ScanOutputCache.contents(of: entry)).write(to: URL(fileURLWithPath: cache.file))
    }

    @Test func anUnchangedRepositoryGetsTheLastOutputAndAChangedOneIsScannedAgain() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ExecutableTests.binary.path))
        let repository = try ScanCommandTests().fixtureRepository()
        // Files changed in the two seconds before a scan are not vouched for (git's racy files).
        Thread.sleep(forTimeInterval: ScanOutputCache.racyWindow + 0.1)
        let arguments = ["scan", "--json", "--verbose"]
        let first = try run(arguments, in: repository.path)
        #expect(first.code == 0)
        let cache = try #require(ScanOutputCache(repository: repository.path, configuration: Configuration()))
        #expect(FileManager.default.fileExists(atPath: cache.outputFile))

        try mark(cache, warning: "kept output")
        let second = try run(arguments, in: repository.path)
        #expect(second.code == 0)
        #expect(second.out == first.out)
        #expect(second.err.contains("kept output"))
        // `--verbose` says which it did.
        let keptNote = "as the last run found it: its output written again from .git/phasecert/scan-output-v1.out"
        #expect(first.err.contains("scanning") && !first.err.contains(keptNote))
        #expect(second.err.contains(keptNote) && !second.err.contains("scanning"))
        // The counts `--verbose` says come last, from the entry as from the scan.
        #expect(second.err.split(separator: "\n").last == first.err.split(separator: "\n").last)

        try repository.write("tasks/TN-302-audit-log/tasks.md", "- [ ] trail\n")
        let third = try run(arguments, in: repository.path)
        #expect(!third.err.contains("kept output"))
        #expect(third.out != first.out && third.out.contains("TN-302"))
        try FileManager.default.removeItem(atPath: cache.directory)
        #expect(try run(arguments, in: repository.path).out == third.out)
    }
}
