import Foundation
import Testing
import TestSupport
@testable import Scan

/// The walk reads each commit's author and committer from libgit2; one person's name and e-mail
/// address over many commits are one `String` each (their bytes stored once), and two spellings
/// that are equal only by canonical equivalence (`é` as one scalar or as `e` and a combining
/// accent) stay as each commit wrote them.
struct CommitWalkSignatureTextsTests {
    private static let composed = "Ren\u{E9}e Fixture-Author of the Walk"
    private static let decomposed = "Rene\u{301}e Fixture-Author of the Walk"
    private static let email = "long-enough-to-be-stored-apart@example.com"

    @Test func onePersonsTextsAreStoredOnce() throws {
        let commits = try Self.walked(authors: [Self.composed, Self.composed, Self.composed])
        #expect(commits.count == 3)
        let emails = Set(commits.flatMap { [Self.storage(of: $0.author.email), Self.storage(of: $0.committer.email)] })
        let names = Set(commits.flatMap { [Self.storage(of: $0.author.name), Self.storage(of: $0.committer.name)] })
        #expect(emails.count == 1)
        #expect(names.count == 1)
        #expect(commits.allSatisfy { $0.author.email == Self.email && $0.author.name == Self.composed })
    }

    @Test func canonicallyEqualSpellingsKeepTheirOwnBytes() throws {
        let commits = try Self.walked(authors: [Self.composed, Self.decomposed, Self.composed])
        // Newest first: the walk lists the last commit first.
        let bytes = commits.map { Array($0.author.name.utf8) }
        #expect(bytes == [Array(Self.composed.utf8), Array(Self.decomposed.utf8), Array(Self.composed.utf8)])
        #expect(Self.storage(of: commits[0].author.name) == Self.storage(of: commits[2].author.name))
        #expect(Self.storage(of: commits[0].author.name) != Self.storage(of: commits[1].author.name))
    }

    /// Commits by `authors` in order, one file changed each, walked from HEAD.
    private static func walked(authors: [String]) throws -> [GitCommit] {
        let repo = try GitRepositoryBuilder()
        for (index, author) in authors.enumerated() {
            _ = try repo.write("notes.md", "note \(index)\n")
            try GitFixture.git(["add", "notes.md"], in: repo.path)
            try GitFixture.git(
                ["commit", "-q", "-m", "note \(index)"], in: repo.path, date: "2025-11-\(10 + index)T12:00:00+00:00",
                author: author, email: email)
        }
        let repository = try #require(try GitRepository(path: repo.path))
        let head = try #require(try repository.head())
        return CommitWalk(repository: repository).walk(from: head) { _ in }.commits
    }

    /// Where a text's bytes are stored (texts this long are never stored inside the `String`).
    private static func storage(of text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
}
