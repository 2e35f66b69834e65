import Foundation
import PhaseModel
import PhasecertKit
import Scan
import TaskNaming
import Testing
import TestSupport

/// `FolderNames`: task folder names checked when the layout has task folders, and no check when
/// it has none.
struct FolderNamesTests {
    @Test func aMasterListWithTaskFoldersIsChecked() throws {
        let fixture = try PipelineFixture()
        try FileManager.default.moveItem(atPath: fixture.path + "/tasks/TN-002-writer", toPath: fixture.path + "/tasks/TN-002-Writer-150pct")
        let names = try FolderNames.check(repository: fixture.path, configuration: Configuration(), configurationFile: nil)
        #expect(names.layout == "master-list")
        let report = try #require(names.report)
        #expect(report.violations.map(\.finding.rule).contains(.namingNoncanonical))
    }

    @Test func flatTaskFilesHaveNoFoldersToCheck() throws {
        let repository = try LayoutFixtures.flatFiles()
        let names = try FolderNames.check(repository: repository.path, configuration: Configuration(), configurationFile: nil)
        #expect(names.report == nil)
    }
}
