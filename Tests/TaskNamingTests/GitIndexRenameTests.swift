import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport

/// The libgit2 operations `--fix` relies on: `git status` under a folder, and moving index entries.
struct GitIndexRenameTests {
    func repository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-9-x/a.md", "# A\n")
        try repository.write("tasks/TN-9-x/sub/b.md", "# B\n")
        try repository.write("tasks/TN-9-x/run.sh", "#!/bin/sh\n")
        try repository.write("tasks/TN-9-xy/c.md", "# C\n")
        try repository.write(".gitignore", "*.log\n")
        chmod(repository.path + "/tasks/TN-9-x/run.sh", 0o755)
        try repository.commit("TN-009: x")
        return repository
    }

    @Test func aCleanFolderHasNoChangesAndIgnoredFilesDoNotCount() throws {
        let repository = try repository()
        try repository.write("tasks/TN-9-x/debug.log", "ignored\n")
        let git = try #require(try GitRepository(path: repository.path))
        #expect(try git.uncommittedChanges(under: "tasks/TN-9-x").isEmpty)
    }

    @Test func modifiedStagedDeletedAndUntrackedFilesAreListedAndASiblingIsNot() throws {
        let repository = try repository()
        try repository.write("tasks/TN-9-x/a.md", "# A changed\n")
        try repository.write("tasks/TN-9-x/new.md", "new\n")
        try repository.remove("tasks/TN-9-x/sub/b.md")
        try repository.write("tasks/TN-9-x/staged.md", "staged\n")
        try repository.git(["add", "tasks/TN-9-x/staged.md"])
        try repository.write("tasks/TN-9-xy/c.md", "# C changed\n")
        let git = try #require(try GitRepository(path: repository.path))
        let changes = try git.uncommittedChanges(under: "tasks/TN-9-x")
        #expect(changes == [
            GitPathStatus(path: "tasks/TN-9-x/a.md", changes: [.modified]),
            GitPathStatus(path: "tasks/TN-9-x/new.md", changes: [.untracked]),
            GitPathStatus(path: "tasks/TN-9-x/staged.md", changes: [.stagedNew]),
            GitPathStatus(path: "tasks/TN-9-x/sub/b.md", changes: [.deleted]),
        ])
        #expect(try git.uncommittedChanges(under: "tasks/TN-9-xy").map(\.path) == ["tasks/TN-9-xy/c.md"])
    }

    @Test func movedEntriesKeepBlobsAndModesAndGitSeesAStagedRename() throws {
        let repository = try repository()
        let before = try GitFixture.gitLine(["ls-files", "-s", "tasks/TN-9-x"], in: repository.path)
        #expect(rename(repository.path + "/tasks/TN-9-x", repository.path + "/tasks/TN-009-x") == 0)
        let git = try #require(try GitRepository(path: repository.path))
        #expect(try git.moveIndexEntries(from: "tasks/TN-9-x", to: "tasks/TN-009-x") == 3)
        let after = try GitFixture.gitLine(["ls-files", "-s", "tasks/TN-009-x"], in: repository.path)
        #expect(after == before.replacingOccurrences(of: "tasks/TN-9-x/", with: "tasks/TN-009-x/"))
        #expect(after.contains("100755"))
        let status = try GitFixture.gitLine(["status", "--porcelain"], in: repository.path)
        #expect(status.split(separator: "\n").sorted() == [
            "R  tasks/TN-9-x/a.md -> tasks/TN-009-x/a.md",
            "R  tasks/TN-9-x/run.sh -> tasks/TN-009-x/run.sh",
            "R  tasks/TN-9-x/sub/b.md -> tasks/TN-009-x/sub/b.md",
        ])
        #expect(try GitFixture.gitLine(["ls-files", "tasks/TN-9-xy"], in: repository.path) == "tasks/TN-9-xy/c.md")
    }

    @Test func entriesAlreadyAtTheDestinationOrAConflictStopTheMoveAndLeaveTheIndex() throws {
        let repository = try repository()
        let index = try Data(contentsOf: URL(fileURLWithPath: repository.path + "/.git/index"))
        let git = try #require(try GitRepository(path: repository.path))
        #expect(throws: GitError.self) { try git.moveIndexEntries(from: "tasks/TN-9-x", to: "tasks/TN-9-xy") }
        #expect(throws: GitError.self) { try git.moveIndexEntries(from: "tasks/TN-9-x/a.md", to: "tasks/TN-9-x/z.md") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: repository.path + "/.git/index")) == index)
        #expect(try git.moveIndexEntries(from: "tasks/none", to: "tasks/other") == 0)
    }

    @Test func aLockedIndexFailsTheWriteAndTheIndexStaysAsItWas() throws {
        let repository = try repository()
        try repository.write(".git/index.lock", "")
        let git = try #require(try GitRepository(path: repository.path))
        #expect(throws: GitError.self) { try git.moveIndexEntries(from: "tasks/TN-9-x", to: "tasks/TN-009-x") }
        try repository.remove(".git/index.lock")
        #expect(try GitFixture.gitLine(["ls-files", "tasks"], in: repository.path).contains("tasks/TN-9-x/a.md"))
    }

    @Test func theRepositoryAroundASubfolderIsFound() throws {
        let repository = try repository()
        let git = try #require(try GitRepository.containing(repository.path + "/tasks/TN-9-x"))
        #expect(git.workTree.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == repository.path)
        let outside = try TemporaryFolder()
        #expect(try GitRepository.containing(outside.path) == nil)
    }
}
