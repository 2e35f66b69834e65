import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport
@testable import TaskNaming

/// Every folder under the tasks root against `<ID>-<slug>`: each problem kind, and what `--fix` may rename.
struct NameCheckTests {
    /// A repository of `files`, scanned and checked; the folder lives as long as the result.
    struct Checked {
        let folder: TemporaryFolder
        let report: NameReport

        func violation(_ kind: NameViolation.Kind, _ path: String) -> NameViolation? {
            report.violations.first { $0.kind == kind && ($0.path == path || $0.id == path) }
        }
    }

    static let masterList = """
        # Tasks

        ## Phase 1: Core

        - [x] **TN-099** Redis StatefulSet
        - [ ] **TN-098** X
        - [ ] **TN-040** Config loader
        - [ ] **TN-058** Y
        - [ ] **TN-077** Cache layer

        """

    func check(_ files: [String: String], folders: [String] = [], configuration: Configuration = Configuration()) throws -> Checked {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        for path in folders { try folder.makeFolder(path) }
        let workspace = try WorkspaceScanner(repository: folder.path, configuration: configuration).scan()
        let report = try NameCheck(configuration: configuration).check(workspace, tree: RepositoryTree(root: folder.path))
        return Checked(folder: folder, report: report)
    }

    func standard(configuration: Configuration = Configuration()) throws -> Checked {
        try check([
            "tasks/TASKS.md": Self.masterList,
            "tasks/README.md": "A file under the root is not a folder.\n",
            "tasks/TN-99-redis-statefulset/requirements.md": "# Redis\n",
            "tasks/TN-098-x/tasks.md": "- [ ] a\n",
            "tasks/TN-98-x/tasks.md": "- [ ] b\n",
            "tasks/TN-040/tasks.md": "- [ ] c\n",
            "tasks/TN-058-y-150pct/tasks.md": "- [ ] d\n",
            "tasks/notes/todo.txt": "x\n",
        ], configuration: configuration)
    }

    @Test func everyProblemKindIsReportedWithItsRuleSuggestionAndFixability() throws {
        let checked = try standard()
        let report = checked.report
        #expect(report.violations.map(\.kind) == [.noncanonical, .noncanonical, .noncanonical, .noncanonical, .duplicateID, .noID, .missingDirectory])
        #expect(report.violations.map(\.rule) == [
            .namingNoncanonical, .namingNoncanonical, .namingNoncanonical, .namingNoncanonical, .namingDuplicateID,
            .namingNoID, .namingMissingDirectory,
        ])
        #expect(report.violations.map(\.severity) == [.minor, .minor, .minor, .minor, .major, .minor, .info])

        let redis = try #require(checked.violation(.noncanonical, "tasks/TN-99-redis-statefulset"))
        #expect(redis.id == "TN-099")
        #expect(redis.suggested == "tasks/TN-099-redis-statefulset")
        #expect(redis.rename == FolderRename(from: "tasks/TN-99-redis-statefulset", to: "tasks/TN-099-redis-statefulset"))
        #expect(redis.notRenamedBecause == nil)
        #expect(redis.problems == [NameProblem(kind: .idSpelling, text: "the id is written TN-99, not TN-099")])
        #expect(redis.finding.message.en.hasSuffix("Expected tasks/TN-099-redis-statefulset."))

        let duplicateSpelling = try #require(checked.violation(.noncanonical, "tasks/TN-98-x"))
        #expect(duplicateSpelling.rename == nil)
        #expect(duplicateSpelling.notRenamedBecause == "TN-098 has 2 folders; a duplicate is reported, not merged")

        let noSlug = try #require(checked.violation(.noncanonical, "tasks/TN-040"))
        #expect(noSlug.suggested == "tasks/TN-040-config-loader")
        #expect(noSlug.problems.map(\.kind) == [.noSlug])
        #expect(noSlug.rename == nil)
        #expect(noSlug.notRenamedBecause == "it has no slug; choose one by hand")

        let suffix = try #require(checked.violation(.noncanonical, "tasks/TN-058-y-150pct"))
        #expect(suffix.suggested == "tasks/TN-058-y")
        #expect(suffix.problems.map(\.kind) == [.statusSuffix])
        #expect(suffix.rename == nil)
        #expect(suffix.notRenamedBecause?.hasPrefix("the suffix -150pct states a status") == true)

        let duplicate = try #require(checked.violation(.duplicateID, "tasks/TN-098-x"))
        #expect(duplicate.id == "TN-098")
        #expect(duplicate.folders == ["tasks/TN-098-x", "tasks/TN-98-x"])
        #expect(duplicate.suggested == "tasks/TN-098-x")
        #expect(duplicate.rename == nil)

        let noID = try #require(checked.violation(.noID, "tasks/notes"))
        #expect(noID.id == nil && noID.suggested == nil && noID.finding.task == nil)
        #expect(noID.finding.file == "tasks/notes")
        #expect(noID.finding.message.en == "Folder tasks/notes under tasks/ holds no task: its name does not start with a task id and no task folder is inside it.")

        let missing = try #require(checked.violation(.missingDirectory, "TN-077"))
        #expect(missing.path == nil && missing.folders.isEmpty)
        #expect(missing.suggested == "tasks/TN-077-cache-layer")
        #expect(missing.finding.file == "tasks/TASKS.md" && missing.finding.line == 9)

        #expect(report.fails)
        #expect(report.counts == [.major: 1, .minor: 5, .info: 1])
        #expect(report.renames == [FolderRename(from: "tasks/TN-99-redis-statefulset", to: "tasks/TN-099-redis-statefulset")])
    }

    @Test func anAllowedSuffixIsCanonical() throws {
        var configuration = Configuration()
        configuration.tasks.allowedSuffixes = ["-150pct"]
        let checked = try standard(configuration: configuration)
        #expect(checked.violation(.noncanonical, "tasks/TN-058-y-150pct") == nil)
        #expect(checked.report.violations.count == 6)
    }

    @Test func groupingFoldersAreLegitimateAndFoldersWithoutTasksAreNot() throws {
        let checked = try check([
            "tasks/phase-1/TN-001-parser/tasks.md": "- [ ] a\n",
            "tasks/phase-1/notes/a.txt": "x\n",
            "tasks/phase-2/backend/TN-2-Api_Server/tasks.md": "- [ ] b\n",
            "tasks/.obsidian/config.json": "{}\n",
        ], folders: ["tasks/empty", "tasks/phase-2/backend/old"])
        #expect(checked.report.violations.map(\.kind) == [.noncanonical, .noID, .noID, .noID])
        #expect(checked.report.violations.compactMap(\.path) == [
            "tasks/phase-2/backend/TN-2-Api_Server", "tasks/empty", "tasks/phase-1/notes", "tasks/phase-2/backend/old",
        ])
        let nested = try #require(checked.report.violations.first)
        #expect(nested.problems.map(\.kind) == [.idSpelling, .slugNotKebab])
        #expect(nested.rename == FolderRename(from: "tasks/phase-2/backend/TN-2-Api_Server", to: "tasks/phase-2/backend/TN-002-api-server"))
    }

    @Test func aConfiguredWidthOfFourPadsToFourDigits() throws {
        var configuration = Configuration()
        configuration.tasks.idWidth = 4
        let checked = try check([
            "tasks/TN-0099-redis/tasks.md": "- [ ] a\n",
            "tasks/TN-012-cache/tasks.md": "- [ ] b\n",
            "tasks/TN-12345-wide/tasks.md": "- [ ] c\n",
        ], configuration: configuration)
        #expect(checked.report.violations.map(\.path) == ["tasks/TN-012-cache"])
        #expect(checked.report.renames == [FolderRename(from: "tasks/TN-012-cache", to: "tasks/TN-0012-cache")])
        #expect(checked.report.violations.first?.problems.first?.text == "the id is written TN-012, not TN-0012")
    }

    @Test func anExistingTargetOrALinkedFolderIsNotRenamed() throws {
        let checked = try check([
            "tasks/TN-7-x/tasks.md": "- [ ] a\n",
            "tasks/TN-007-x": "a file where the folder should go\n",
            "elsewhere/TN-8-y/tasks.md": "- [ ] b\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: checked.folder.path + "/tasks/TN-8-y", withDestinationPath: checked.folder.path + "/elsewhere/TN-8-y")
        let relinked = try NameCheck(configuration: Configuration()).check(
            try WorkspaceScanner(repository: checked.folder.path).scan(), tree: RepositoryTree(root: checked.folder.path))
        let blocked = relinked.violations.filter { $0.kind == .noncanonical }
        #expect(blocked.map(\.path) == ["tasks/TN-7-x", "tasks/TN-8-y"])
        #expect(blocked.map(\.notRenamedBecause) == ["tasks/TN-007-x already exists", "it is a symbolic link"])
        #expect(relinked.renames.isEmpty)
    }

    @Test func ruleOverridesChangeSeveritiesAndSwitchRulesOff() throws {
        var configuration = Configuration()
        let off: Severity? = nil
        configuration.rules = ["naming.noncanonical": .major, "naming.duplicate-id": off, "naming.missing-directory": .minor]
        let checked = try standard(configuration: configuration)
        #expect(!checked.report.violations.contains { $0.kind == .duplicateID })
        #expect(checked.report.violations.filter { $0.kind == .noncanonical }.allSatisfy { $0.severity == .major })
        #expect(checked.violation(.missingDirectory, "TN-077")?.severity == .minor)
    }

    @Test func onlyInfoDoesNotFailAndACleanTreeReportsNothing() throws {
        let checked = try check(["tasks/TASKS.md": "## Phase 1: Core\n\n- [ ] **TN-001** Parser\n- [ ] **TN-002** Lexer\n", "tasks/TN-001-parser/tasks.md": "- [ ] a\n"])
        #expect(checked.report.violations.map(\.kind) == [.missingDirectory])
        #expect(!checked.report.fails)
        let clean = try check(["tasks/TN-001-parser/tasks.md": "- [ ] a\n"])
        #expect(clean.report.violations.isEmpty)
        #expect(NameCheckText.report(clean.report) == "Every folder under tasks/ is named canonically.\n")
    }

    @Test func removingDoneRenamesLeavesTheOtherViolations() throws {
        let report = try standard().report
        let after = report.removing(renamed: report.renames)
        #expect(after.violations.count == report.violations.count - 1)
        #expect(!after.violations.contains { $0.path == "tasks/TN-99-redis-statefulset" })
    }
}
