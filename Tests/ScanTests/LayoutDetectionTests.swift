import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Layouts found by content: each fixture is built at test time (`LayoutFixtures`) and scanned;
/// the layout chosen, its phases and tasks, and the commits given to each task and phase.
@Suite struct LayoutDetectionTests {
    static func scan(_ path: String, configuration: Configuration = Configuration()) throws -> WorkspaceScanner.Outcome {
        try WorkspaceScanner(repository: path, configuration: configuration).scanDetailed()
    }

    static func commits(_ workspace: Workspace) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: workspace.tasks.map { ($0.id, $0.git?.commits ?? -1) })
    }

    static func phaseCommits(_ workspace: Workspace) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: workspace.phases.map { ($0.id, $0.git?.commits ?? -1) })
    }

    // MARK: Spec Kit

    @Test func specKitFeaturesArePhasesAndTheirTasksAreQualified() throws {
        let repository = try LayoutFixtures.specKit()
        let outcome = try Self.scan(repository.path)
        let workspace = outcome.workspace
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "spec-kit")
        #expect(layout.how == "by content")
        #expect(layout.chosen.files == ["specs/010-auth-login/tasks.md", "specs/015-billing/tasks.md"])
        #expect(layout.chosen.reason.contains("2 feature folders"), "\(layout.chosen.reason)")

        #expect(workspace.phases.map(\.id) == ["010", "015"])
        #expect(workspace.phases.map(\.name) == ["auth login", "billing"])
        #expect(workspace.phases.map(\.folder) == ["specs/010-auth-login", "specs/015-billing"])
        #expect(workspace.phases.map(\.tasks) == [
            ["010/T001", "010/T002", "010/T003", "010/T004"], ["015/T001", "015/T002", "015/T003"],
        ])
        #expect(workspace.tasks.map(\.id) == [
            "010/T001", "010/T002", "010/T003", "010/T004", "015/T001", "015/T002", "015/T003",
        ])
        #expect(workspace.tasks.map(\.phase) == ["010", "010", "010", "010", "015", "015", "015"])
        #expect(workspace.tasks.map(\.checked) == [true, true, true, false, true, true, false])
        #expect(workspace.task("015/T001")?.title == "Create billing module")
        #expect(workspace.task("010/T002")?.title == "Configure linting")
        // Both features number from T001: qualified ids, so no task is listed twice.
        #expect(!workspace.findings.contains { $0.rule == .masterlistDuplicateTask })
        // Each feature's own "Phase 1: Setup" is not a repository phase listed twice.
        #expect(!workspace.findings.contains { $0.rule == .masterlistDuplicatePhase })
        #expect(workspace.sources.tasksRoot == "specs")
    }

    /// `[P]` (parallel) and `[US1]` (user story) are Spec Kit's markers, not part of a title.
    @Test func specKitMarkersAreNotPartOfTheTitle() throws {
        let repository = try LayoutFixtures.specKit()
        let workspace = try Self.scan(repository.path).workspace
        #expect(workspace.task("010/T001")?.title == "Create project structure in src/auth/")
        #expect(workspace.task("010/T003")?.title == "Implement login endpoint in src/auth/login.py")
        #expect(workspace.task("015/T002")?.title == "Add invoice model")
    }

    @Test func specKitCommitsCountOnlyWhereTheSubjectNamesTheFeature() throws {
        let repository = try LayoutFixtures.specKit()
        let workspace = try Self.scan(repository.path).workspace
        #expect(Self.commits(workspace) == [
            "010/T001": 1, "010/T002": 1, "010/T003": 1, "010/T004": 1,
            // `T001 create the module` names no feature; `F010 and F015: T003` names two.
            "015/T001": 0, "015/T002": 1, "015/T003": 0,
        ])
        // 010: its three task commits, T004's and the one naming both features.
        // 015: feat(015) and the wip commit the merge of `015-billing` brought in, the merge, and
        // the one naming both features.
        #expect(Self.phaseCommits(workspace) == ["010": 4, "015": 4])
        #expect(workspace.phase("015")?.git?.merges == 1)
    }

    /// Two feature folders with one number (`015-auth`, `015-billing`): the second phase is named
    /// by its folder, and so are its tasks, so no id stands for two tasks.
    @Test func twoFeaturesWithOneNumberKeepTheirTasksApart() throws {
        let folder = try TemporaryFolder()
        try folder.write("specs/015-auth/tasks.md", "## Phase 1: Setup\n\n- [x] T001 Create auth\n- [ ] T002 Login\n")
        try folder.write("specs/015-billing/tasks.md", "## Phase 1: Setup\n\n- [x] T001 Create billing\n")
        let outcome = try Self.scan(folder.path)
        #expect(outcome.layout?.chosen.layout == "spec-kit")
        let workspace = outcome.workspace
        #expect(workspace.phases.map(\.id) == ["015", "015-billing"])
        #expect(workspace.phases.map(\.tasks) == [["015/T001", "015/T002"], ["015-billing/T001"]])
        #expect(workspace.tasks.map(\.id) == ["015/T001", "015/T002", "015-billing/T001"])
        #expect(workspace.tasks.map(\.phase) == ["015", "015", "015-billing"])
        #expect(workspace.task("015-billing/T001")?.title == "Create billing")
        #expect(Set(workspace.tasks.map(\.id)).count == workspace.tasks.count)
    }

    // MARK: Kiro

    /// cc-sdd writes Kiro's files outside `.kiro`: a spec is a folder with requirements, design and tasks.
    @Test func aSpecFolderWithRequirementsAndDesignIsKiroAnywhere() throws {
        let folder = try TemporaryFolder()
        for file in ["requirements.md", "design.md"] { try folder.write("docs/specs/search/\(file)", "# \(file)\n") }
        try folder.write("docs/specs/search/tasks.md", "- [x] 1. Index\n- [ ] 2. Query\n")
        let outcome = try Self.scan(folder.path)
        #expect(outcome.layout?.chosen.layout == "kiro")
        #expect(outcome.workspace.phases.map(\.id) == ["search"])
        #expect(outcome.workspace.tasks.map(\.id) == ["search/1", "search/2"])
        #expect(outcome.workspace.tasks.map(\.checked) == [true, false])
    }

    @Test(arguments: [true, false])
    func kiroSpecsArePhasesAndGroupItemsAreDropped(nested: Bool) throws {
        let repository = try LayoutFixtures.kiro(nested: nested)
        let outcome = try Self.scan(repository.path)
        let workspace = outcome.workspace
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "kiro")
        #expect(layout.how == "by content")
        #expect(layout.chosen.files == [".kiro/specs/auth-login/tasks.md", ".kiro/specs/user-profile/tasks.md"])

        #expect(workspace.phases.map(\.id) == ["auth-login", "user-profile"])
        #expect(workspace.phases.map(\.folder) == [".kiro/specs/auth-login", ".kiro/specs/user-profile"])
        #expect(workspace.tasks.map(\.id) == [
            "auth-login/1.1", "auth-login/1.2", "auth-login/2.1", "auth-login/2.2", "auth-login/3",
            "user-profile/1.1", "user-profile/1.2",
        ])
        #expect(workspace.tasks.map(\.checked) == [true, true, true, false, true, false, true])
        #expect(workspace.tasks.map(\.phase) == [
            "auth-login", "auth-login", "auth-login", "auth-login", "auth-login", "user-profile", "user-profile",
        ])
        #expect(workspace.task("auth-login/1.1")?.title == "Create module skeleton")
        #expect(workspace.task("auth-login/3")?.title == "Write the docs")
        #expect(workspace.task("user-profile/1.2")?.title == "Edit the profile")
        // Groups `1.` and `2.` sum their sub-tasks; they are not tasks.
        #expect(workspace.task("auth-login/1") == nil)
        #expect(workspace.task("auth-login/2") == nil)
        #expect(workspace.task("user-profile/1") == nil)
        #expect(!workspace.findings.contains { $0.rule == .masterlistDuplicateTask })
    }

    @Test func kiroCommitsCountWhereTheSubjectNamesTheSpecOrTheNumberIsUnique() throws {
        let repository = try LayoutFixtures.kiro()
        let workspace = try Self.scan(repository.path).workspace
        #expect(Self.commits(workspace) == [
            "auth-login/1.1": 1, "auth-login/1.2": 1, "auth-login/2.1": 1, "auth-login/2.2": 1, "auth-login/3": 0,
            "user-profile/1.1": 0, "user-profile/1.2": 1,
        ])
        // user-profile: the branch commit, its merge, and feat(user-profile); auth-login: its three
        // tasks' commits (the unique "Task 2.2" among them).
        #expect(Self.phaseCommits(workspace) == ["auth-login": 3, "user-profile": 3])
    }

    // MARK: Flat task files

    @Test func flatFilesReadTheIndexTheStateFileAndEachTasksFile() throws {
        let repository = try LayoutFixtures.flatFiles()
        let outcome = try Self.scan(repository.path)
        let workspace = outcome.workspace
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "flat-files")
        #expect(layout.chosen.files == ["docs/tasks/INDEX.md"])
        #expect(layout.chosen.reason.contains("5 task files beside it"), "\(layout.chosen.reason)")

        #expect(workspace.phases.map(\.id) == ["1", "2"])
        #expect(workspace.phases.map(\.name) == ["Foundation", "Features"])
        #expect(workspace.tasks.map(\.id) == ["T-001", "T-002", "T-003", "T-004", "T-005"])
        #expect(workspace.tasks.map(\.title) == ["Project setup", "Config loading", "Search", "Export", "Import"])
        #expect(workspace.tasks.map(\.phase) == ["1", "1", "2", "2", "2"])
        // The state file says T-002 completed and T-003 in progress, whatever the index's boxes say.
        #expect(workspace.tasks.map(\.checked) == [true, true, false, false, false])
        // A task's file is its document; it has no folder, and its criteria are not a checklist.
        let config = try #require(workspace.task("T-002"))
        #expect(config.documents.map(\.path) == ["docs/tasks/T-002-config-loading.md"])
        #expect(config.directories.isEmpty)
        #expect(workspace.sources.masterList == "docs/tasks/INDEX.md")
        #expect(workspace.sources.tasksRoot == "docs/tasks")
    }

    @Test func flatFilesCommitsNameIDsRangesAndPhases() throws {
        let repository = try LayoutFixtures.flatFiles()
        let workspace = try Self.scan(repository.path).workspace
        // `Implement T-002–T-004` names T-003 by its range.
        #expect(Self.commits(workspace) == ["T-001": 1, "T-002": 1, "T-003": 1, "T-004": 1, "T-005": 1])
        // Phase 2: the range commit, `Phase 2: polish search` and T-005's.
        #expect(Self.phaseCommits(workspace) == ["1": 2, "2": 3])
    }

    @Test func anIndexTableWithAStatusColumnGivesTheStates() throws {
        let folder = try TemporaryFolder()
        try folder.write("plan/INDEX.md", """
            # Index

            ## Phase 1: Core

            | Task | Title | Status |
            |------|-------|--------|
            | [T-001](T-001-init.md) | Init | done |
            | [T-002](T-002-parse.md) | Parse | todo |
            | [T-003](T-003-print.md) | Print | ✅ Complete |

            """)
        for name in ["T-001-init", "T-002-parse", "T-003-print"] { try folder.write("plan/\(name).md", "# \(name)\n") }
        let outcome = try Self.scan(folder.path)
        #expect(outcome.layout?.chosen.layout == "flat-files")
        #expect(outcome.workspace.tasks.map(\.id) == ["T-001", "T-002", "T-003"])
        #expect(outcome.workspace.tasks.map(\.title) == ["Init", "Parse", "Print"])
        #expect(outcome.workspace.tasks.map(\.checked) == [true, false, true])
        #expect(outcome.workspace.tasks.map(\.phase) == ["1", "1", "1"])
    }

    // MARK: A master list anywhere

    @Test func aMasterListThreeFoldersDownIsChosenOverAReportAtTheRoot() throws {
        let repository = try LayoutFixtures.masterListAnywhere()
        let outcome = try Self.scan(repository.path)
        let workspace = outcome.workspace
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "master-list")
        #expect(layout.how == "by content")
        #expect(layout.chosen.files == ["docs/plan/v2/ROADMAP.md"])
        #expect(layout.chosen.reason == "2 phases listing 4 tasks")
        // The report names 24 ids under four phases but is never a candidate.
        #expect(!layout.runnersUp.contains { $0.files.contains("PHASE-4-AUDIT-REPORT.md") })
        #expect(workspace.sources.masterList == "docs/plan/v2/ROADMAP.md")

        #expect(workspace.phases.map(\.id) == ["1", "2"])
        #expect(workspace.phases.map(\.name) == ["Foundation", "Storage"])
        #expect(workspace.tasks.map(\.id) == ["TN-001", "TN-002", "TN-003", "TN-004"])
        #expect(workspace.tasks.map(\.title) == ["Repository skeleton", "CI pipeline", "Schema migrations", "Backups"])
        #expect(workspace.tasks.map(\.checked) == [true, true, true, false])
        #expect(workspace.tasks.map(\.phase) == ["1", "1", "2", "2"])
        #expect(Self.commits(workspace) == ["TN-001": 1, "TN-002": 1, "TN-003": 1, "TN-004": 1])
        // Phase 2: the range commit and `Phase 2: storage tuning`.
        #expect(Self.phaseCommits(workspace) == ["1": 2, "2": 2])
    }

    @Test func theScanLayoutLineSaysWhyTheListWasChosen() throws {
        let repository = try LayoutFixtures.masterListAnywhere()
        let layout = try #require(try Self.scan(repository.path).layout)
        #expect(layout == LayoutChoice(
            chosen: .init(layout: "master-list", files: ["docs/plan/v2/ROADMAP.md"], reason: "2 phases listing 4 tasks"),
            how: "by content", runnersUp: []))
    }

    @Test func aReportIsNeverChosenEvenWhenItIsTheOnlyList() throws {
        let folder = try TemporaryFolder()
        try folder.write("PHASE-4-AUDIT-REPORT.md", LayoutFixtures.auditReport)
        let outcome = try Self.scan(folder.path)
        #expect(outcome.layout?.chosen.layout == "reports-only")
        #expect(outcome.workspace.tasks.isEmpty)
    }

    @Test func aRoadmapNumberedZeroPointOneIsAMasterList() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("docs/ROADMAP.md", """
            # Roadmap

            ## Phase 0: Bootstrap

            - [x] **0.1** Repository
            - [x] **0.2** Build

            ## Phase 1: Engine

            - [ ] **1.1** Parser
            - [x] **1.2** Printer

            """)
        try repository.commit("Phase 1: engine work")
        let outcome = try Self.scan(repository.path)
        #expect(outcome.layout?.chosen.layout == "master-list")
        let workspace = outcome.workspace
        #expect(workspace.phases.map(\.id) == ["0", "1"])
        #expect(workspace.tasks.map(\.id) == ["0.1", "0.2", "1.1", "1.2"])
        #expect(workspace.tasks.map(\.title) == ["Repository", "Build", "Parser", "Printer"])
        #expect(workspace.tasks.map(\.checked) == [true, true, false, true])
        #expect(Self.phaseCommits(workspace) == ["0": 0, "1": 1])
    }

    // MARK: A feature registry

    @Test func aFeatureRegistryWithoutPhasesReadsStatesFromItsStatusColumn() throws {
        let repository = try LayoutFixtures.featureRegistry()
        let outcome = try Self.scan(repository.path)
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "master-list")
        #expect(layout.chosen.files == ["docs/FEATURES.md"])
        #expect(layout.chosen.reason == "3 tasks listed, no phases")
        let workspace = outcome.workspace
        #expect(workspace.tasks.map(\.id) == ["F001", "F002", "F003"])
        #expect(workspace.tasks.map(\.title) == ["Login", "Search", "Export"])
        // DONE → checked, IN_PROGRESS → not.
        #expect(workspace.tasks.map(\.checked) == [true, false, true])
        // Without phase headings the registry is the repository's one scope.
        #expect(workspace.phases.map(\.id) == ["repository"])
        #expect(workspace.phases.first?.tasks == ["F001", "F002", "F003"])
        #expect(workspace.tasks.allSatisfy { $0.phase == "repository" })
        #expect(Self.commits(workspace) == ["F001": 0, "F002": 1, "F003": 0])
    }

    // MARK: Configuration

    @Test func tasksLayoutInTheConfigurationForcesALayout() throws {
        let repository = try LayoutFixtures.masterListAnywhere()
        try repository.write(".kiro/specs/auth-login/spec.json", "{}\n")
        try repository.write(".kiro/specs/auth-login/tasks.md", LayoutFixtures.kiroAuthTasks(nested: true))
        try repository.commit("Add a Kiro spec")
        // By content the roadmap (a conventional name) holds the most.
        #expect(try Self.scan(repository.path).layout?.chosen.layout == "master-list")

        let configuration = try ConfigurationLoader.load(yaml: "tasks:\n  layout: kiro\n", file: "phasecert.yml")
        #expect(configuration.tasks.layout == "kiro")
        let outcome = try Self.scan(repository.path, configuration: configuration)
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "kiro")
        #expect(layout.how == "configured")
        #expect(outcome.workspace.phases.map(\.id) == ["auth-login"])
        #expect(outcome.workspace.tasks.map(\.id) == [
            "auth-login/1.1", "auth-login/1.2", "auth-login/2.1", "auth-login/2.2", "auth-login/3",
        ])
    }

    @Test func anUnknownLayoutNameIsAConfigurationError() throws {
        #expect(throws: (any Error).self) {
            try ConfigurationLoader.load(yaml: "tasks:\n  layout: jira\n", file: "phasecert.yml")
        }
    }

    @Test func aForcedLayoutThatFindsNothingFallsBackToOneScope() throws {
        let repository = try LayoutFixtures.flatFiles()
        let configuration = try ConfigurationLoader.load(yaml: "tasks:\n  layout: spec-kit\n", file: "phasecert.yml")
        let outcome = try Self.scan(repository.path, configuration: configuration)
        #expect(outcome.layout?.chosen.layout == "reports-only")
        #expect(outcome.layout?.how == "configured")
        #expect(outcome.workspace.phases.map(\.id) == ["repository"])
    }

    // MARK: Reports only

    @Test func aRepositoryWithOnlyReportsIsOneScope() throws {
        let repository = try LayoutFixtures.reportsOnly()
        let outcome = try Self.scan(repository.path)
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "reports-only")
        #expect(layout.chosen.files.isEmpty)
        let workspace = outcome.workspace
        #expect(workspace.phases.map(\.id) == ["repository"])
        #expect(workspace.tasks.isEmpty)
        #expect(workspace.sources.masterList == nil)
        // The report's claims belong to the one scope.
        #expect(!workspace.claims.isEmpty)
        #expect(workspace.claims.allSatisfy { $0.phase == "repository" || $0.task != nil })
        #expect(workspace.git?.commits == 2)
    }

    // MARK: Classic

    @Test func theConventionalTasksFileIsStillChosenAndReadAsBefore() throws {
        let repository = try LayoutFixtures.classic()
        let outcome = try Self.scan(repository.path)
        let layout = try #require(outcome.layout)
        #expect(layout.chosen.layout == "master-list")
        #expect(layout.how == "conventional")
        #expect(layout.chosen.files == ["tasks/TASKS.md"])
        let workspace = outcome.workspace
        #expect(workspace.phases.map(\.id) == ["1"])
        #expect(workspace.tasks.map(\.id) == ["TN-001", "TN-002"])
        #expect(workspace.task("TN-001")?.directories == ["tasks/TN-001-parser"])
        #expect(Self.commits(workspace) == ["TN-001": 1, "TN-002": 0])
        // The classic layout's phases take their figures from their tasks: no `git` of their own.
        #expect(workspace.phases.allSatisfy { $0.git == nil })
    }

    /// This repository's own plan: `tasks/TASKS.md` with `PC-` task folders.
    @Test func thisRepositorysOwnPlanIsReadInTheClassicLayout() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        try #require(FileManager.default.fileExists(atPath: root + "/tasks/TASKS.md"))
        let configuration = try ConfigurationLoader.load(fileAt: root + "/phasecert.yml", displayPath: "phasecert.yml")
        let (workspace, layout) = try WorkspaceScanner(repository: root, configuration: configuration).scanPlan()
        #expect(layout.chosen.layout == "master-list")
        #expect(layout.how == "conventional")
        #expect(layout.chosen.files == ["tasks/TASKS.md"])
        #expect(workspace.sources.masterList == "tasks/TASKS.md")
        #expect(workspace.sources.tasksRoot == "tasks")
        #expect(workspace.tasks.first?.id == "PC-001")
        #expect(workspace.tasks.allSatisfy { $0.id.hasPrefix("PC-") })
        #expect(workspace.phases.first?.id == "1")
    }
}
