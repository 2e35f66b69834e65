import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// A deliverable is missing only where its folder is there without it; a bare name, a list of
/// names or a path whose folder does not exist is no evidence either way, and a name several
/// files have is ambiguous.
struct DeliverableEvidenceTests {
    private func tree() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("src/app/main.ts", "export {}\n")
        try folder.write("src/a/util.ts", "export {}\n")
        try folder.write("src/b/util.ts", "export {}\n")
        try folder.write("REPORT.md", "# Report\n")
        return folder
    }

    private func verified(_ written: [String], workTree: [String] = []) throws -> [Double?] {
        let folder = try tree()
        let facts = ClaimFacts(
            tree: RepositoryTree(root: folder.path), tasks: [], phases: [], history: nil, association: nil, workTree: workTree)
        return facts.apply(to: written.map {
            Claim(kind: .deliverable, text: $0, source: .file("REPORT.md", line: 2), subject: $0)
        }).map(\.verified)
    }

    @Test func aFileMissingFromAnExistingFolderIsMissing() throws {
        #expect(try verified(["src/app/store.ts"]) == [0])
    }

    @Test func bareNamesListsOfNamesAndMissingFoldersAreNoEvidence() throws {
        #expect(try verified(["Next.js", "Chrome/Firefox/Safari", "lib/missing/x.ts"]) == [nil, nil, nil])
    }

    @Test func aBareNameIsFoundAnywhereInTheWorkTreeWhenOnlyOneFileHasIt() throws {
        let workTree = ["REPORT.md", "src/app/main.ts", "src/a/util.ts", "src/b/util.ts"]
        #expect(try verified(["main.ts", "util.ts"], workTree: workTree) == [1, nil])
    }

    /// A report written when `src/app/store.ts` existed was right then: a file deleted since is no
    /// evidence that it never was.
    @Test func aFileTheHistoryOnceHadIsNotMissing() throws {
        let folder = try tree()
        let signature = GitSignature(name: "A", email: "a@example.com", time: 1_764_000_000, offsetMinutes: 0)
        let id = String(repeating: "a", count: 40)
        let history = History(
            head: id, commits: [GitCommit(id: id, parents: [], author: signature, committer: signature, subject: "x", body: "")],
            stats: [id: CommitStats(files: [FileChange(path: "src/app/store.ts", status: .deleted, added: 0, deleted: 9)])],
            isShallow: false, isHeadDetached: false, findings: [], notes: [], cachedCommits: 0)
        let facts = ClaimFacts(tree: RepositoryTree(root: folder.path), tasks: [], phases: [], history: history, association: nil)
        let claims = facts.apply(to: ["src/app/store.ts", "src/app/other.ts"].map {
            Claim(kind: .deliverable, text: $0, source: .file("REPORT.md", line: 2), subject: $0)
        })
        #expect(claims.map(\.verified) == [nil, 0])
    }
}
