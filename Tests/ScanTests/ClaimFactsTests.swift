import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Facts added to file- and commit-based claims (`ClaimFacts`), on folder trees and git
/// repositories built at test time.
struct ClaimFactsTests {
    static let task = TaskRecord(id: "TN-099", phase: "13", directories: ["tasks/TN-099-redis"])
    static let phase = Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099"])

    /// A repository tree with a task folder, files at known line counts and a link out of it.
    func tree() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TN-099-redis/REPORT.md", "# Report\n")
        try folder.write("tasks/TN-099-redis/design.md", "one\ntwo\nthree")
        try folder.write("tasks/TN-099-redis/values.yaml", "a: 1\n")
        try folder.write("deploy/redis/statefulset.yaml", "kind: StatefulSet\nspec:\n  replicas: 3\n\n")
        try folder.write("charts/app/values.yaml", "replicas: 1\n")
        try folder.write("README.md", "# Readme\r\nwindows line\r\n")
        try folder.write("images/logo.md", data: Data([0x89, 0x50, 0x00, 0x0A]))
        try folder.link("outside", to: NSTemporaryDirectory())
        return folder
    }

    func facts(_ folder: TemporaryFolder, history: History? = nil, association: TaskAssociation? = nil) -> ClaimFacts {
        ClaimFacts(
            tree: RepositoryTree(root: folder.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: association)
    }

    func loc(_ subject: String?, in file: String, task: String? = nil) -> Claim {
        Claim(kind: .loc, text: "x", source: .file(file, line: 3), task: task, subject: subject, claimed: 100)
    }

    func deliverable(_ subject: String, in file: String, task: String? = nil) -> Claim {
        Claim(kind: .deliverable, text: subject, source: .file(file, line: 3), task: task, subject: subject)
    }

    // MARK: Lines of code

    @Test func claimsWorkedOnSeveralCoresGetTheFactsOneCoreGives() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n\n- `design.md` (100 lines)\n")
        try repository.write("tasks/TN-099-redis/design.md", "one\ntwo\nthree\n")
        try repository.write("deploy/redis/statefulset.yaml", "kind: StatefulSet\n")
        let first = try repository.commit("TN-099: Redis StatefulSet")
        try repository.write("tasks/TN-099-redis/design.md", "one\ntwo\n")
        try repository.remove("deploy/redis/statefulset.yaml")
        try repository.commit("TN-099: shorter design")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: nil, workTree: ["tasks/TN-099-redis/REPORT.md", "tasks/TN-099-redis/design.md"],
            repository: repository.path)
        let documents = ["tasks/TN-099-redis/REPORT.md", "docs/A.md", "docs/B.md", "README.md", "docs/C.md"]
        let claims = (0..<200).map { index -> Claim in
            let document = documents[index % documents.count]
            switch index % 4 {
            case 0: return loc("design.md", in: document, task: index % 3 == 0 ? "TN-099" : nil)
            case 1: return deliverable(index % 8 == 1 ? "deploy/redis/statefulset.yaml" : "missing.md", in: document, task: "TN-099")
            case 2: return Claim(kind: .commitRef, text: "x", source: .file(document, line: 1), claimedValue: String(first.prefix(7)))
            default: return Claim(kind: .date, text: "x", source: .file(document, line: 2))
            }
        }
        let one = facts.apply(to: claims, workers: 1)
        #expect(facts.apply(to: claims, workers: 2) == one)
        #expect(facts.apply(to: claims, workers: 7) == one)
        #expect(one.contains { $0.verified != nil } && one.contains { $0.verifiedValue != nil })
    }

    @Test func linesOfCodeAreCountedInThePathResolvedFromTheDocumentFolderFirst() throws {
        let folder = try tree()
        let claims = facts(folder).apply(to: [
            loc("design.md", in: "tasks/TN-099-redis/REPORT.md"),
            loc("`deploy/redis/statefulset.yaml`", in: "tasks/TN-099-redis/REPORT.md"),
            loc("./README.md", in: "docs/SUMMARY.md"),
        ])
        #expect(claims.map(\.verifiedValue) == ["tasks/TN-099-redis/design.md", "deploy/redis/statefulset.yaml", "README.md"])
        // A last line without a terminator counts; an empty last line after one does not add another.
        #expect(claims.map(\.verified) == [3, 4, 2])
    }

    @Test func aBareNameIsFoundAmongTheFilesOfTheClaimsTaskWhenUnique() throws {
        let folder = try tree()
        let claims = facts(folder).apply(to: [
            loc("design.md", in: "docs/SUMMARY.md", task: "TN-099"),
            loc("design.md", in: "docs/SUMMARY.md"),
            Claim(kind: .loc, text: "x", source: .file("docs/SUMMARY.md", line: 1), phase: "13", subject: "design.md"),
        ])
        #expect(claims.map(\.verifiedValue) == ["tasks/TN-099-redis/design.md", nil, "tasks/TN-099-redis/design.md"])
        #expect(claims.map(\.verified) == [3, nil, 3])
    }

    @Test func filesTouchedByTheTasksCommitsAreSearchedByName() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-099-redis/tasks.md", "- [x] chart\n")
        try repository.write("deploy/redis/statefulset.yaml", "kind: StatefulSet\nspec: {}\n")
        try repository.write("charts/app/values.yaml", "x: 1\n")
        try repository.commit("TN-099: Redis StatefulSet")
        try repository.write("charts/other/values.yaml", "y: 2\n")
        try repository.commit("Unrelated chart")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let association = TaskAssociation(history: history, tasks: ["TN-099"], ids: try TaskIDPattern())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: association)
        let claims = facts.apply(to: [
            Claim(kind: .loc, text: "x", source: .file("docs/R.md", line: 1), task: "TN-099", subject: "statefulset.yaml"),
            Claim(kind: .loc, text: "x", source: .file("docs/R.md", line: 1), task: "TN-099", subject: "app/values.yaml"),
            // Two `values.yaml` exist, but only one was touched by the task: still unique for it.
            Claim(kind: .loc, text: "x", source: .file("docs/R.md", line: 1), task: "TN-099", subject: "values.yaml"),
        ])
        #expect(claims.map(\.verifiedValue) == ["deploy/redis/statefulset.yaml", "charts/app/values.yaml", "charts/app/values.yaml"])
        #expect(claims.map(\.verified) == [2, 1, 1])
    }

    @Test func anAmbiguousNameOrAnUnreadableFileLeavesTheLinesUnknown() throws {
        let folder = try tree()
        // Two of the task's files have the name, and the task folder itself has none: a name
        // the task folder has (`values.yaml`) is that file, since a path is tried from there first.
        try folder.write("tasks/TN-099-redis/sub/chart.yaml", "b: 2\n")
        try folder.write("tasks/TN-099-redis/other/chart.yaml", "c: 3\n")
        let claims = facts(folder).apply(to: [
            loc("chart.yaml", in: "docs/SUMMARY.md", task: "TN-099"),
            loc("images/logo.md", in: "docs/SUMMARY.md"),
            loc("charts/app", in: "docs/SUMMARY.md"),
            loc("missing/file.go", in: "docs/SUMMARY.md"),
            loc(nil, in: "docs/SUMMARY.md"),
        ])
        #expect(claims.allSatisfy { $0.verified == nil && $0.verifiedValue == nil })
    }

    // MARK: Deliverables

    @Test func aDeliverableIsOneWhenItExistsAsAFileOrFolderAndZeroWhenItDoesNot() throws {
        let folder = try tree()
        let claims = facts(folder).apply(to: [
            deliverable("charts/app/", in: "docs/SUMMARY.md"),
            deliverable("../../README.md", in: "tasks/TN-099-redis/REPORT.md"),
            deliverable("charts/missing.md", in: "docs/SUMMARY.md"),
            deliverable("design.md", in: "docs/SUMMARY.md", task: "TN-099"),
        ])
        #expect(claims.map(\.verified) == [1, 1, 0, 1])
        #expect(claims.map(\.verifiedValue) == ["charts/app", "README.md", nil, "tasks/TN-099-redis/design.md"])
    }

    @Test func aPathThatLeavesTheRepositoryIsNeitherFoundNorMissing() throws {
        let folder = try tree()
        let claims = facts(folder).apply(to: [
            deliverable("../secret.md", in: "README.md"),
            deliverable("/etc/passwd", in: "docs/SUMMARY.md"),
            deliverable("~/notes.md", in: "docs/SUMMARY.md"),
            deliverable("outside", in: "docs/SUMMARY.md"),
            loc("../../../etc/hosts", in: "tasks/TN-099-redis/REPORT.md"),
        ])
        #expect(claims.allSatisfy { $0.verified == nil && $0.verifiedValue == nil })
    }

    // MARK: Commit ids

    @Test func commitPrefixesAreResolvedAgainstTheHistory() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("a.txt", "a\n")
        let first = try repository.commit("first")
        try repository.write("b.txt", "b\n")
        let second = try repository.commit("second")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let missing = first.hasPrefix("0000000") ? "fffffff" : "0000000"
        let refs = [String(second.prefix(7)).uppercased(), String(first.prefix(10)), missing].map { prefix in
            Claim(kind: .commitRef, text: prefix, source: .file("docs/R.md", line: 4), claimedValue: prefix.lowercased())
        }
        let claims = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [], phases: [], history: history, association: nil
        ).apply(to: refs)
        #expect(claims.map(\.verified) == [1, 1, 0])
        #expect(claims.map(\.verifiedValue) == [second, first, nil])
    }

    @Test func anAmbiguousPrefixAShallowMissOrNoHistoryLeavesTheCommitUnknown() throws {
        let signature = GitSignature(name: "A", email: "a@example.com", time: 0, offsetMinutes: 0)
        let ids = ["abc1234" + String(repeating: "0", count: 33), "abc1234" + String(repeating: "1", count: 33)]
        let commits = ids.map {
            GitCommit(id: $0, parents: [], author: signature, committer: signature, subject: "x", body: "")
        }
        let ref = Claim(kind: .commitRef, text: "abc1234", source: .file("R.md", line: 1), claimedValue: "abc1234")
        let miss = Claim(kind: .commitRef, text: "fedcba9", source: .file("R.md", line: 1), claimedValue: "fedcba9")
        func apply(_ claims: [Claim], shallow: Bool, history present: Bool = true) -> [Claim] {
            let history = History(
                head: ids[0], commits: commits, stats: [:], isShallow: shallow, isHeadDetached: false, findings: [],
                notes: [], cachedCommits: 0)
            return ClaimFacts(
                tree: RepositoryTree(root: "/nonexistent"), tasks: [], phases: [], history: present ? history : nil,
                association: nil
            ).apply(to: claims)
        }
        #expect(apply([ref], shallow: false).map(\.verified) == [nil])
        #expect(apply([miss], shallow: false).map(\.verified) == [0])
        #expect(apply([miss], shallow: true).map(\.verified) == [nil])
        #expect(apply([miss], shallow: false, history: false).map(\.verified) == [nil])
    }

    @Test func claimsOfOtherKindsAreLeftAsTheyAre() throws {
        let folder = try tree()
        let claims = [
            Claim(kind: .coverage, text: "91% coverage", source: .file("R.md", line: 1), claimed: 91),
            Claim(kind: .fileCount, text: "3 files", source: .file("R.md", line: 2), claimed: 3, expected: 4),
        ]
        #expect(facts(folder).apply(to: claims) == claims)
    }
}
