import Foundation
import PhaseModel
import PhasecertKit
import Scan
import Testing
import TestSupport

/// `Pipeline.reportInput`: each task of the phases asked gets its own history, worked out for
/// several tasks at once, never another task's.
struct ReportInputHistoriesTests {
    @Test func everyTaskOfThePhasesAskedHasItsOwnCommits() throws {
        let repository = try GitRepositoryBuilder()
        let first = (1...6).map { String(format: "TN-%03d", $0) }
        let second = (7...9).map { String(format: "TN-%03d", $0) }
        let list = "# Tasks\n\n## Phase 1: Core\n\n" + first.map { "- [x] **\($0)** Part\n" }.joined()
            + "\n## Phase 2: Output\n\n" + second.map { "- [ ] **\($0)** Part\n" }.joined()
            + "\n## Phase 3: Later\n\n- [ ] **TN-010** Part\n"
        try repository.write("tasks/TASKS.md", list)
        try repository.commit("chore: master list", date: "2025-12-01T09:00:00+00:00")
        // Task n gets n commits, each its own file, so no two histories are alike.
        for (number, task) in (first + second + ["TN-010"]).enumerated() {
            for step in 0...number {
                try repository.write("src/\(task)-\(step).py", String(repeating: "x = 1\n", count: step + 1))
                try repository.commit("\(task): step \(step)", date: String(format: "2025-12-02T10:%02d:%02d+00:00", number, step))
            }
        }
        let pipeline = Pipeline(source: ScanSource(repository: repository.path), configuration: .init())
        let assessment = pipeline.assess(try pipeline.scan())
        let input = pipeline.reportInput(assessment, phases: ["1", "2"])

        #expect(Set(input.histories.keys) == Set(first + second))
        for (number, task) in (first + second).enumerated() {
            let history = try #require(input.histories[task])
            #expect(history.commits.map(\.subject) == (0...number).reversed().map { "\(task): step \($0)" })
            #expect(history.files.map(\.path) == (0...number).map { "src/\(task)-\($0).py" }.sorted())
        }
    }
}
