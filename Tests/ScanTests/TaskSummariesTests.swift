import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// Every task's `git` block is worked out on every core, and its files touched are the task's
/// path set counted: the blocks must be those `summary(for:)` gives one by one, and the files
/// touched those the task's non-merge commits with readable changes changed.
struct TaskSummariesTests {
    static let tasks = ["TN-001", "TN-002", "TN-003"]
    static let paths = ["a.md", "b.swift", "docs/c.md", "d.go"]

    /// A commit: the task its subject names (or none), whether it is a merge, whether its
    /// changes were read, then the paths it changed.
    static let commit = Gen.int(in: 0...3).array(of: 3...7)

    static func history(_ commits: [[Int]]) -> History {
        var result: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        for (index, commit) in commits.enumerated() {
            let (shape, changed) = (Array(commit.prefix(3)), Array(commit.dropFirst(3)))
            let id = String(format: "%040x", index + 1)
            let parents = [String(format: "%040x", index + 2)] + (shape[1] == 0 ? [String(format: "%040x", index + 3)] : [])
            let subject = shape[0] < tasks.count ? "\(tasks[shape[0]]): change \(index)" : "chore: tidy"
            let author = GitSignature(name: "A\(index % 2)", email: "a@example.com", time: Int64(index) * 86_400, offsetMinutes: 0)
            result.append(GitCommit(id: id, parents: parents, author: author, committer: author, subject: subject, body: ""))
            if shape[2] != 0 {
                stats[id] = CommitStats(files: changed.map { FileChange(path: paths[$0], added: $0, deleted: 1) })
            }
        }
        return History(
            head: result.first?.id, commits: result, stats: stats, isShallow: false, isHeadDetached: false, findings: [],
            notes: [], cachedCommits: 0)
    }

    @Test func theBlocksAreThoseOfEachTaskOnItsOwn() async throws {
        let pattern = try TaskIDPattern(prefix: "TN", width: 3)
        await propertyCheck(count: 500, input: Self.commit.array(of: 0...30)) { commits in
            let history = Self.history(commits)
            let linked = TaskAssociation(history: history, tasks: Set(Self.tasks), ids: pattern)
            let asked = Self.tasks + ["TN-009"]
            let summaries = linked.summaries(for: asked)
            #expect(summaries == asked.map(linked.summary(for:)))
            for (task, summary) in zip(asked, summaries) {
                var touched = Set<String>()
                for index in linked.commitsByTask[task] ?? [] where !history.commits[index].isMerge {
                    for file in history.stats[history.commits[index].id]?.files ?? [] { touched.insert(file.path) }
                }
                #expect(summary.filesTouched == touched.count, "\(task)")
                #expect(summary.filesTouched == linked.pathSet(for: task).count)
                #expect(summary.commits == (linked.commitsByTask[task] ?? []).count)
            }
        }
    }
}
