import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// The claims of documents kept between runs by content (`DocumentClaimCache`): a warm scan
/// gives what a cold one gives, reads a document's entry only for the same text, plan and build,
/// and never trusts a damaged file.
struct DocumentClaimCacheTests {
    static let report = "tasks/LF-040-metrics/REPORT.md"

    func scan(_ repository: GitRepositoryBuilder, salt: String?) throws -> Workspace {
        var configuration = Configuration()
        configuration.evidence.exclude = ["Tests/Fixtures/**"]
        return try WorkspaceScanner(repository: repository.path, configuration: configuration, claimCacheSalt: salt).scan()
    }

    func cache(_ repository: GitRepositoryBuilder, salt: String = "build 1") -> DocumentClaimCache {
        DocumentClaimCache(
            directory: repository.path + "/.git/phasecert", boundary: WriteBoundary(root: repository.path + "/.git", name: "git"),
            salt: salt)
    }

    /// Every claim text in the cache with `*` before it, so a claim read from the cache shows.
    func markEveryEntry(of cache: DocumentClaimCache) throws {
        var entries = cache.load()
        for key in entries.keys {
            for index in entries[key]!.claims.indices { entries[key]!.claims[index].text = "*" + entries[key]!.claims[index].text }
        }
        try cache.save(entries)
    }

    @Test func aWarmScanGivesWhatAColdOneGives() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let uncached = try scan(repository, salt: nil)
        let cold = try scan(repository, salt: "build 1")
        #expect(!cache(repository).load().isEmpty)
        let warm = try scan(repository, salt: "build 1")
        #expect(cold.claims == uncached.claims && warm.claims == uncached.claims)
        #expect(cold.findings == uncached.findings && warm.findings == uncached.findings)
    }

    @Test func aDocumentIsReadFromTheCacheOnlyWhileItsTextIsTheSame() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        _ = try scan(repository, salt: "build 1")
        try markEveryEntry(of: cache(repository))
        let warm = try scan(repository, salt: "build 1").claims.filter { $0.source.file == Self.report }
        #expect(!warm.isEmpty && warm.allSatisfy { $0.text.hasPrefix("*") })

        try repository.write(Self.report, "# Exporter report\n\nReached 92% coverage.\n")
        let claims = try scan(repository, salt: "build 1").claims
        #expect(claims.filter { $0.source.file == Self.report }.map(\.text) == ["92% coverage"])
        // The other documents did not change: their entries are still read.
        #expect(claims.contains { $0.source.file == "docs/PHASE_07_SUMMARY.md" && $0.text.hasPrefix("*") })
    }

    @Test func anotherBuildOrPlanReadsNothingOfTheCache() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        _ = try scan(repository, salt: "build 1")
        try markEveryEntry(of: cache(repository))
        #expect(try scan(repository, salt: "build 2").claims.allSatisfy { !$0.text.hasPrefix("*") })

        try markEveryEntry(of: cache(repository, salt: "build 2"))
        // A new task changes what the extractor knows, so every document is read again.
        try repository.write("tasks/TASKS.md", """
            # Tasks
            ## Phase 7: Observability - 1/3 tasks complete
            - [x] **LF-040** Metrics exporter ✅ 22/22 tests passing
            - [ ] **LF-041** Log shipper
            - [ ] **LF-042** Alerts
            """)
        #expect(try scan(repository, salt: "build 2").claims.allSatisfy { !$0.text.hasPrefix("*") })
    }

    @Test func aDamagedCacheIsReadAsEmptyAndRewritten() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        let cold = try scan(repository, salt: "build 1")
        let file = cache(repository).file
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(cache(repository).load().isEmpty)
        #expect(try scan(repository, salt: "build 1").claims == cold.claims)
        #expect(!cache(repository).load().isEmpty)
    }
}
