import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport
@testable import PhasecertCLI

/// `--at REV` on `scan`, `audit` and `report`: the repository read as of a commit whose planning
/// folder was deleted later, without touching the work tree or the index.
struct AtRevisionTests {
    /// A first commit with a master list, a task folder and the task's code; a second that deletes
    /// the tasks folder, as teams do once the work is done.
    static func fixture() throws -> (repo: GitRepositoryBuilder, planned: String, cleaned: String) {
        let repo = try GitRepositoryBuilder()
        try repo.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Start\n\n- [x] **TN-001** Alpha\n")
        try repo.write("tasks/TN-001-alpha/requirements.md", "# Alpha\n\nWhat alpha does.\nWhy.\nHow.\n")
        try repo.write("tasks/TN-001-alpha/tasks.md", "- [x] write alpha\n- [x] test alpha\n")
        try repo.write("src/alpha.txt", "alpha\nbeta\n")
        let planned = try repo.commit("TN-001: alpha")
        try repo.remove("tasks")
        try repo.write("README.md", "# Service\n")
        let cleaned = try repo.commit("Remove the planning folder")
        return (repo, planned, cleaned)
    }

    /// What must not change: HEAD, the index file, and a clean status.
    static func state(_ repo: GitRepositoryBuilder) throws -> (head: String, index: Data?, status: String) {
        (try repo.head(), FileManager.default.contents(atPath: repo.path + "/.git/index"),
         try GitFixture.gitLine(["status", "--porcelain", "--untracked-files=all"], in: repo.path))
    }

    @Test func scanAtTheCommitFindsTheTaskAndItsCommit() throws {
        let (repo, planned, _) = try Self.fixture()
        let result = CapturedConsole.run(["scan", "--json", "--at", String(planned.prefix(8)), "--repo", repo.path], in: "/")
        #expect(result.code == 0)
        #expect(result.err.isEmpty)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(workspace.git?.head == planned)
        #expect(workspace.git?.commits == 1)
        #expect(workspace.git?.detached == true)
        let task = try #require(workspace.tasks.first { $0.id == "TN-001" })
        #expect(task.directories == ["tasks/TN-001-alpha"])
        #expect(task.git?.commits == 1)
        #expect(task.checklist?.checked == 2)
        #expect(workspace.sources.masterList == "tasks/TASKS.md")
        #expect(!result.out.contains("phasecert-at-"))
    }

    @Test func scanAtHeadNoLongerFindsTheTask() throws {
        let (repo, _, cleaned) = try Self.fixture()
        let result = CapturedConsole.run(["scan", "--json", "--repo", repo.path], in: "/")
        // Without a tasks folder the scan either stops (no plan to read) or reads none: either
        // way, the deleted task is not there.
        #expect(result.code == 0 || result.code == PhasecertMain.ExitCode.unreadableInput, "\(result.err)")
        #expect(!result.out.contains("TN-001"))
        if result.code == 0 {
            let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
            #expect(workspace.git?.head == cleaned)
            #expect(workspace.git?.detached == false)
            #expect(workspace.tasks.isEmpty)
        }
    }

    @Test func theTextSummaryNamesTheCommitAndNoTemporaryFolder() throws {
        let (repo, planned, _) = try Self.fixture()
        let result = CapturedConsole.run(["scan", "--at", "HEAD~1", "--verbose"], in: repo.path)
        #expect(result.code == 0)
        #expect(result.out.contains("HEAD \(planned.prefix(12))"))
        #expect(result.out.contains("TN-001"))
        #expect(result.err.contains("scanning \(repo.path) at \(planned.prefix(12))"))
        for text in [result.out, result.err] { #expect(!text.contains("phasecert-at-")) }
    }

    @Test func anUnknownRevisionIsAUsageError() throws {
        let (repo, _, _) = try Self.fixture()
        for command in ["scan", "audit", "report"] {
            let result = CapturedConsole.run([command, "--at", "no-such-rev", "--repo", repo.path], in: "/")
            #expect(result.code == PhasecertMain.ExitCode.usage, "\(command)")
            #expect(result.err == "phasecert: --at no-such-rev: unknown revision\n", "\(command)")
            #expect(result.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
    }

    @Test func atInAFolderThatIsNoRepositoryIsAUsageError() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", "# Tasks\n")
        let result = CapturedConsole.run(["scan", "--at", "HEAD", "--repo", folder.path], in: "/")
        #expect(result.code == PhasecertMain.ExitCode.usage)
        #expect(result.err == "phasecert: --at HEAD: \(folder.path) is not a git repository\n")
    }

    @Test func atWithAMissingRepositoryIsTheSameErrorAsWithout() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/gone"
        let result = CapturedConsole.run(["scan", "--at", "HEAD", "--repo", missing], in: "/")
        #expect(result.code == PhasecertMain.ExitCode.unreadableInput)
        #expect(result.err.hasPrefix("phasecert: \(missing): no such folder"))
    }

    @Test func theWorkTreeAndIndexAreUnchanged() throws {
        let (repo, planned, _) = try Self.fixture()
        // A cache for HEAD first, so that the scans at the older commit are seen to leave it alone.
        _ = CapturedConsole.run(["scan", "--repo", repo.path], in: "/")
        let cacheFile = HistoryCache(directory: repo.path + "/.git/phasecert").file
        let cache = FileManager.default.contents(atPath: cacheFile)
        #expect(cache != nil)
        let before = try Self.state(repo)
        #expect(before.status.isEmpty)
        let out = try TemporaryFolder()
        for arguments in [["scan"], ["audit"], ["report", "--out", out.path]] {
            let result = CapturedConsole.run(arguments + ["--at", planned, "--repo", repo.path], in: "/")
            #expect(result.code == 0 || result.code == PhasecertMain.ExitCode.gateFailed, "\(arguments): \(result.err)")
        }
        let after = try Self.state(repo)
        #expect(after.head == before.head)
        #expect(after.index == before.index)
        #expect(after.status.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/tasks"))
        #expect(FileManager.default.contents(atPath: cacheFile) == cache)
    }

    @Test func reportAtWritesIntoOut() throws {
        let (repo, _, _) = try Self.fixture()
        let out = try TemporaryFolder()
        let result = CapturedConsole.run(
            ["report", "--at", "HEAD~1", "--lang", "en", "--format", "md,json", "--out", out.path, "--repo", repo.path], in: "/")
        #expect(result.code == 0, "\(result.err)")
        let files = try ReportFiles.read(out.path)
        #expect(files["phase-1/completion.en.md"] != nil)
        #expect(files["phase-1/tasks/TN-001.en.md"] != nil)
        let model = try #require(files["phase-1/phase.json"])
        #expect(String(decoding: model, as: UTF8.self).contains("TN-001"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/reports"))
        for (_, data) in files { #expect(!String(decoding: data, as: UTF8.self).contains("phasecert-at-")) }
    }

    @Test func reportAtWithoutOutWritesIntoTheRepositorysReportsFolder() throws {
        let (repo, _, _) = try Self.fixture()
        let result = CapturedConsole.run(["report", "--at", "HEAD~1", "--lang", "en", "--format", "md"], in: repo.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("to reports/"))
        #expect(FileManager.default.fileExists(atPath: repo.path + "/reports/phase-1/completion.en.md"))
    }

    @Test func auditAtJudgesTheCommitsDocuments() throws {
        let (repo, planned, _) = try Self.fixture()
        let result = CapturedConsole.run(["audit", "--json", "--at", planned, "--repo", repo.path], in: "/")
        #expect(result.code == 0 || result.code == PhasecertMain.ExitCode.gateFailed, "\(result.err)")
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(workspace.tasks.map(\.id) == ["TN-001"])
        #expect(workspace.git?.head == planned)
    }

    @Test func theConfigurationIsReadAsOfTheCommitUnlessOneIsGiven() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("phasecert.yml", "tasks:\n  root: planning\n")
        try repo.write("planning/TASKS.md", "# Tasks\n\n## Phase 1: Start\n\n- [ ] **TN-001** Alpha\n")
        let planned = try repo.commit("TN-001: plan")
        try repo.remove("planning")
        try repo.remove("phasecert.yml")
        try repo.write("tasks/TASKS.md", "# Tasks\n\n## Phase 2: Next\n\n- [ ] **TN-002** Beta\n")
        try repo.commit("TN-002: replan")

        let old = CapturedConsole.run(["scan", "--json", "--at", planned, "--repo", repo.path], in: "/")
        #expect(old.code == 0, "\(old.err)")
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(old.out.utf8))
        #expect(workspace.sources.config == "phasecert.yml")
        #expect(workspace.sources.tasksRoot == "planning")
        #expect(workspace.tasks.map(\.id) == ["TN-001"])

        // A --config given is read from where it is now, and named relative to the repository.
        try repo.write("today.yml", "tasks:\n  root: planning\nlocales: [en]\n")
        let given = CapturedConsole.run(["scan", "--json", "--at", planned, "--config", "today.yml"], in: repo.path)
        #expect(given.code == 0, "\(given.err)")
        let configured = try CanonicalJSON.decode(Workspace.self, from: Data(given.out.utf8))
        #expect(configured.sources.config == "today.yml")
        #expect(configured.tasks.map(\.id) == ["TN-001"])
        for text in [given.out, given.err] { #expect(!text.contains("phasecert-at-")) }
    }

    @Test func theExportedTreeIsRemovedAfterwardsEvenOnError() throws {
        let (repo, planned, _) = try Self.fixture()
        let base = try TemporaryFolder()
        struct Stop: Error {}
        var seen: ScanSource?
        #expect(throws: Stop.self) {
            try ScanSource.with(repository: repo.path, at: planned, temporaryFolder: base.path) { source in
                seen = source
                #expect(FileManager.default.fileExists(atPath: source.tree + "/tasks/TASKS.md"))
                throw Stop()
            }
        }
        let source = try #require(seen)
        #expect(source.commit == planned)
        #expect(source.repository == repo.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
        let kept = try ScanSource.with(repository: repo.path, at: nil, temporaryFolder: base.path) { $0 }
        #expect(kept.tree == repo.path && kept.commit == nil)
    }
}
