import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// The facts keep the past versions and trees they read only while the claims of one document
/// or one commit subject are worked on (`ClaimFacts.Lookup.enter`), and give the same facts as
/// when they kept them all.
struct ClaimFactsLetGoTests {
    static let report = "tasks/TN-099-redis/REPORT.md"

    @Test func whatOneDocumentReadIsLetGoWhenTheNextOnesClaimsBegin() throws {
        let (repository, first, facts) = try ClaimFactsBlobKeyTests().fixture()
        defer { withExtendedLifetime(repository) {} }
        do {
            var lookup = ClaimFacts.Lookup(facts: facts)
            lookup.enter(.file(Self.report, line: 3))
            #expect(lookup.committedText(Self.report, at: first) != nil)
            // Changed since `first`: its tree entry there is looked up, not HEAD's.
            #expect(lookup.committedText("tasks/TN-099-redis/lexer.py", at: first) != nil)
            #expect(!lookup.committedTexts.isEmpty && !lookup.treeEntries.isEmpty)

            // Another line of the same document: what it read is still wanted.
            lookup.enter(.file(Self.report, line: 7))
            #expect(!lookup.committedTexts.isEmpty && !lookup.treeEntries.isEmpty)

            // A commit subject's claims: the document's versions and trees go.
            lookup.enter(.commit(first))
            #expect(lookup.committedTexts.isEmpty && lookup.treeEntries.isEmpty)
            let text = lookup.committedText(Self.report, at: first)
            #expect(try #require(text).contains("# Report"))

            lookup.enter(.file("tasks/TN-099-redis/OTHER.md", line: 1))
            #expect(lookup.committedTexts.isEmpty && lookup.treeEntries.isEmpty)
        }
    }

    @Test func claimsOfSeveralDocumentsGetTheFactsEachGetsAlone() throws {
        let fixture = ClaimFactsBlobKeyTests()
        let (repository, _, facts) = try fixture.fixture()
        let report = fixture.claim("lexer.py")
        let other = Claim(
            kind: .loc, text: "lexer.swift", source: .file("tasks/TN-099-redis/NOTES.md", line: 2), task: "TN-099",
            subject: "lexer.swift", claimed: 4)
        let subject = Claim(kind: .loc, text: "lexer.py", source: .commit("0000000000000000000000000000000000000000"), subject: "lexer.py", claimed: 4)
        let alone = withExtendedLifetime(repository) { [report, other, subject].map { facts.apply(to: [$0], workers: 1)[0] } }
        let together = withExtendedLifetime(repository) {
            facts.apply(to: [report, other, report, subject, report], workers: 1)
        }
        #expect(together == [alone[0], alone[1], alone[0], alone[2], alone[0]])
    }
}
