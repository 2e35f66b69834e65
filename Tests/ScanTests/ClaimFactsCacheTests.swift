import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// Claims with their facts kept between runs (`ClaimFactsCache`): a warm scan gives what a cold one
/// gives, and the kept facts are used only while the claims, the scan and every file they were
/// read from are as they were.
struct ClaimFactsCacheTests {
    static let code = "services/exporter/metrics.go"
    static let missing = "services/exporter/missing.go"

    /// A repository whose files are old enough for their signatures to be trusted
    /// (`ClaimFactsCache.racyWindow`).
    func settledRepository() throws -> GitRepositoryBuilder {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        Thread.sleep(forTimeInterval: ClaimFactsCache.racyWindow + 0.1)
        return repository
    }

    func scan(_ repository: GitRepositoryBuilder, salt: String? = "build 1") throws -> Workspace {
        var configuration = Configuration()
        configuration.evidence.exclude = ["Tests/Fixtures/**"]
        return try WorkspaceScanner(repository: repository.path, configuration: configuration, claimCacheSalt: salt).scan()
    }

    func file(_ repository: GitRepositoryBuilder) -> String {
        repository.path + "/.git/phasecert/claim-facts-v\(ClaimFactsCache.formatVersion).cache"
    }

    /// Every kept claim's `verifiedValue` with `*` before it, so a claim read from the cache shows.
    func markEveryClaim(of repository: GitRepositoryBuilder) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file(repository))))
        let lines = bytes.split(separator: 0x0A)
        let key = String(decoding: lines[1].dropFirst(4), as: UTF8.self)
        var entry = try #require(ClaimFactsCache.entry(in: bytes, key: key))
        for index in entry.claims.indices { entry.claims[index].verifiedValue = "*" + (entry.claims[index].verifiedValue ?? "") }
        try Data(ClaimFactsCache.contents(of: entry)).write(to: URL(fileURLWithPath: file(repository)))
    }

    func isMarked(_ claims: [Claim]) -> Bool {
        !claims.isEmpty && claims.allSatisfy { $0.verifiedValue?.hasPrefix("*") == true }
    }

    func claim(_ workspace: Workspace, about subject: String) throws -> Claim {
        try #require(workspace.claims.first { $0.subject == subject })
    }

    @Test func aWarmScanGivesWhatAColdOneGives() throws {
        let repository = try settledRepository()
        let uncached = try scan(repository, salt: nil)
        let cold = try scan(repository)
        #expect(FileManager.default.fileExists(atPath: file(repository)))
        let warm = try scan(repository)
        #expect(cold.claims == uncached.claims && warm.claims == uncached.claims)
        #expect(try claim(uncached, about: Self.code).lineCounts != nil)

        try markEveryClaim(of: repository)
        #expect(isMarked(try scan(repository).claims))
    }

    @Test func aFileChangedSinceIsReadAgain() throws {
        let repository = try settledRepository()
        #expect(try claim(try scan(repository), about: Self.code).verified == 3)
        try markEveryClaim(of: repository)
        try repository.write(Self.code, "package exporter\n\nfunc Export() {}\n\nfunc Flush() {}\n")
        let claims = try scan(repository).claims
        #expect(!claims.contains { $0.verifiedValue?.hasPrefix("*") == true })
        #expect(claims == (try scan(repository, salt: nil)).claims)
    }

    @Test func aFileThatAppearedSinceIsFound() throws {
        let repository = try settledRepository()
        #expect(try claim(try scan(repository), about: Self.missing).verified == 0)
        try markEveryClaim(of: repository)
        try repository.write(Self.missing, "package exporter\n")
        #expect(try claim(try scan(repository), about: Self.missing).verified == 1)
    }

    @Test func anotherBuildOrANewCommitReadsNothingOfTheCache() throws {
        let repository = try settledRepository()
        _ = try scan(repository)
        try markEveryClaim(of: repository)
        #expect(isMarked(try scan(repository).claims))
        let otherBuild = try scan(repository, salt: "build 2").claims
        #expect(!otherBuild.contains { $0.verifiedValue?.hasPrefix("*") == true })

        _ = try scan(repository)
        try markEveryClaim(of: repository)
        try repository.write("tasks/LF-041-logs/tasks.md", "- [ ] ship logs\n")
        _ = try repository.commit("LF-041: log shipper")
        let afterCommit = try scan(repository).claims
        #expect(!afterCommit.contains { $0.verifiedValue?.hasPrefix("*") == true })
    }

    @Test func factsReadFromFilesChangedJustBeforeTheRunAreNotKept() throws {
        let folder = try TemporaryFolder()
        try folder.write("src/a.swift", "let a = 1\n")
        let signature = FileSignature(absolutePath: folder.path + "/src/a.swift")
        let changed = try #require(signature.newestChange)
        let cache = ClaimFactsCache(
            directory: folder.path + "/cache", boundary: WriteBoundary(root: folder.path, name: "folder"), salt: "build 1")
        let entry = ClaimFactsCache.Entry(key: "k", reads: ["src/a.swift": signature], claims: [])
        // A run that began less than the window after the change: its reading may be of either content.
        #expect(try !cache.save(entry, runStartedAt: changed + ClaimFactsCache.racyWindow - 0.5))
        #expect(!FileManager.default.fileExists(atPath: cache.file))
        #expect(try cache.save(entry, runStartedAt: changed + ClaimFactsCache.racyWindow + 0.5))
        #expect(FileManager.default.fileExists(atPath: cache.file))
        // And a racy run removes what an earlier one kept, which its facts may no longer match.
        #expect(try !cache.save(entry, runStartedAt: changed))
        #expect(!FileManager.default.fileExists(atPath: cache.file))
    }

    @Test func aDamagedCacheIsNotUsed() throws {
        let repository = try settledRepository()
        let cold = try scan(repository)
        try markEveryClaim(of: repository)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file(repository))))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file(repository)))
        #expect(try scan(repository).claims == cold.claims)
        // Rewritten: the next run reads it.
        try markEveryClaim(of: repository)
        #expect(isMarked(try scan(repository).claims))
    }

    @Test func theFindingsOfCommitSubjectsAreKeptWithTheirClaims() throws {
        let (repository, _, _) = try ClaimExtractionScanTests().repository()
        // More claims than one subject may give: the subject is capped, with a finding.
        let figures = (1...(ClaimExtractionCap.claimsPerItem + 3)).map { "\($0)% coverage" }.joined(separator: ", ")
        try repository.write("docs/changes.md", "# Changes\n")
        _ = try repository.commit("LF-040: \(figures)")
        Thread.sleep(forTimeInterval: ClaimFactsCache.racyWindow + 0.1)
        let uncached = try scan(repository, salt: nil)
        #expect(uncached.findings.count { $0.rule == ClaimExtractionCap.rule } == 1)
        let cold = try scan(repository)
        try markEveryClaim(of: repository)
        let warm = try scan(repository)
        #expect(isMarked(warm.claims))
        #expect(warm.claims.count == uncached.claims.count)
        #expect(cold.findings == uncached.findings && warm.findings == uncached.findings)
    }

    @Test func anEntryWritesAndReadsBack() throws {
        var claim = Claim(kind: .loc, text: "12 LOC", source: .file("a\tb.md", line: 3), subject: "x\\y.go", claimed: 12)
        claim.lineCounts = LineCounts(physical: 14, nonBlank: 12, withoutLineComments: nil, code: 10)
        var other = Claim(kind: .commitRef, text: "abc1234", source: .commit("abc1234def"), claimedValue: "abc1234")
        other.verified = 1
        var finding = Finding(
            rule: ClaimExtractionCap.rule, severity: .info, task: "TN-1", phase: nil, message: LocalizedText(en: "a\tb", ru: "в"))
        finding.commit = "abc1234def"
        let entry = ClaimFactsCache.Entry(
            key: "k", reads: ["a\nb.md": FileSignature(absolutePath: "/nonexistent/x"), "src": FileSignature(absolutePath: "/")],
            claims: [claim, other], findings: [finding, finding])
        #expect(ClaimFactsCache.entry(in: ClaimFactsCache.contents(of: entry), key: "k") == entry)
        #expect(ClaimFactsCache.entry(in: ClaimFactsCache.contents(of: entry), key: "other") == nil)
    }
}
