import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Task folders are listed on another core while the master list is read, before the list's id
/// prefixes are known (`ClassicMasterList.reading`).
struct TaskFolderListingTests {
    func scan(_ folder: TemporaryFolder) throws -> Workspace {
        try WorkspaceScanner(repository: folder.path, configuration: Configuration()).scan()
    }

    /// Folders are listed while the master list is read, before its prefixes are known: a folder
    /// whose lower-case prefix only the list vouches for is still a task folder, one whose prefix
    /// nothing vouches for is not.
    @Test func aLowerCaseFolderIsATaskFolderWhenTheMasterListUsesItsPrefix() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", "# Tasks\n## Phase 1: Core\n- [x] **TN-007** Parser\n- [ ] **TN-008** Lexer\n")
        try folder.write("tasks/tn-007-parser/tasks.md", "- [x] grammar\n- [ ] errors\n")
        try folder.write("tasks/xy-3-notes/readme.md", "not a task\n")
        let workspace = try scan(folder)
        #expect(workspace.tasks.map(\.id) == ["TN-007", "TN-008"])
        #expect(workspace.task("TN-007")?.directories == ["tasks/tn-007-parser"])
        #expect(workspace.task("TN-007")?.checklist?.total == 2)
    }
}
