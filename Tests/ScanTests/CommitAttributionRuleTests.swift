import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// The one rule that ties commits to tasks, in every layout: the subject names the task; the
/// body speaks only when the subject names none, for its one task or its trailer lines; a
/// merge naming a task's branch brings that branch's commits.
struct CommitAttributionRuleTests {
    static let tasks: Set<String> = ["TN-098", "TN-201", "TN-202", "TN-203", "TN-204", "TN-205", "TN-206"]

    typealias Fixture = NamedCommitFixture

    static let shared = Result { try makeFixture() }

    static func makeFixture() throws -> Fixture {
        let repo = try GitRepositoryBuilder()
        SharedFixtureFolders.keepUntilExit(repo.folder)
        var fixture = Fixture(builder: repo)
        var counter = 0
        func commit(_ name: String, _ message: String) throws {
            counter += 1
            try repo.write("f\(counter).txt", String(repeating: "line\n", count: counter))
            fixture.ids[name] = try repo.commit(message)
        }
        try commit("root", "Initial commit")
        try commit("subject", "feat(TN-201): add the parser")
        try commit("bodyOne", "Refactor helpers\n\nPart of TN-201, see the review.")
        try commit("bodyTwo", "Refactor more helpers\n\nTouches TN-201 and TN-202.")
        try commit("otherTask", "feat(TN-098): add the cache\n\nDepends on TN-201, which it calls.")
        try commit(
            "summary",
            "docs: Phase 13 COMPLETE\n\n- TN-201 parser\n- TN-202 lexer\n- TN-203 cache\n- TN-204 tests\n- TN-205 docs\n")
        try commit("refs", "Tidy the build\n\nMentions TN-202 and TN-203 along the way.\n\nRefs: TN-201")
        try commit("tasksTrailer", "Chore\n\nTasks: TN-202, TN-203")
        try commit("closes", "Fix a flaky test\n\nCloses TN-206")
        try commit("fixesProse", "Fix the build\n\nFixes the parser of TN-201 and the lexer of TN-202.")
        try commit("subjectAndTrailer", "TN-098: follow-up\n\nRefs: TN-201")

        // A branch whose commits name no task; the merge subject names it.
        try repo.git(["checkout", "-q", "-b", "feature/TN-204-tests"])
        try commit("side1", "wip")
        try commit("side2", "more wip\n\nLists TN-201 and TN-205 in passing.")
        try repo.git(["checkout", "-q", "main"])
        try commit("mainMoves", "Unrelated change")
        fixture.ids["merge"] = try repo.merge(["feature/TN-204-tests"], message: "Merge branch 'feature/TN-204-tests'")
        return fixture
    }

    /// The classic layout's references, and those of the layouts found by content (ranges and
    /// phases read): the task rule is the same.
    enum Layout: String, CaseIterable, Sendable { case classic, extended }

    static func association(_ path: String, _ layout: Layout) throws -> TaskAssociation {
        let cache = try TemporaryFolder()
        let history = try #require(try HistoryScanner(repositoryPath: path, cachePath: cache.path).scan())
        let ids = try TaskIDPattern()
        let references: TaskReferences =
            switch layout {
            case .classic: .prefixed(ids, tasks: tasks)
            case .extended:
                TaskReferences(style: .prefixed, ids: ids, tasks: tasks, phaseNames: ["phase 13": "13"], phasesAreFeatures: false)
            }
        return TaskAssociation(history: history, references: references)
    }

    static func names(_ association: TaskAssociation, _ task: String, _ fixture: Fixture) -> Set<String> {
        let byID = Dictionary(uniqueKeysWithValues: fixture.ids.map { ($1, $0) })
        return Set((association.commitsByTask[task] ?? []).compactMap { byID[association.history.commits[$0].id] })
    }

    @Test(arguments: Layout.allCases)
    func eachTaskGetsTheCommitsTheRuleGivesIt(_ layout: Layout) throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path, layout)
        // Subject; body with exactly one task; `Refs:` trailer despite two other tasks in the body.
        #expect(Self.names(association, "TN-201", fixture) == ["subject", "bodyOne", "refs"])
        // Its subject names TN-098: the body's TN-201 and `Refs: TN-201` do not count.
        #expect(Self.names(association, "TN-098", fixture) == ["otherTask", "subjectAndTrailer"])
        #expect(Self.names(association, "TN-202", fixture) == ["tasksTrailer"])
        #expect(Self.names(association, "TN-203", fixture) == ["tasksTrailer"])
        #expect(Self.names(association, "TN-206", fixture) == ["closes"])
        // The merge and what it brought in; main's own commit meanwhile is not the branch's.
        #expect(Self.names(association, "TN-204", fixture) == ["merge", "side1", "side2"])
        // A body that lists five tasks, or two, gives none of them the commit.
        #expect(association.commitsByTask["TN-205"] == nil)
        for name in ["summary", "bodyTwo", "fixesProse", "root", "mainMoves"] {
            let index = try #require(association.history.commits.firstIndex { $0.id == fixture[name] })
            #expect(!association.commitsByTask.values.contains { $0.contains(index) }, "\(name) belongs to no task")
        }
    }

    @Test func theSummaryListsTheCommitIDsItCounts() throws {
        let fixture = try Self.shared.get()
        let association = try Self.association(fixture.path, .classic)
        let summary = association.summary(for: "TN-201")
        #expect(summary.commits == 3)
        // Newest first, as the history lists them.
        #expect(summary.commitIDs == [fixture["refs"], fixture["bodyOne"], fixture["subject"]])
        #expect(association.summary(for: "TN-205").commitIDs == [])
        #expect(summary.linesAreLowerBound == nil)
        let json = String(decoding: try CanonicalJSON.encode(summary), as: UTF8.self)
        #expect(json.contains(fixture["refs"]))
        #expect(!json.contains("linesAreLowerBound"))
    }

    @Test func scanJSONListsEachTasksCommitIDs() throws {
        let fixture = try Self.shared.get()
        let copy = try TemporaryFolder()
        try GitFixture.git(["clone", "-q", fixture.path, copy.path + "/repo"], in: copy.path)
        let path = copy.path + "/repo"
        try FileManager.default.createDirectory(atPath: path + "/tasks", withIntermediateDirectories: true)
        try Data("## Phase 1: Start\n\n- [x] **TN-201** Parser\n- [ ] **TN-202** Lexer\n".utf8)
            .write(to: URL(fileURLWithPath: path + "/tasks/TASKS.md"))
        let workspace = try WorkspaceScanner(repository: path).scan()
        let json = try #require(try JSONSerialization.jsonObject(with: CanonicalJSON.encode(workspace)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        let parser = try #require(tasks.first { $0["id"] as? String == "TN-201" })
        let git = try #require(parser["git"] as? [String: Any])
        #expect(git["commitIDs"] as? [String] == [fixture["refs"], fixture["bodyOne"], fixture["subject"]])
        #expect(git["commits"] as? Int == 3)
        #expect(git["linesAreLowerBound"] == nil)
    }

    @Test func trailerAndClosingLinesAreReadAsDeclarations() throws {
        let references = TaskReferences.prefixed(try TaskIDPattern(), tasks: Self.tasks)
        var scanner = TaskIDScanner(pattern: references.ids)
        func body(_ text: String) -> [String] { references.tasks(inBody: text, subjectFeature: nil, scanner: &scanner) }
        #expect(body("Task: TN-201\n") == ["TN-201"])
        #expect(body("Tasks: TN-201, TN-202\n") == ["TN-201", "TN-202"])
        #expect(body("Refs: TN-201\n") == ["TN-201"])
        #expect(body("References: TN-201\n") == ["TN-201"])
        #expect(body("Closes TN-201\nCloses: TN-202\n") == ["TN-201", "TN-202"])
        #expect(body("fixes #TN-201\n") == ["TN-201"])
        // A closing word before a list is not a trailer: the list is read as any other line.
        #expect(body("Closes TN-201, TN-202 and TN-203.\n").isEmpty)
        #expect(body("Closes: TN-201, TN-202\n") == ["TN-201", "TN-202"])
        #expect(body("Resolves TN-203.\n") == ["TN-203"])
        // Prose that starts with a closing word is no closing line.
        #expect(body("Fixes the parser of TN-201 and the lexer of TN-202.\n").isEmpty)
        // A closing word and an id followed by prose is prose: the line rule applies to it.
        #expect(body("Fixed TN-201 test with a longer timeout.\n- TN-202 done\n").isEmpty)
        #expect(body("Depends on: TN-201\nDepends on: TN-202\n").isEmpty)
        // Ids written like the workspace's count towards a list even where it does not know them.
        #expect(body("Part of TN-201, like TN-777.\n").isEmpty)
        #expect(body("Part of TN-201, see UTF-8.\n") == ["TN-201"])
    }
}
