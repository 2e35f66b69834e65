import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

struct WorkspaceScannerTests {
    func scan(_ folder: TemporaryFolder, configuration: Configuration = Configuration()) throws -> Workspace {
        try WorkspaceScanner(repository: folder.path, configuration: configuration).scan()
    }

    func standardRepository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", """
            # Tasks
            ## Phase 13: Packaging
            - [x] **TN-099** Redis StatefulSet ✅
            - [ ] **TN-044** Docker image
            - [x] **TN-040** Config
            """)
        try folder.write("tasks/TN-99-redis-statefulset/requirements.md", "# Redis\n\nNeeds a StatefulSet.\n")
        try folder.write("tasks/TN-99-redis-statefulset/tasks.md", "## Build\n- [x] chart\n- [ ] probes\n")
        try folder.write("tasks/TN-099-redis-statefulset/design.md", "# Design\n")
        try folder.write("tasks/TN-040/tasks.md", "- [x] done\n")
        try folder.write("tasks/TN-058-parallel-publishing-150pct/requirements.md", "x\n")
        try folder.write("tasks/notes/readme.txt", "not a task\n")
        return folder
    }

    @Test func foldersAreTiedToMasterListTasksByCanonicalID() throws {
        let workspace = try scan(try standardRepository())
        #expect(workspace.tasks.map(\.id) == ["TN-099", "TN-044", "TN-040", "TN-058"])
        let redis = try #require(workspace.task("TN-099"))
        #expect(redis.directories == ["tasks/TN-099-redis-statefulset", "tasks/TN-99-redis-statefulset"])
        #expect(redis.checklist?.checked == 1)
        #expect(redis.checklist?.total == 2)
        #expect(redis.checklist?.file == "tasks/TN-99-redis-statefulset/tasks.md")
        #expect(redis.documents.map(\.path) == [
            "tasks/TN-099-redis-statefulset/design.md",
            "tasks/TN-99-redis-statefulset/requirements.md",
            "tasks/TN-99-redis-statefulset/tasks.md",
        ])
        #expect(redis.documents[1].lines == 3)
        #expect(redis.documents[1].nonBlankLines == 2)
    }

    @Test func tasksWithoutFoldersAndFoldersWithoutEntriesAreBothVisible() throws {
        let workspace = try scan(try standardRepository())
        let docker = try #require(workspace.task("TN-044"))
        #expect(docker.directories.isEmpty)
        #expect(docker.checklist == nil)
        let unlisted = try #require(workspace.task("TN-058"))
        #expect(unlisted.phase == nil)
        #expect(unlisted.source == nil)
        #expect(unlisted.title == "parallel publishing 150pct")
        #expect(unlisted.directories == ["tasks/TN-058-parallel-publishing-150pct"])
    }

    @Test func anEmptyTasksFolderGivesAnEmptyModelAndSaysSo() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("tasks")
        let workspace = try scan(folder)
        #expect(workspace.tasks.isEmpty)
        #expect(workspace.phases.isEmpty)
        #expect(workspace.findings.map(\.rule) == [.masterlistMissing, .gitHistoryIncomplete])
        #expect(workspace.git == nil)
    }

    @Test func aRepositoryWithoutAPlanIsOneScopeNotAnError() throws {
        let folder = try TemporaryFolder()
        let workspace = try scan(folder)
        #expect(workspace.tasks.isEmpty)
        #expect(workspace.phases.map(\.id) == ["repository"])
        #expect(workspace.sources.masterList == nil)
        // What belongs to no task belongs to the one scope, so the scope's reports show it.
        #expect(workspace.findings.allSatisfy { $0.phase == "repository" })
    }

    @Test func aBinaryTasksFileIsAFindingAndTheRestIsScanned() throws {
        let folder = try standardRepository()
        try folder.write("tasks/TN-040/tasks.md", data: Data([0x2D, 0x20, 0x5B, 0x78, 0x5D, 0x00, 0xFF]))
        let workspace = try scan(folder)
        #expect(workspace.task("TN-040")?.checklist == nil)
        #expect(workspace.task("TN-099")?.checklist?.total == 2)
        let finding = try #require(workspace.findings.first { $0.rule == .scanUnreadable })
        #expect(finding.file == "tasks/TN-040/tasks.md")
        #expect(finding.task == "TN-040")
    }

    @Test func invalidUTF8IsReadAndFlagged() throws {
        let folder = try standardRepository()
        try folder.write("tasks/TN-040/tasks.md", data: Data("- [x] caf".utf8) + Data([0xE9]) + Data("\n- [ ] b\n".utf8))
        let workspace = try scan(folder)
        #expect(workspace.task("TN-040")?.checklist?.total == 2)
        #expect(workspace.findings.contains { $0.rule == .scanInvalidUTF8 && $0.file == "tasks/TN-040/tasks.md" })
    }

    @Test func crlfFilesScanLikeLfFiles() throws {
        let folder = try standardRepository()
        try folder.write("tasks/TN-040/tasks.md", "## A\r\n- [x] a\r\n- [ ] b\r\n")
        let checklist = try #require(try scan(folder).task("TN-040")?.checklist)
        #expect(checklist.total == 2)
        #expect(checklist.sections.first?.title == "A")
    }

    @Test func aSymlinkLoopIsSkippedWithAWarning() throws {
        let folder = try standardRepository()
        try folder.link("tasks/TN-040/loop", to: "..")
        try folder.link("tasks/self", to: "self")
        try folder.link("tasks/outside", to: "/")
        let workspace = try scan(folder)
        #expect(workspace.task("TN-040")?.checklist?.total == 1)
        let skipped = workspace.findings.filter { $0.rule == .scanLinkSkipped }.compactMap(\.file)
        #expect(skipped.sorted() == ["tasks/TN-040/loop", "tasks/outside", "tasks/self"])
    }

    @Test func taskYmlAndFrontMatterGiveMetadata() throws {
        let folder = try standardRepository()
        try folder.write("tasks/TN-040/task.yml", "dependencies: [TN-99]\ntargets: {coverage: 80}\n")
        try folder.write("tasks/TN-044-docker/requirements.md", "---\ndepends_on: TN-40\n---\n# Docker\n")
        let workspace = try scan(folder)
        #expect(workspace.task("TN-040")?.metadata?.dependencies == ["TN-099"])
        #expect(workspace.task("TN-040")?.metadata?.targets == ["coverage": 80])
        #expect(workspace.task("TN-044")?.metadata?.dependencies == ["TN-040"])
        #expect(workspace.task("TN-044")?.metadata?.source == .file("tasks/TN-044-docker/requirements.md", line: 2))
    }

    @Test func masterListIsFoundByItsPhasesWhenTASKSmdIsAbsent() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/notes.md", "# Notes\n- [ ] TN-001 not in a phase\n")
        try folder.write("tasks/plan.md", "## Phase 1\n- [ ] TN-001 a\n## Phase 2\n- [ ] TN-002 b\n")
        let workspace = try scan(folder)
        #expect(workspace.sources.masterList == "tasks/plan.md")
        #expect(workspace.phases.map(\.id) == ["1", "2"])
    }

    @Test func aConfiguredMasterListThatDoesNotExistIsAnError() throws {
        let folder = try standardRepository()
        var configuration = Configuration()
        configuration.tasks.masterList = "docs/PLAN.md"
        #expect(throws: ScanError.self) { try scan(folder, configuration: configuration) }
    }

    @Test func groupingFoldersAreSearchedForTaskFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/phase-13/TN-200-profiles/tasks.md", "- [x] a\n")
        let workspace = try scan(folder)
        #expect(workspace.task("TN-200")?.directories == ["tasks/phase-13/TN-200-profiles"])
    }

    @Test func sameInputGivesTheSameModel() throws {
        let folder = try standardRepository()
        #expect(try CanonicalJSON.encode(scan(folder)) == CanonicalJSON.encode(scan(folder)))
    }
}

extension WorkspaceScannerTests {
    @Test func lowerCaseFolderNamesCountOnlyForKnownPrefixes() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", "## Phase 1\n- [ ] **TN-001** a\n")
        try folder.write("tasks/tn-1-lower/tasks.md", "- [x] a\n")
        try folder.write("tasks/stage-2/AB-005-grouped/tasks.md", "- [ ] b\n")
        let workspace = try scan(folder)
        #expect(workspace.task("TN-001")?.directories == ["tasks/tn-1-lower"])
        #expect(workspace.task("STAGE-002") == nil)
        #expect(workspace.task("AB-005")?.directories == ["tasks/stage-2/AB-005-grouped"])
    }
}
