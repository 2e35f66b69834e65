import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// The output of a scan kept with what it was made from (`ScanOutputCache`): it is given back
/// while HEAD and every path the scan looked at are as they were, and never after any of them
/// changed, nor when it was damaged or kept under another key.
struct ScanOutputCacheTests {
    static let key = "key of the request"
    static let output: [[UInt8]] = [Array("{\"a\":".utf8), Array("1}\n".utf8)]
    static let remarks = ScanOutputCache.Remarks(warnings: ["skipped\ta\nfile"], counts: [1, 2, 3])

    func scan(_ repository: GitRepositoryBuilder) throws -> WorkspaceScanner.Outcome {
        try WorkspaceScanner(repository: repository.path).scanDetailed()
    }

    func cache(_ repository: GitRepositoryBuilder) throws -> ScanOutputCache {
        try #require(ScanOutputCache(repository: repository.path, configuration: Configuration()))
    }

    /// The scan of `repository` as if it had begun after the racy window: its files were
    /// written a moment ago, and only their age keeps a scan from vouching for them.
    func settledScan(_ repository: GitRepositoryBuilder) throws -> WorkspaceScanner.Outcome {
        var outcome = try scan(repository)
        outcome.startedAt += ScanOutputCache.racyWindow + 1
        return outcome
    }

    /// Scans `repository`, keeps the output, and says whether it was kept.
    func keep(_ repository: GitRepositoryBuilder) throws -> Bool {
        try cache(repository).keep(
            key: Self.key, outcome: try settledScan(repository), repository: repository.path, output: Self.output,
            remarks: Self.remarks)
    }

    func kept(_ repository: GitRepositoryBuilder, key: String = Self.key) throws -> ScanOutputCache.Kept? {
        try cache(repository).kept(forKey: key, repository: repository.path)
    }

    @Test func anUnchangedRepositoryGetsTheKeptOutputAndRemarks() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        #expect(try keep(repository))
        let kept = try #require(try kept(repository))
        for piece in [1, 2, 1 << 20] {
            var written: [[UInt8]] = []
            #expect(kept.write(piece: piece) { written.append($0) })
            #expect(written.flatMap { $0 } == Self.output.flatMap { $0 })
            #expect(written.allSatisfy { $0.count <= piece })
        }
        #expect(kept.remarks == Self.remarks)
        #expect(try self.kept(repository, key: "another request") == nil)

        // The output checked is the output written, even when another run keeps a new one meanwhile.
        try cache(repository).keep(
            key: Self.key, outcome: try settledScan(repository), repository: repository.path, output: [[9, 9]],
            remarks: Self.remarks)
        var written: [UInt8] = []
        kept.write { written += $0 }
        #expect(written == Self.output.flatMap { $0 })
        try #require(try self.kept(repository)).write { #expect($0 == [9, 9]) }
    }

    /// What the scan looked at: the plan, the documents, the files claims name (there or not),
    /// the folders it listed; never the git folder, which is read through HEAD.
    @Test func theScanNotesWhatItLookedAt() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let lookedAt = Set(try scan(repository).lookedAt)
        let expected = [
            "", "tasks", "tasks/TASKS.md", "tasks/LF-040-metrics/REPORT.md", "services/exporter/metrics.go",
            "services/exporter/missing.go", "docs/PHASE_07_SUMMARY.md",
        ]
        #expect(expected.filter { !lookedAt.contains($0) } == [])
        #expect(!lookedAt.contains { $0 == ".git" || $0.hasPrefix(".git/") })
    }

    /// Each change of what a scan reads, made after the output was kept.
    static let changes: [(String, @Sendable (GitRepositoryBuilder) throws -> Void)] = [
        ("the plan edited", { try $0.write("tasks/TASKS.md", "# Tasks\n## Phase 7: Observability\n- [x] **LF-040** Metrics\n") }),
        ("a task's checklist edited", { try $0.write("tasks/LF-040-metrics/tasks.md", "- [ ] wire the exporter\n- [ ] test it\n") }),
        ("a task folder added", { try $0.write("tasks/LF-042-traces/tasks.md", "- [ ] spans\n") }),
        ("a report added at the root", { try $0.write("RELEASE_NOTES.md", "All 22/22 tests passing.\n") }),
        ("a report removed", { try $0.remove("docs/PHASE_07_SUMMARY.md") }),
        ("a file a claim counts edited", { try $0.write("services/exporter/metrics.go", "package exporter\n") }),
        ("a file a claim names created", { try $0.write("services/exporter/missing.go", "package exporter\n") }),
        ("a test result added", {
            try $0.write("test-results/junit.xml", "<testsuite tests=\"1\"><testcase name=\"a\"/></testsuite>\n")
        }),
        ("a new commit", { try $0.commit("LF-041: log shipper", allowEmpty: true) }),
        ("a detached HEAD", { try $0.git(["checkout", "-q", "--detach"]) }),
    ]

    @Test(arguments: changes.indices)
    func anyChangeOfWhatTheScanReadIsSeen(_ index: Int) throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        #expect(try keep(repository))
        #expect(try kept(repository) != nil)
        try Self.changes[index].1(repository)
        #expect(try kept(repository) == nil, "\(Self.changes[index].0)")
    }

    @Test func aScanThatBeganRightAfterAChangeKeepsNothingAndDropsWhatWasKept() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        #expect(try keep(repository))
        let unsettled = try scan(repository)
        #expect(
            try !cache(repository).keep(
                key: Self.key, outcome: unsettled, repository: repository.path, output: Self.output, remarks: Self.remarks))
        #expect(try kept(repository) == nil)
        #expect(!FileManager.default.fileExists(atPath: try cache(repository).outputFile))
    }

    @Test func aShallowOrUnreadableHistoryKeepsNothing() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        for spoil in [{ (history: inout History) in history.isShallow = true }, { $0.findings.append(GitFindings.noRepository()) }] {
            var outcome = try settledScan(repository)
            var history = try #require(outcome.history)
            spoil(&history)
            outcome.history = history
            #expect(
                try !cache(repository).keep(
                    key: Self.key, outcome: outcome, repository: repository.path, output: Self.output, remarks: Self.remarks))
        }
        #expect(try kept(repository) == nil)
    }

    @Test func aDamagedEntryOrOutputIsNotUsed() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let cache = try cache(repository)
        for damage in [
            { (bytes: inout [UInt8], _: inout [UInt8]) in bytes[bytes.count / 2] ^= 1 },
            { bytes, _ in bytes.removeLast(bytes.count / 3) },
            { _, output in output[2] ^= 1 },
            { _, output in output.append(0x0A) },
        ] {
            #expect(try keep(repository))
            var entry = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.file)))
            var output = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.outputFile)))
            damage(&entry, &output)
            try Data(entry).write(to: URL(fileURLWithPath: cache.file))
            try Data(output).write(to: URL(fileURLWithPath: cache.outputFile))
            #expect(try kept(repository) == nil)
        }
    }

    @Test func anEntryReadsBackAsItWasWritten() throws {
        let entry = ScanOutputCache.Entry(
            key: Self.key, head: String(repeating: "a", count: 40), isHeadDetached: true,
            reads: ["": FileSignature(absolutePath: "/"), "a\tb\\c\nd": FileSignature(absolutePath: "/nothing/here")],
            remarks: Self.remarks, outputSize: 7, outputDigest: String(repeating: "b", count: 64))
        let bytes = ScanOutputCache.contents(of: entry)
        #expect(ScanOutputCache.entry(in: bytes, key: Self.key) == entry)
        #expect(ScanOutputCache.entry(in: bytes, key: "another") == nil)
        var noCounts = entry
        noCounts.remarks = .init(warnings: [], counts: [])
        #expect(ScanOutputCache.entry(in: ScanOutputCache.contents(of: noCounts), key: Self.key) == noCounts)
    }
}
