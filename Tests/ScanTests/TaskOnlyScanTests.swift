import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `WorkspaceScanner.scanTasks`, which `check-names` uses: the master list and the task folders
/// without history, evidence or claims.
struct TaskOnlyScanTests {
    @Test func theTaskOnlyScanReadsTheSameTasksAsTheFullScan() throws {
        let scanner = WorkspaceScannerTests()
        let folder = try scanner.standardRepository()
        let full = try scanner.scan(folder)
        let tasksOnly = try WorkspaceScanner(repository: folder.path).scanTasks()
        // The full scan adds what the history and evidence say; the rest is the same reading.
        let bare = full.tasks.map { task -> TaskRecord in
            var task = task
            task.git = nil
            task.tests = nil
            task.coverage = nil
            task.helm = nil
            return task
        }
        #expect(tasksOnly.tasks == bare)
        #expect(tasksOnly.phases == full.phases)
        #expect(tasksOnly.sources == full.sources)
        #expect(tasksOnly.claims.isEmpty)
        let taskFindings = full.findings.filter { $0.rule.rawValue.hasPrefix("masterlist.") || $0.rule.rawValue.hasPrefix("task.") }
        #expect(tasksOnly.findings == taskFindings)
    }
}
