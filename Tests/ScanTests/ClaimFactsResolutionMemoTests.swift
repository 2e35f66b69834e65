import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Where a written path leads is kept per run by what decides it (the path, the document's folder,
/// the claim's scope); claims judged together get the facts each gets judged alone.
struct ClaimFactsResolutionMemoTests {
    @Test func claimsJudgedTogetherGetTheFactsEachGetsAlone() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-001-a/design.md", "1\n2\n3\n")
        try repository.write("tasks/TN-002-b/design.md", "1\n2\n3\n4\n5\n")
        try repository.write("design.md", "1\n2\n3\n4\n5\n6\n7\n")
        try repository.write("tasks/TN-001-a/REPORT.md", "# Report\n")
        try repository.write("docs/NOTES.md", "# Notes\n")
        try repository.commit("TN-001: designs")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let tasks = [
            TaskRecord(id: "TN-001", phase: "1", directories: ["tasks/TN-001-a"]),
            TaskRecord(id: "TN-002", phase: "1", directories: ["tasks/TN-002-b"]),
        ]
        let phase = Phase(id: "1", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-001", "TN-002"])
        var claims: [Claim] = []
        for document in ["tasks/TN-001-a/REPORT.md", "docs/NOTES.md"] {
            for task in ["TN-001", "TN-002", nil] {
                for subject in ["design.md", "`design.md`", "./design.md"] {
                    claims.append(Claim(kind: .loc, text: "x", source: .file(document, line: 1), task: task, subject: subject, claimed: 4))
                    claims.append(Claim(kind: .deliverable, text: subject, source: .file(document, line: 1), task: task, subject: subject))
                }
            }
        }
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: tasks, phases: [phase], history: history, association: nil,
            workTree: ["design.md", "docs/NOTES.md", "tasks/TN-001-a/REPORT.md", "tasks/TN-001-a/design.md", "tasks/TN-002-b/design.md"],
            repository: repository.path)
        let together = facts.apply(to: claims, workers: 1)
        let alone = claims.flatMap { facts.apply(to: [$0], workers: 1) }
        #expect(together == alone)
        // The cases differ: the same written path leads to files of 3, 5 and 7 lines.
        #expect(Set(together.compactMap(\.verified)).isSuperset(of: [3, 5, 7]), "\(together.compactMap(\.verified))")
    }
}
