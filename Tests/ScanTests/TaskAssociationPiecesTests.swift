import PhaseModel
import Testing
@testable import Scan

/// What each commit names is read in pieces of 4,096 commits on every core and joined again: a
/// history of several pieces links each commit to the tasks its own subject or body names, at
/// its own position, as one piece would.
struct TaskAssociationPiecesTests {
    static let tasks = (1...7).map { "TN-00\($0)" }

    /// Commit `index`: every third names no task in its subject and one in a trailer of its body
    /// (`Task: TN-00k`); every eleventh names a task the workspace does not list, and its body
    /// (which would name a listed one) does not count; the others name one task in the subject.
    static func named(_ index: Int) -> String? {
        if index % 11 == 0 { return nil }
        return index % 3 == 0 ? tasks[index % 5] : tasks[index % 7]
    }

    static func history(commits count: Int) -> History {
        let author = GitSignature(name: "A", email: "a@example.com", time: 1_700_000_000, offsetMinutes: 0)
        var commits: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        for index in 0..<count {
            let id = String(format: "%040x", index + 1)
            let (subject, body): (String, String) =
                if index % 11 == 0 {
                    ("TN-999: elsewhere \(index)", "Task: \(tasks[0])")
                } else if index % 3 == 0 {
                    ("change \(index)", "Task: \(tasks[index % 5])")
                } else {
                    ("\(tasks[index % 7]): change \(index)", "")
                }
            commits.append(GitCommit(
                id: id, parents: index + 1 < count ? [String(format: "%040x", index + 2)] : [], author: author, committer: author,
                subject: subject, body: body))
            stats[id] = CommitStats(files: [FileChange(path: "src/\(index % 13).swift", added: 1, deleted: 0)])
        }
        return History(
            head: commits.first?.id, commits: commits, stats: stats, isShallow: false, isHeadDetached: false, findings: [],
            notes: [], cachedCommits: 0)
    }

    @Test(arguments: [1, 4_095, 4_096, 4_097, 10_000])
    func everyCommitIsLinkedAtItsOwnPosition(_ count: Int) throws {
        let history = Self.history(commits: count)
        let linked = TaskAssociation(history: history, tasks: Set(Self.tasks), ids: try TaskIDPattern(prefix: "TN", width: 3))
        for task in Self.tasks {
            let expected = (0..<count).filter { Self.named($0) == task }
            #expect(linked.commitsByTask[task] ?? [] == expected, "\(task)")
            let paths = Set(expected.map { "src/\($0 % 13).swift" })
            #expect(linked.pathSet(for: task) == paths, "\(task)")
        }
        #expect(linked.commitsByTask["TN-999"] == nil)
    }
}
