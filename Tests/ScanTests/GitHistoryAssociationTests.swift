import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// How commits are tied to tasks, and what a task's `git` block sums (docs/design/pipeline.md#commits-and-tasks).
struct GitHistoryAssociationTests {
    static let ann = ("Ann Example", "ann@example.com")
    static let bob = ("Bob Example", "bob@example.com")

    /// Commits of the association fixture, by role.
    typealias Fixture = NamedCommitFixture

    /// The fixture, built once for the tests that only read it.
    static let shared = Result { try makeFixture() }

    static func makeFixture() throws -> Fixture {
        let repo = try GitRepositoryBuilder()
        SharedFixtureFolders.keepUntilExit(repo.folder)
        var fixture = Fixture(builder: repo)
        func commit(_ name: String, _ message: String, _ date: String, _ author: (String, String)) throws {
            fixture.ids[name] = try repo.commit(message, date: date, author: author.0, email: author.1)
        }
        try repo.write("README.md", "# Service\n")
        try commit("root", "Initial commit", "2025-11-01T09:00:00+00:00", ann)
        try repo.write("a.txt", "one\ntwo\nthree\n")
        try commit("colon", "TN-99: x", "2025-11-02T10:00:00+00:00", ann)
        try repo.write("a.txt", "one\nTWO\nthree\n")
        try commit("paren", "Fix the parser (TN-99)", "2025-11-03T10:00:00+00:00", bob)
        try repo.write("docs.md", "doc\ndoc\n")
        try commit("bracket", "[TN-99] docs", "2025-11-04T10:00:00+00:00", ("Émile Zola", "emile@example.com"))
        try repo.write("b.txt", "1\n2\n3\n4\n")
        try commit("scope", "feat(TN-99): x", "2025-11-05T10:00:00+00:00", ("Bob Example", "bob@work.example.com"))
        try repo.remove("docs.md")
        try commit("lower", "tn-099 lower", "2025-11-06T10:00:00+00:00", ann)
        try repo.write("c.txt", "1\n2\n3\n4\n5\n")
        try commit("body", "Refactor helpers\n\nPart of TN-99, see the review.", "2025-11-07T10:00:00+00:00", ann)
        try repo.write("d.txt", "utf\n")
        try commit("utf8", "Handle UTF-8 input", "2025-11-08T10:00:00+00:00", ann)

        // A feature branch whose commits do not name the task; the merge subject does.
        try repo.git(["checkout", "-q", "-b", "feature/TN-106-unit-tests-150pct"])
        try repo.write("t1.txt", "t\nt\nt\nt\nt\nt\n")
        try commit("side1", "Add tests", "2025-11-10T10:00:00+00:00", ("Carl Example", "carl@example.com"))
        try repo.write("t1.txt", "t\nT\nt\nt\nt\nt\nt\n")
        try repo.write("t2.txt", "u\nu\nu\n")
        try commit("side2", "More tests", "2025-11-11T10:00:00+00:00", ("Carl Example", "carl@example.com"))
        try repo.git(["checkout", "-q", "main"])
        try repo.write("README.md", "# Service\n\nMain moved on.\n")
        try commit("mainMoves", "Unrelated change", "2025-11-12T10:00:00+00:00", ann)
        fixture.ids["merge106"] = try repo.merge(
            ["feature/TN-106-unit-tests-150pct"], message: "Merge branch 'feature/TN-106-unit-tests-150pct'",
            date: "2025-12-03T10:00:00+00:00", author: "Dana Example")

        // A pull request merge; one of its commits also names TN-99.
        try repo.git(["checkout", "-q", "-b", "TN-107-x"])
        try repo.write("x.txt", "x\nx\nx\nx\nx\nx\nx\n")
        try commit("side3", "wip", "2025-12-04T10:00:00+00:00", ("Eve Example", "eve@example.com"))
        try repo.write("b.txt", "1\n2\n3\n4\n5\n")
        try commit("side4", "TN-99 follow-up", "2025-12-05T10:00:00+00:00", ("Eve Example", "eve@example.com"))
        try repo.git(["checkout", "-q", "main"])
        // 23:30 at UTC-5 is already the next day in UTC: days are taken in the author's zone.
        fixture.ids["merge107"] = try repo.merge(
            ["TN-107-x"], message: "Merge pull request #12 from org/TN-107-x\n\nAdd x",
            date: "2025-12-05T23:30:00-05:00", author: "Dana Example")
        return fixture
    }

    static let tasks: Set<String> = ["TN-099", "TN-106", "TN-107", "TN-200"]

    static func association(_ path: String, tasks: Set<String> = tasks) throws -> TaskAssociation {
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: path, cachePath: cache.path).scan())
        return TaskAssociation(history: history, tasks: tasks, ids: try TaskIDPattern())
    }

    static func ids(_ association: TaskAssociation, _ task: String) -> Set<String> {
        Set((association.commitsByTask[task] ?? []).map { association.history.commits[$0].id })
    }

    /// Lines added and deleted over `commits`, as `git diff --numstat <first parent> <commit>` counts them.
    static func gitLines(_ commits: [String], in path: String) throws -> (added: Int, deleted: Int, paths: Set<String>) {
        let empty = try GitFixture.emptyTree(in: path)
        var added = 0
        var deleted = 0
        var paths = Set<String>()
        let parentsByCommit = try GitFixture.parentsByCommit(in: path)
        for id in commits {
            let parent = parentsByCommit[id]?.first ?? empty
            for entry in try GitFixture.numstat(from: parent, to: id, in: path) {
                added += entry.added ?? 0
                deleted += entry.deleted ?? 0
                paths.insert(entry.path)
            }
        }
        return (added, deleted, paths)
    }

    @Test func everySpellingOfAnIdInSubjectOrBodyTiesTheCommitToTheTask() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path)
        #expect(Self.ids(association, "TN-099") == Set(["colon", "paren", "bracket", "scope", "lower", "body", "side4"].map { fixture[$0] }))
        // `UTF-8` is not a task; nothing else names a task that is not known.
        #expect(Set(association.commitsByTask.keys).isSubset(of: Self.tasks))
        #expect(association.commitsByTask["UTF-008"] == nil)
        let utf8Index = try #require(association.history.commits.firstIndex { $0.id == fixture["utf8"] })
        #expect(!association.commitsByTask.values.contains { $0.contains(utf8Index) })
        // A task nobody names has no commits, and an empty (but present) summary.
        #expect(association.commitsByTask["TN-200"] == nil)
        let none = association.summary(for: "TN-200")
        #expect(none.commits == 0 && none.linesAdded == 0 && none.first == nil && none.last == nil && none.authors.isEmpty)
    }

    @Test func aMergeNamingATaskBringsItsBranchCommits() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path)
        #expect(Self.ids(association, "TN-106") == [fixture["merge106"], fixture["side1"], fixture["side2"]])
        #expect(Self.ids(association, "TN-107") == [fixture["merge107"], fixture["side3"], fixture["side4"]])
        // What main did meanwhile is not the branch's.
        #expect(!Self.ids(association, "TN-106").contains(fixture["mainMoves"]))
    }

    @Test func summariesCountMergesButNotTheirLines() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path)

        let task106 = association.summary(for: "TN-106")
        let lines106 = try Self.gitLines([fixture["side1"], fixture["side2"]], in: fixture.path)
        #expect(task106.commits == 3)
        #expect(task106.merges == 1)
        #expect(task106.linesAdded == lines106.added)
        #expect(task106.linesDeleted == lines106.deleted)
        #expect(task106.linesAdded == 10 && task106.linesDeleted == 0)
        #expect(task106.filesTouched == 2)
        #expect(task106.authors == ["Carl Example", "Dana Example"])
        #expect(task106.first == "2025-11-10")
        #expect(task106.last == "2025-12-03")
        #expect(association.paths(for: "TN-106") == ["t1.txt", "t2.txt"])
        // The merge itself changed the same lines against its first parent: not counted twice.
        let mergeLines = try Self.gitLines([fixture["merge106"]], in: fixture.path)
        #expect(mergeLines.added == lines106.added)

        let task107 = association.summary(for: "TN-107")
        let lines107 = try Self.gitLines([fixture["side3"], fixture["side4"]], in: fixture.path)
        #expect(task107.commits == 3)
        #expect(task107.merges == 1)
        #expect(task107.linesAdded == lines107.added)
        #expect(task107.linesDeleted == lines107.deleted)
        #expect(task107.filesTouched == 2)
        #expect(task107.authors == ["Dana Example", "Eve Example"])
        #expect(task107.first == "2025-12-04")
        #expect(task107.last == "2025-12-05")

        let task99 = association.summary(for: "TN-099")
        let names99 = ["colon", "paren", "bracket", "scope", "lower", "body", "side4"].map { fixture[$0] }
        let lines99 = try Self.gitLines(names99, in: fixture.path)
        #expect(task99.commits == 7)
        #expect(task99.merges == 0)
        #expect(task99.linesAdded == lines99.added)
        #expect(task99.linesDeleted == lines99.deleted)
        #expect(task99.linesAdded == 3 + 1 + 2 + 4 + 0 + 5 + 1)
        #expect(task99.linesDeleted == 1 + 2 + 0)
        #expect(task99.filesTouched == lines99.paths.count)
        #expect(task99.filesTouched == 4)
        // Sorted, each name once (Bob committed from two addresses).
        #expect(task99.authors == ["Ann Example", "Bob Example", "Eve Example", "Émile Zola"])
        #expect(task99.first == "2025-11-02")
        #expect(task99.last == "2025-12-05")

        let workspace = TaskAssociation.summary(of: association.history)
        #expect(workspace.commits == 15)
        #expect(workspace.merges == 2)
        #expect(workspace.head == fixture["merge107"])
        #expect(workspace.first == "2025-11-01")
        #expect(workspace.last == "2025-12-05")
        #expect(workspace.unreadable == 0)
        #expect(!workspace.shallow && !workspace.detached)
    }

    @Test func everyMergeBringsInWhatGitRevListSays() throws {
        let fixture = try Self.shared.get()
        try Self.compareBroughtInWithGit(fixture.path)
    }

    /// For every merge: the commits reachable from its other parents but not its first,
    /// as `git rev-list P2 P3 … --not P1` lists them.
    static func compareBroughtInWithGit(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: path, cachePath: cache.path).scan())
        let graph = CommitGraph(history.commits)
        for (index, commit) in history.commits.enumerated() where commit.isMerge {
            let expected = try GitFixture.gitLine(["rev-list"] + Array(commit.parents.dropFirst()) + ["--not", commit.parents[0]], in: path)
                .split(separator: "\n").map(String.init)
            let actual = graph.broughtIn(byMerge: index).map { history.commits[$0].id }
            #expect(Set(actual) == Set(expected), "merge \(commit.subject)", sourceLocation: sourceLocation)
        }
    }

    /// Criss-cross merges (two branches merging each other) and an octopus, built with git.
    @Test func crissCrossAndOctopusMergesBringInWhatGitSays() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("base.txt", "base\n")
        try repo.commit("A")
        try repo.git(["branch", "b"])
        try repo.git(["branch", "c"])
        try repo.git(["checkout", "-q", "b"])
        try repo.write("b1.txt", "b1\n")
        try repo.commit("B1")
        try repo.git(["checkout", "-q", "c"])
        try repo.write("c1.txt", "c1\n")
        try repo.commit("C1")
        let c1 = try repo.head()
        try repo.git(["checkout", "-q", "b"])
        let b1 = try repo.head()
        try repo.merge([c1], message: "B2 merges C1")
        try repo.git(["checkout", "-q", "c"])
        try repo.merge([b1], message: "C2 merges B1")
        try repo.write("c3.txt", "c3\n")
        try repo.commit("C3")
        try repo.git(["checkout", "-q", "b"])
        try repo.write("b3.txt", "b3\n")
        try repo.commit("B3")
        try repo.merge(["c"], message: "Merge branch 'feature/TN-106-criss-cross'")
        // An octopus of two more branches on top, one with a merge of its own.
        try repo.git(["checkout", "-q", "-b", "o1"])
        try repo.write("o1.txt", "o1\n")
        try repo.commit("O1")
        try repo.git(["checkout", "-q", "b"])
        try repo.git(["checkout", "-q", "-b", "o2"])
        try repo.write("o2.txt", "o2\n")
        try repo.commit("O2")
        try repo.git(["checkout", "-q", "-b", "o2-sub"])
        try repo.write("o2sub.txt", "o2sub\n")
        try repo.commit("O2 sub")
        try repo.git(["checkout", "-q", "o2"])
        try repo.merge(["o2-sub"], message: "Merge o2-sub")
        try repo.git(["checkout", "-q", "b"])
        try repo.write("b4.txt", "b4\n")
        try repo.commit("B4")
        let octopus = try repo.merge(["o1", "o2"], message: "Merge branches 'o1' and 'o2' for TN-107")
        try Self.compareBroughtInWithGit(repo.path)

        let association = try Self.association(repo.path)
        let subjects = Set(Self.ids(association, "TN-107").map { id in association.history.commits.first { $0.id == id }!.subject })
        #expect(subjects == ["Merge branches 'o1' and 'o2' for TN-107", "O1", "O2", "O2 sub", "Merge o2-sub"])
        #expect(association.summary(for: "TN-107").merges == 2)
        #expect(try GitFixture.parents(of: octopus, in: repo.path).count == 3)
        let crossed = Set(Self.ids(association, "TN-106").map { id in association.history.commits.first { $0.id == id }!.subject })
        #expect(crossed == ["Merge branch 'feature/TN-106-criss-cross'", "C2 merges B1", "C3"])
    }

    /// The same shapes without git, on `CommitGraph` directly.
    @Test func commitGraphOnSyntheticShapes() {
        func commit(_ id: String, _ parents: [String]) -> GitCommit {
            let signature = GitSignature(name: "x", email: "x", time: 0, offsetMinutes: 0)
            return GitCommit(id: id, parents: parents, author: signature, committer: signature, subject: id, body: "")
        }
        // Children before parents, as the history lists them.
        let crissCross = [
            commit("M", ["B3", "C3"]), commit("B3", ["B2"]), commit("C3", ["C2"]),
            commit("B2", ["B1", "C1"]), commit("C2", ["C1", "B1"]), commit("B1", ["A"]), commit("C1", ["A"]), commit("A", []),
        ]
        func brought(_ commits: [GitCommit], _ merge: String) -> Set<String> {
            let graph = CommitGraph(commits)
            let index = commits.firstIndex { $0.id == merge }!
            return Set(graph.broughtIn(byMerge: index).map { commits[$0].id })
        }
        #expect(brought(crissCross, "M") == ["C3", "C2"])
        #expect(brought(crissCross, "B2") == ["C1"])
        #expect(brought(crissCross, "C2") == ["B1"])
        #expect(brought(crissCross, "B3") == [])

        let octopus = [
            commit("M", ["P1", "P2", "P3"]), commit("P1", ["Base"]), commit("P2", ["S1"]), commit("P3", ["Base"]),
            commit("S1", ["Base"]), commit("Base", []),
        ]
        #expect(brought(octopus, "M") == ["P2", "S1", "P3"])

        // A side branch that forked long ago, and one that is already part of the mainline.
        var long = [commit("M", ["G", "X"]), commit("AlreadyIn", ["G", "C"])]
        long += [commit("G", ["F"]), commit("F", ["E"]), commit("E", ["D"]), commit("D", ["C"]), commit("C", ["B"])]
        long += [commit("X", ["A"]), commit("B", ["A"]), commit("A", [])]
        #expect(brought(long, "M") == ["X"])
        #expect(brought(long, "AlreadyIn") == [])

        // A parent outside the history read (shallow or unreadable) is simply not there.
        let cut = [commit("M", ["P", "Gone"]), commit("P", ["Missing"])]
        #expect(brought(cut, "M") == [])
    }

    /// Committer clocks are not always right: here a commit on the mainline is dated before its
    /// own parent, so a date-ordered walk meets that parent before the child.
    @Test func clockSkewDoesNotAttributeMainlineCommitsToABranch() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("r.txt", "r\n")
        try repo.commit("R", date: "1700000001 +0000")
        try repo.write("p.txt", "p\n")
        try repo.commit("P", date: "1700000050 +0000")
        try repo.git(["branch", "feature/TN-106-skew"])
        try repo.write("c.txt", "c\n")
        try repo.commit("C, dated before its parent", date: "1700000003 +0000")
        try repo.write("b.txt", "b\n")
        try repo.commit("B", date: "1700000060 +0000")
        try repo.git(["checkout", "-q", "feature/TN-106-skew"])
        try repo.write("d.txt", "d\n")
        let side = try repo.commit("D", date: "1700000055 +0000")
        try repo.git(["checkout", "-q", "main"])
        let merge = try repo.merge(["feature/TN-106-skew"], message: "Merge branch 'feature/TN-106-skew'", date: "1700000100 +0000")

        let association = try Self.association(repo.path)
        #expect(Self.ids(association, "TN-106") == [merge, side])
        #expect(association.summary(for: "TN-106").linesAdded == 1)
        try Self.compareBroughtInWithGit(repo.path)
        // History.commits promises parents after children.
        let commits = association.history.commits
        let position = Dictionary(uniqueKeysWithValues: commits.enumerated().map { ($1.id, $0) })
        for commit in commits {
            for parent in commit.parents {
                #expect(position[commit.id]! < position[parent]!, "\(commit.subject) is listed after its parent")
            }
        }
    }

    /// Bringing main into a feature branch (`Merge branch 'main' into feature/TN-108-…`) does not
    /// make main's commits the feature's: they came from `main`, a branch that does not name it.
    @Test func mergingMainIntoAFeatureBranchDoesNotGiveItMainsCommits() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        try repo.commit("Root")
        try repo.git(["checkout", "-q", "-b", "feature/TN-108-search"])
        try repo.write("search.txt", "s\n")
        let feature = try repo.commit("Search")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("other.txt", "o\no\n")
        let mainWork = try repo.commit("TN-099: other work on main")
        try repo.git(["checkout", "-q", "feature/TN-108-search"])
        let backMerge = try repo.merge(["main"], message: "Merge branch 'main' into feature/TN-108-search")
        try repo.git(["checkout", "-q", "main"])
        let finalMerge = try repo.merge(["feature/TN-108-search"], message: "Merge branch 'feature/TN-108-search'")

        let association = try Self.association(repo.path, tasks: ["TN-099", "TN-108"])
        #expect(Self.ids(association, "TN-099") == [mainWork])
        #expect(Self.ids(association, "TN-108") == [feature, backMerge, finalMerge])
        #expect(association.summary(for: "TN-108").linesAdded == 1)
    }

    @Test func theWorkspaceScannerFillsTaskGitBlocksAndCreatesNoTaskFromMessages() throws {
        let fixture = try Self.shared.get()
        try fixture.builder.write("tasks/TASKS.md", """
            ## Phase 1: Start

            - [x] **TN-099** Parser
            - [x] **TN-106** Unit tests
            - [ ] **TN-107** X
            - [ ] **TN-200** Later
            """)
        let outcome = try WorkspaceScanner(repository: fixture.path).scanDetailed()
        let workspace = outcome.workspace
        #expect(workspace.tasks.map(\.id) == ["TN-099", "TN-106", "TN-107", "TN-200"])
        #expect(workspace.task("TN-106")?.git == GitSummary(
            commits: 3, merges: 1, linesAdded: 10, linesDeleted: 0, filesTouched: 2,
            authors: ["Carl Example", "Dana Example"], first: "2025-11-10", last: "2025-12-03",
            commitIDs: [fixture["merge106"], fixture["side2"], fixture["side1"]]))
        #expect(workspace.task("TN-099")?.git?.commits == 7)
        #expect(workspace.git?.commits == 15)
        #expect(workspace.git?.merges == 2)
        #expect(!workspace.findings.contains { $0.rule.rawValue.hasPrefix("git.") })
    }
}
