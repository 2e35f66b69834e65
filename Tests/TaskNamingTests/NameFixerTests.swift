import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport
@testable import TaskNaming

/// `--fix`: the plan, refusals, renames in and outside git, links, and failures that leave one whole name.
struct NameFixerTests {
    static let redis = FolderRename(from: "tasks/TN-99-redis-statefulset", to: "tasks/TN-099-redis-statefulset")

    static func report(_ folder: String) throws -> NameReport {
        try NameCheck(configuration: Configuration()).check(WorkspaceScanner(repository: folder).scan(), tree: RepositoryTree(root: folder))
    }

    static func write(into write: (String, String) throws -> Void) throws {
        try write("tasks/TN-99-redis-statefulset/requirements.md", "# Redis\n\nSee [tasks](../TN-99-redis-statefulset/tasks.md) and [here](./tasks.md).\n")
        try write("tasks/TN-99-redis-statefulset/tasks.md", "- [ ] deploy\n")
        try write("docs/notes.md", "[r](../tasks/TN-99-redis-statefulset/requirements.md#goal)\n")
    }

    static func committed() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try write { try repository.write($0, $1) }
        try repository.commit("TN-099: redis")
        return repository
    }

    @Test func thePlanListsRenamesAndLinksAndChangesNothing() throws {
        let repository = try Self.committed()
        let plan = try NameFixer(tree: RepositoryTree(root: repository.path)).plan(try Self.report(repository.path))
        #expect(plan.renames == [Self.redis])
        #expect(plan.refused.isEmpty)
        #expect(plan.links.map { "\($0.file):\($0.line) \($0.old) → \($0.new)" } == [
            "docs/notes.md:1 ../tasks/TN-99-redis-statefulset/requirements.md#goal → ../tasks/TN-099-redis-statefulset/requirements.md#goal",
            "tasks/TN-99-redis-statefulset/requirements.md:3 ../TN-99-redis-statefulset/tasks.md → ../TN-099-redis-statefulset/tasks.md",
        ])
        #expect(try GitFixture.gitLine(["status", "--porcelain"], in: repository.path).isEmpty)
    }

    @Test func insideGitTheIndexMovesWithTheFolderAndLinksAreRewritten() throws {
        let repository = try Self.committed()
        let fixer = NameFixer(tree: RepositoryTree(root: repository.path))
        let outcome = try fixer.apply(try fixer.plan(try Self.report(repository.path)))
        #expect(outcome.renamed == [Self.redis])
        #expect(outcome.failed.isEmpty && outcome.unwritten.isEmpty)
        #expect(outcome.rewrittenFiles == ["docs/notes.md", "tasks/TN-099-redis-statefulset/requirements.md"])
        #expect(outcome.rewrittenLinks == 2)
        let status = try GitFixture.gitLine(["status", "--porcelain"], in: repository.path).split(separator: "\n").sorted()
        #expect(status == [
            " M docs/notes.md",
            "R  tasks/TN-99-redis-statefulset/tasks.md -> tasks/TN-099-redis-statefulset/tasks.md",
            "RM tasks/TN-99-redis-statefulset/requirements.md -> tasks/TN-099-redis-statefulset/requirements.md",
        ])
        #expect(try String(contentsOfFile: repository.path + "/tasks/TN-099-redis-statefulset/requirements.md", encoding: .utf8)
            == "# Redis\n\nSee [tasks](../TN-099-redis-statefulset/tasks.md) and [here](./tasks.md).\n")
    }

    @Test(arguments: ["modified", "staged", "deleted", "untracked"])
    func aFolderWithUncommittedChangesIsRefusedNamingTheFiles(change: String) throws {
        let repository = try Self.committed()
        let file = "tasks/TN-99-redis-statefulset/tasks.md"
        switch change {
        case "modified": try repository.write(file, "- [x] deploy\n")
        case "staged":
            try repository.write(file, "- [x] deploy\n")
            try repository.git(["add", file])
        case "deleted": try repository.remove(file)
        default: try repository.write("tasks/TN-99-redis-statefulset/new.md", "x\n")
        }
        let fixer = NameFixer(tree: RepositoryTree(root: repository.path))
        let plan = try fixer.plan(try Self.report(repository.path))
        #expect(plan.renames.isEmpty && plan.links.isEmpty)
        let refusal = try #require(plan.refused.first)
        #expect(refusal.rename == Self.redis)
        #expect(refusal.reason == "it has uncommitted changes")
        let expected = [
            "modified": "\(file) (modified)", "staged": "\(file) (staged change)", "deleted": "\(file) (deleted)",
            "untracked": "tasks/TN-99-redis-statefulset/new.md (untracked)",
        ]
        #expect(refusal.files == [expected[change] ?? ""])
        #expect(try fixer.apply(plan) == FixOutcome())
        #expect(FileManager.default.fileExists(atPath: repository.path + "/tasks/TN-99-redis-statefulset"))
    }

    @Test func outsideGitItIsAPlainRename() throws {
        let folder = try TemporaryFolder()
        try Self.write { try folder.write($0, $1) }
        let fixer = NameFixer(tree: RepositoryTree(root: folder.path))
        let outcome = try fixer.apply(try fixer.plan(try Self.report(folder.path)))
        #expect(outcome.renamed == [Self.redis])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/tasks/TN-99-redis-statefulset"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/tasks/TN-099-redis-statefulset/tasks.md"))
        #expect(try String(contentsOfFile: folder.path + "/docs/notes.md", encoding: .utf8)
            == "[r](../tasks/TN-099-redis-statefulset/requirements.md#goal)\n")
    }

    @Test func aTargetThatAppearedAfterThePlanIsNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        try Self.write { try folder.write($0, $1) }
        let fixer = NameFixer(tree: RepositoryTree(root: folder.path))
        let plan = try fixer.plan(try Self.report(folder.path))
        try folder.makeFolder("tasks/TN-099-redis-statefulset")
        let outcome = try fixer.apply(plan)
        #expect(outcome.renamed.isEmpty)
        #expect(outcome.failed == [FixOutcome.Failure(path: Self.redis.from, reason: "not renamed: tasks/TN-099-redis-statefulset already exists")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/tasks/TN-099-redis-statefulset").isEmpty)
        #expect(try String(contentsOfFile: folder.path + "/docs/notes.md", encoding: .utf8).contains("TN-99-redis-statefulset"))
    }

    @Test func whenTheIndexCannotBeWrittenTheFolderIsRenamedBack() throws {
        let repository = try Self.committed()
        let fixer = NameFixer(tree: RepositoryTree(root: repository.path))
        let plan = try fixer.plan(try Self.report(repository.path))
        try repository.write(".git/index.lock", "")
        let outcome = try fixer.apply(plan)
        try repository.remove(".git/index.lock")
        #expect(outcome.renamed.isEmpty)
        let failure = try #require(outcome.failed.first)
        #expect(failure.reason.hasPrefix("not renamed: the git index could not be updated ("))
        #expect(failure.reason.hasSuffix("the folder keeps its name tasks/TN-99-redis-statefulset"))
        #expect(FileManager.default.fileExists(atPath: repository.path + "/tasks/TN-99-redis-statefulset/tasks.md"))
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/tasks/TN-099-redis-statefulset"))
        #expect(try GitFixture.gitLine(["status", "--porcelain"], in: repository.path).isEmpty)
    }

    @Test func aRepositoryFolderBelowTheWorkTreeRootUsesGitPathsOfTheWorkTree() throws {
        let repository = try GitRepositoryBuilder()
        try Self.write { try repository.write("project/" + $0, $1) }
        try repository.commit("project")
        let root = repository.path + "/project"
        let fixer = NameFixer(tree: RepositoryTree(root: root))
        let outcome = try fixer.apply(try fixer.plan(try Self.report(root)))
        #expect(outcome.renamed == [Self.redis])
        let status = try GitFixture.gitLine(["status", "--porcelain"], in: repository.path).split(separator: "\n").sorted()
        #expect(status.contains("R  project/tasks/TN-99-redis-statefulset/tasks.md -> project/tasks/TN-099-redis-statefulset/tasks.md"))
    }

    @Test func aSecondFixFindsNothingToDo() throws {
        let repository = try Self.committed()
        let fixer = NameFixer(tree: RepositoryTree(root: repository.path))
        _ = try fixer.apply(try fixer.plan(try Self.report(repository.path)))
        let again = try fixer.plan(try Self.report(repository.path))
        #expect(again == FixPlan(renames: [], refused: [], links: [], skippedFiles: []))
        #expect(try fixer.apply(again) == FixOutcome())
    }

    @Test func anInvalidUTF8MarkdownFileIsSkippedWithANote() throws {
        let folder = try TemporaryFolder()
        try Self.write { try folder.write($0, $1) }
        try folder.write("docs/latin1.md", data: Data("[r](../tasks/TN-99-redis-statefulset/a.md) caf".utf8) + Data([0xE9, 0x0A]))
        let plan = try NameFixer(tree: RepositoryTree(root: folder.path)).plan(try Self.report(folder.path))
        #expect(plan.skippedFiles == [FixPlan.SkippedFile(path: "docs/latin1.md", reason: .invalidUTF8(line: 1))])
        #expect(plan.links.count == 2)
    }
}
