import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `SubjectClaimCache.newCommits(above:in:)`: new commits on the kept HEAD found without following
/// every commit's parents, exactly when following them finds the kept commits.
struct SubjectClaimNewCommitsTests {
    typealias Fixture = SubjectClaimCacheTests

    static func entry(for history: History) throws -> SubjectClaimCache.Entry {
        SubjectClaimCache.Entry(key: "k", head: try #require(history.head), commitCount: history.commits.count, claims: [], findings: [])
    }

    @Test func aLineOfNewCommitsIsFoundAsFollowingParentsFindsIt() throws {
        let repository = try Fixture.repository()
        let entry = try Self.entry(for: Fixture.history(repository))
        #expect(SubjectClaimCache.newCommits(above: entry, in: try Fixture.history(repository)) == 0)
        for count in 1...3 {
            try repository.write("new\(count).txt", "new\n")
            try repository.commit("TN-002: step \(count), 1\(count) tests passing")
            let history = try Fixture.history(repository)
            #expect(SubjectClaimCache.newCommits(above: entry, in: history) == count)
            let held = try #require(SubjectClaimCache.commitsHeld(by: entry, in: history))
            #expect(held == Set(count..<history.commits.count))
        }
    }

    @Test func aMergeAnotherCountOrAShallowHistoryIsNotALine() throws {
        let repository = try Fixture.repository()
        let entry = try Self.entry(for: Fixture.history(repository))
        try Fixture.mergeSideBranch(in: repository)
        let merged = try Fixture.history(repository)
        #expect(SubjectClaimCache.newCommits(above: entry, in: merged) == nil)
        #expect(SubjectClaimCache.commitsHeld(by: entry, in: merged) != nil)

        try repository.write("later.txt", "later\n")
        try repository.commit("TN-002: later, 7 tests passing")
        let later = try Fixture.history(repository)
        let onMerge = try Self.entry(for: merged)
        #expect(SubjectClaimCache.newCommits(above: onMerge, in: later) == 1)
        var miscountedOnMerge = onMerge
        miscountedOnMerge.commitCount -= 1
        #expect(SubjectClaimCache.newCommits(above: miscountedOnMerge, in: later) == nil)

        var shallow = later
        shallow.isShallow = true
        #expect(SubjectClaimCache.newCommits(above: onMerge, in: shallow) == nil)

        // A HEAD the history does not have.
        var unknown = onMerge
        unknown.head = String(repeating: "0", count: 40)
        #expect(SubjectClaimCache.newCommits(above: unknown, in: later) == nil)
    }

    @Test func claimsReadOnTopOfAKeptEntryAreThoseOfReadingEverySubject() throws {
        let (repository, folder, cache, extractor) = try Fixture.setUp()
        defer { withExtendedLifetime(folder) {} }
        _ = cache.claims(of: try Fixture.history(repository), extractor: extractor)
        try repository.write("e.txt", "e\n")
        try repository.commit("TN-002: lexer done (75 LOC)")
        try repository.write("f.txt", "f\n")
        try repository.commit("chore: nothing to claim")
        try repository.write("g.txt", "g\n")
        try repository.commit("TN-001: 2 of 3 tasks done, 90% coverage")
        let history = try Fixture.history(repository)
        #expect(cache.claims(of: history, extractor: extractor) == extractor.extract(subjectsOf: history.commits))
        // And again from the entry the last run wrote.
        #expect(cache.claims(of: history, extractor: extractor) == extractor.extract(subjectsOf: history.commits))
    }
}
