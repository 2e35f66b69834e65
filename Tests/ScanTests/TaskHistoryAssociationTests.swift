import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `TaskAssociation.history(for:)`: a task's history table and the files it delivered.
struct TaskHistoryAssociationTests {
    /// Commits of the fixture, by role.
    struct Fixture: Sendable {
        let builder: GitRepositoryBuilder
        var path: String { builder.path }
        var ids: [String: String] = [:]
        subscript(_ name: String) -> String { ids[name]! }
    }

    static func lines(_ name: String, _ count: Int, changing changed: Int = 0) -> String {
        (1...count).map { $0 == changed ? "\(name) line \($0) was edited\n" : "\(name) line \($0) of the file with some words\n" }.joined()
    }

    /// TN-003 is the root commit; TN-001 creates, edits, renames and deletes; TN-002 is a
    /// branch whose commits do not name it, brought in by a merge that does.
    static let shared = Result { try makeFixture() }

    static func makeFixture() throws -> Fixture {
        let repo = try GitRepositoryBuilder()
        SharedFixtureFolders.keepUntilExit(repo.folder)
        var fixture = Fixture(builder: repo)
        func commit(_ name: String, _ message: String, _ date: String, committerDate: String? = nil) throws {
            fixture.ids[name] = try repo.commit(message, date: date, committerDate: committerDate)
        }
        try repo.write("README.md", "# Project\n\nIntro.\n")
        try repo.write("legacy/old_name.py", lines("legacy", 10))
        try repo.write("obsolete.txt", "obsolete one\nobsolete two\nobsolete three\n")
        try repo.write("charts/app/values.yaml", "replicas: 1\n")
        try commit("root", "TN-003: initial import", "2025-11-01T09:00:00+00:00")

        try repo.write("src/parser.go", "package parser\n\nfunc A() {}\n")
        try repo.write("src/moving.swift", lines("moving", 12))
        try repo.write("assets/logo.png", bytes: [0x89, 0x50, 0, 1, 2, 0])
        try repo.write("docs/design.md", "# Design\n\nText.\nMore.\n")
        try commit("c1", "TN-001: add the parser", "2025-11-02T10:00:00+00:00")
        try repo.write("src/parser.go", "package parser\n\nfunc A() { return }\nfunc B() {}\n")
        try commit("c2", "Extend the parser (tn-1)", "2025-11-03T10:00:00+00:00")
        try repo.write("README.md", "# Project\n\nIntro.\nUnrelated.\n")
        try commit("c3", "Unrelated fix", "2025-11-04T10:00:00+00:00")
        try repo.folder.makeFolder("Sources")
        try repo.git(["mv", "src/moving.swift", "Sources/Moved.swift"])
        try repo.write("Sources/Moved.swift", lines("moving", 12, changing: 5))
        try repo.git(["mv", "legacy/old_name.py", "legacy/new_name.py"])
        try repo.remove("obsolete.txt")
        try repo.write("assets/logo.png", bytes: [0x89, 0x50, 0, 3, 4, 0])
        try repo.write("README.md", "# Project\n\nIntro.\nUnrelated.\nMoved things.\n")
        // 23:30 at UTC-5 is already the next day in UTC: the day is the committer's own.
        try commit("c4", "TN-001: move and clean up", "2025-11-05T10:00:00+00:00", committerDate: "2025-11-06T23:30:00-05:00")
        try repo.write("Tests/ParserTests.swift", "import Testing\n@Test func parses() {}\n")
        try repo.write("src/parser.go", "package parser\n\nfunc A() { return }\nfunc B() {}\nfunc C() {}\n")
        try commit("c5", "TN-001: tests", "2025-11-07T10:00:00+00:00")

        try repo.git(["checkout", "-q", "-b", "feature/TN-002-cli"])
        try repo.write("cmd/cli.go", "package main\nfunc main() {}\n")
        try commit("s1", "Add the command", "2025-11-08T10:00:00+00:00")
        try repo.write("cmd/cli.go", "package main\nfunc main() {}\n// wired\n")
        try commit("s2", "Wire it up", "2025-11-09T10:00:00+00:00")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("README.md", "# Project\n\nIntro.\nUnrelated.\nMoved things.\nMain moved on.\n")
        try commit("m1", "Main moves on", "2025-11-10T10:00:00+00:00")
        fixture.ids["merge"] = try repo.merge(
            ["feature/TN-002-cli"], message: "Merge branch 'feature/TN-002-cli'", date: "2025-11-11T10:00:00+00:00")
        return fixture
    }

    static let tasks: Set<String> = ["TN-001", "TN-002", "TN-003", "TN-004"]

    static func association(_ path: String) throws -> TaskAssociation {
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: path, cachePath: cache.path).scan())
        return TaskAssociation(history: history, tasks: tasks, ids: try TaskIDPattern())
    }

    /// The row git itself gives for a commit: `git log` for the id, subject and committer day,
    /// `git diff --numstat` against the first parent for the lines.
    static func gitRow(_ id: String, in path: String) throws -> TaskCommit {
        let fields = try GitFixture.gitLine(["log", "-1", "--date=format:%Y-%m-%d", "--format=%h%x00%s%x00%cd%x00%p", "--abbrev=7", id], in: path)
            .split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        let lines = try GitHistoryAssociationTests.gitLines([id], in: path)
        return TaskCommit(
            id: id, shortID: fields[0], subject: fields[1], date: fields[2], added: lines.added, deleted: lines.deleted,
            isMerge: fields[3].split(separator: " ").count > 1)
    }

    @Test func theHistoryTableListsTheTasksCommitsNewestFirstAsGitShowsThem() throws {
        let fixture = try Self.shared.get()
        let history = try Self.association(fixture.path).history(for: "TN-001")
        #expect(history.commits.map(\.id) == ["c5", "c4", "c2", "c1"].map { fixture[$0] })
        #expect(history.commits == (try ["c5", "c4", "c2", "c1"].map { try Self.gitRow(fixture[$0], in: fixture.path) }))
        // The committer's day, in the committer's zone; not the author's, not UTC.
        #expect(history.commits[1].date == "2025-11-06")
        #expect(history.commits.allSatisfy { $0.shortID.count == 7 && $0.id.hasPrefix($0.shortID) && $0.hasCounts && !$0.isMerge })
        #expect(history.commits.last?.added == 19)
    }

    @Test func filesAreSummedPerPathWithCreationDeletionAndRenamesFollowed() throws {
        let fixture = try Self.shared.get()
        let files = try Self.association(fixture.path).history(for: "TN-001").files
        #expect(files == [
            TaskFile(path: "README.md", category: .docs, added: 1, deleted: 0, created: false, removed: false, commits: 1),
            // Created by c1 as src/moving.swift, moved here by c4: still delivered by the task.
            TaskFile(path: "Sources/Moved.swift", category: .code, added: 1, deleted: 1, created: true, removed: false, commits: 1),
            TaskFile(path: "Tests/ParserTests.swift", category: .tests, added: 2, deleted: 0, created: true, removed: false, commits: 1),
            TaskFile(path: "assets/logo.png", category: .other, added: nil, deleted: nil, created: true, removed: false, commits: 2),
            TaskFile(path: "docs/design.md", category: .docs, added: 4, deleted: 0, created: true, removed: false, commits: 1),
            // Renamed, but created before the task began.
            TaskFile(path: "legacy/new_name.py", category: .code, added: 0, deleted: 0, created: false, removed: false, commits: 1),
            TaskFile(path: "legacy/old_name.py", category: .code, added: 0, deleted: 0, created: false, removed: true, commits: 1),
            TaskFile(path: "obsolete.txt", category: .docs, added: 0, deleted: 3, created: false, removed: true, commits: 1),
            TaskFile(path: "src/moving.swift", category: .code, added: 12, deleted: 0, created: true, removed: true, commits: 2),
            // Touched three times: created once, lines summed.
            TaskFile(path: "src/parser.go", category: .code, added: 6, deleted: 1, created: true, removed: false, commits: 3),
        ])
        // The line sums are git's, path by path (a rename's lines belong to its new path).
        let commits = ["c1", "c2", "c4", "c5"].map { fixture[$0] }
        for file in files where file.added != nil {
            var added = 0
            var deleted = 0
            let parents = try GitFixture.parentsByCommit(in: fixture.path)
            let empty = try GitFixture.emptyTree(in: fixture.path)
            for id in commits {
                for entry in try GitFixture.numstat(from: parents[id]?.first ?? empty, to: id, in: fixture.path) where entry.path == file.path {
                    added += entry.added ?? 0
                    deleted += entry.deleted ?? 0
                }
            }
            #expect(file.added == added && file.deleted == deleted, "\(file.path)")
        }
    }

    @Test func mergesAreMarkedInTheTableAndLeftOutOfTheFiles() throws {
        let fixture = try Self.shared.get()
        let history = try Self.association(fixture.path).history(for: "TN-002")
        #expect(history.commits.map(\.id) == ["merge", "s2", "s1"].map { fixture[$0] })
        #expect(history.commits.map(\.isMerge) == [true, false, false])
        // The merge's own figures are what it brought to main, the branch's lines once more.
        #expect(history.commits[0] == (try Self.gitRow(fixture["merge"], in: fixture.path)))
        #expect(history.commits[0].added == 3)
        // Counted once, from the branch commits: two commits, not three.
        #expect(history.files == [
            TaskFile(path: "cmd/cli.go", category: .code, added: 3, deleted: 0, created: true, removed: false, commits: 2)
        ])
    }

    @Test func aRootCommitCreatesEveryFileOfItsTask() throws {
        let fixture = try Self.shared.get()
        let history = try Self.association(fixture.path).history(for: "TN-003")
        #expect(history.commits == [try Self.gitRow(fixture["root"], in: fixture.path)])
        #expect(history.files.map(\.path) == ["README.md", "charts/app/values.yaml", "legacy/old_name.py", "obsolete.txt"])
        #expect(history.files.allSatisfy { $0.created && !$0.removed && $0.commits == 1 })
        #expect(history.files.map(\.category) == [.docs, .manifests, .code, .docs])
    }

    @Test func aTaskWithoutCommitsHasAnEmptyHistory() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path)
        #expect(association.history(for: "TN-004") == TaskHistory(commits: [], files: []))
        #expect(association.history(for: "TN-999") == TaskHistory(commits: [], files: []))
    }

    /// The table and the task's `git` block agree: same commits, same lines, same paths.
    @Test func theHistoryAgreesWithTheSummary() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path)
        for task in Self.tasks {
            let history = association.history(for: task)
            let summary = association.summary(for: task)
            let nonMerge = history.commits.filter { !$0.isMerge }
            #expect(history.commits.count == summary.commits, "\(task)")
            #expect(history.commits.count { $0.isMerge } == summary.merges, "\(task)")
            #expect(nonMerge.reduce(0) { $0 + $1.added } == summary.linesAdded, "\(task)")
            #expect(nonMerge.reduce(0) { $0 + $1.deleted } == summary.linesDeleted, "\(task)")
            #expect(Set(history.files.map(\.path)).isSuperset(of: association.pathSet(for: task)), "\(task)")
        }
    }

    // MARK: - Histories built by hand

    static func id(_ number: Int) -> String { String(repeating: "0", count: 38) + String(format: "%02d", number) }

    /// Commits `1…n` in a line, newest (highest) first, each naming TN-001; `stats` by number.
    static func handHistory(_ count: Int, stats: [Int: [FileChange]], merges: Set<Int> = []) throws -> TaskAssociation {
        let commits = (1...count).reversed().map { number in
            let when = GitSignature(name: "A", email: "a@example.com", time: Int64(1_764_000_000 + number * 3_600), offsetMinutes: 0)
            var parents = number > 1 ? [id(number - 1)] : []
            if merges.contains(number) { parents.append(id(90 + number)) }
            return GitCommit(id: id(number), parents: parents, author: when, committer: when, subject: "TN-001: step \(number)", body: "")
        }
        let history = History(
            head: id(count), commits: commits,
            stats: stats.reduce(into: [String: CommitStats]()) { $0[id($1.key)] = CommitStats(files: $1.value) },
            isShallow: false, isHeadDetached: false, findings: [], notes: [], cachedCommits: 0)
        return TaskAssociation(history: history, tasks: ["TN-001"], ids: try TaskIDPattern())
    }

    @Test func aCommitWhoseChangesCouldNotBeReadHasNoCounts() throws {
        let association = try Self.handHistory(2, stats: [1: [FileChange(path: "a.swift", status: .created, added: 4, deleted: 0)]])
        let history = association.history(for: "TN-001")
        #expect(history.commits.map(\.hasCounts) == [false, true])
        #expect(history.commits.map(\.added) == [0, 4])
        #expect(history.files == [TaskFile(path: "a.swift", category: .code, added: 4, deleted: 0, created: true, removed: false, commits: 1)])
    }

    @Test func deletedAndCreatedAgainIsCreatedAndPresent() throws {
        let history = try Self.handHistory(4, stats: [
            1: [FileChange(path: "a.go", status: .created, added: 3, deleted: 0), FileChange(path: "b.go", status: .modified, added: 1, deleted: 1)],
            2: [FileChange(path: "a.go", status: .deleted, added: 0, deleted: 3), FileChange(path: "b.go", status: .deleted, added: 0, deleted: 5)],
            3: [FileChange(path: "a.go", status: .created, added: 2, deleted: 0)],
            4: [FileChange(path: "b.go", status: .created, added: 7, deleted: 0)],
        ]).history(for: "TN-001")
        #expect(history.files == [
            TaskFile(path: "a.go", category: .code, added: 5, deleted: 3, created: true, removed: false, commits: 3),
            // It existed before the task: its first change here was an edit.
            TaskFile(path: "b.go", category: .code, added: 8, deleted: 6, created: false, removed: false, commits: 3),
        ])
    }

    @Test func binaryInAnyCommitMeansNoLineCounts() throws {
        let history = try Self.handHistory(2, stats: [
            1: [FileChange(path: "data/blob", status: .created, added: 3, deleted: 0)],
            2: [FileChange(path: "data/blob", status: .modified, added: nil, deleted: nil)],
        ]).history(for: "TN-001")
        #expect(history.files == [TaskFile(path: "data/blob", category: .other, added: nil, deleted: nil, created: true, removed: false, commits: 2)])
    }

    /// One commit renames `a` away and adds a new `a`: one commit for `a`, and `a` is present.
    @Test func aPathRenamedAwayAndAddedInOneCommitCountsOnce() throws {
        let history = try Self.handHistory(1, stats: [
            1: [
                FileChange(path: "b.txt", oldPath: "a.txt", status: .renamed, added: 0, deleted: 0),
                FileChange(path: "a.txt", status: .created, added: 1, deleted: 0),
            ]
        ]).history(for: "TN-001")
        #expect(history.files == [
            TaskFile(path: "a.txt", category: .docs, added: 1, deleted: 0, created: false, removed: false, commits: 1),
            TaskFile(path: "b.txt", category: .docs, added: 0, deleted: 0, created: false, removed: false, commits: 1),
        ])
    }

    @Test func aMergesOwnChangesAreNotFiles() throws {
        let history = try Self.handHistory(2, stats: [
            1: [FileChange(path: "x.py", status: .created, added: 2, deleted: 0)],
            2: [FileChange(path: "y.py", status: .created, added: 9, deleted: 0)],
        ], merges: [2]).history(for: "TN-001")
        #expect(history.commits.map(\.isMerge) == [true, false])
        #expect(history.commits.map(\.added) == [9, 2])
        #expect(history.files.map(\.path) == ["x.py"])
    }

    @Test func taskHistoryEncodesAbsentCountsAsNull() throws {
        let file = TaskFile(path: "p.bin", category: .other, added: nil, deleted: nil, created: true, removed: false, commits: 1)
        let json = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
        #expect(json.contains("\"added\":null") && json.contains("\"deleted\":null") && json.contains("\"category\":\"other\""))
        let history = TaskHistory(
            commits: [TaskCommit(id: Self.id(1), shortID: "0000000", subject: "s", date: "2025-11-30", added: 1, deleted: 2, isMerge: false)],
            files: [file])
        #expect(try JSONDecoder().decode(TaskHistory.self, from: JSONEncoder().encode(history)) == history)
    }
}
