import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Commit subjects' claims are shared out among the cores apart from the documents' claims;
/// whichever core judges a claim, it gets the facts one core gives.
struct ClaimFactsSubjectShareTests {
    @Test func subjectAndDocumentClaimsGetTheFactsOneCoreGives() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n\n- `design.md` (3 lines)\n")
        try repository.write("tasks/TN-099-redis/design.md", "one\ntwo\nthree\n")
        try repository.commit("TN-099: design, 2 files changed")
        for round in 1...6 {
            try repository.write("internal/cache/cache_test.go", "package cache\n" + (1...round).map { "func TestCase\($0)(t *testing.T) {}\n" }.joined())
            try repository.write("deploy/redis/values-\(round).yaml", String(repeating: "key: value\n", count: round))
            try repository.commit("TN-099: add 1 test, +\(round + 1) lines, 2 files changed")
        }
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let task = TaskRecord(id: "TN-099", phase: "13", directories: ["tasks/TN-099-redis"])
        let phase = Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099"])
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: [task], phases: [phase])
        let subjects = extractor.extract(subjectsOf: history.commits).claims
        #expect(subjects.count >= 12)

        let documents = ["tasks/TN-099-redis/REPORT.md", "docs/A.md", "README.md"]
        let fileClaims = (0..<60).map { index -> Claim in
            let document = documents[index % documents.count]
            return index % 2 == 0
                ? Claim(kind: .loc, text: "x", source: .file(document, line: 3), task: "TN-099", subject: "design.md", claimed: 3)
                : Claim(kind: .deliverable, text: "design.md", source: .file(document, line: 3), task: "TN-099", subject: "design.md")
        }
        // Subjects come last, as the workspace reader puts them, and also between documents.
        let claims = fileClaims + subjects + Array(fileClaims.prefix(7)) + subjects.reversed()
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [task], phases: [phase], history: history,
            association: nil, workTree: ["tasks/TN-099-redis/REPORT.md", "tasks/TN-099-redis/design.md"],
            repository: repository.path)
        let one = facts.apply(to: claims, workers: 1)
        #expect(facts.apply(to: claims, workers: 2) == one)
        #expect(facts.apply(to: claims, workers: 3) == one)
        // The subjects were judged: their figures were compared with what the commits changed.
        let judged = one.filter { $0.source.file == nil && ($0.verified != nil || $0.verifiedValue != nil) }
        #expect(judged.count >= 6)
    }
}
