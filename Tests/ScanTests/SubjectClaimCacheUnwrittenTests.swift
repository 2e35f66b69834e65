import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `SubjectClaimCache.claims(of:extractor:unwrittenLimit:)`: a few new commits in a line above the
/// kept entry leave its file as it is, and the claims are still those of reading every subject.
struct SubjectClaimCacheUnwrittenTests {
    typealias Fixture = SubjectClaimCacheTests

    static func bytes(_ cache: SubjectClaimCache) throws -> [UInt8] {
        try #require(FileBytes.contents(atPath: cache.file))
    }

    @Test func aFewNewCommitsInALineLeaveTheFileAsItIs() throws {
        let (repository, folder, cache, extractor) = try Fixture.setUp()
        defer { withExtendedLifetime(folder) {} }
        _ = cache.claims(of: try Fixture.history(repository), extractor: extractor)
        let written = try Self.bytes(cache)
        for step in 1...3 {
            try repository.write("new\(step).txt", "new\n")
            try repository.commit("TN-002: step \(step), 1\(step) tests passing")
            let history = try Fixture.history(repository)
            #expect(cache.claims(of: history, extractor: extractor, unwrittenLimit: 3) == extractor.extract(subjectsOf: history.commits))
            #expect(try Self.bytes(cache) == written)
        }
    }

    @Test func moreNewCommitsThanTheLimitWriteTheEntryAgain() throws {
        let (repository, folder, cache, extractor) = try Fixture.setUp()
        defer { withExtendedLifetime(folder) {} }
        _ = cache.claims(of: try Fixture.history(repository), extractor: extractor)
        let written = try Self.bytes(cache)
        try repository.write("e.txt", "e\n")
        try repository.commit("TN-002: lexer done (75 LOC)")
        try repository.write("f.txt", "f\n")
        try repository.commit("TN-001: 2 of 3 tasks done")
        let history = try Fixture.history(repository)
        #expect(cache.claims(of: history, extractor: extractor, unwrittenLimit: 1) == extractor.extract(subjectsOf: history.commits))
        let rewritten = try Self.bytes(cache)
        #expect(rewritten != written)
        let entry = try #require(SubjectClaimCache.entry(in: rewritten, key: cache.key(fingerprint: extractor.fingerprint)))
        #expect(entry.head == history.head)
        #expect(entry.commitCount == history.commits.count)
    }

    @Test func aMergeAboveTheEntryWritesItAgain() throws {
        let (repository, folder, cache, extractor) = try Fixture.setUp()
        defer { withExtendedLifetime(folder) {} }
        _ = cache.claims(of: try Fixture.history(repository), extractor: extractor)
        let written = try Self.bytes(cache)
        try Fixture.mergeSideBranch(in: repository)
        let history = try Fixture.history(repository)
        #expect(cache.claims(of: history, extractor: extractor) == extractor.extract(subjectsOf: history.commits))
        #expect(try Self.bytes(cache) != written)
    }
}
