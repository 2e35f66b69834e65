import PhaseModel
import Testing
@testable import Score

struct TaskCompletionTests {
    func checklist(_ checked: Int, of total: Int) -> Checklist {
        let items = (0..<total).map { ChecklistItem(text: "item \($0)", checked: $0 < checked, line: $0 + 1, depth: 0) }
        return Checklist(file: "tasks/x/tasks.md", sections: [ChecklistSection(title: nil, line: nil, items: items)])
    }

    @Test func theChecklistRatioWinsOverTheCheckbox() {
        let task = TaskRecord(id: "TN-001", checked: true, checklist: checklist(28, of: 30))
        #expect(TaskCompletion.of(task) == 28.0 / 30.0)
    }

    @Test func withoutChecklistItemsTheCheckboxDecides() {
        #expect(TaskCompletion.of(TaskRecord(id: "TN-001", checked: true, checklist: checklist(0, of: 0))) == 1)
        #expect(TaskCompletion.of(TaskRecord(id: "TN-001", checked: false)) == 0)
    }

    @Test func withNeitherThereIsNoEvidence() {
        #expect(TaskCompletion.of(TaskRecord(id: "TN-001")) == nil)
    }

    @Test func phaseCompletionIsTheSumOverTheTaskCount() {
        var tasks = (1...10).map { TaskRecord(id: String(format: "TN-%03d", $0), phase: "13", checked: true) }
        tasks.append(TaskRecord(id: "TN-011", phase: "13", checklist: checklist(1, of: 2)))
        let workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil),
            phases: [Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: tasks.map(\.id))],
            tasks: tasks, findings: []
        )
        let completion = TaskCompletion.assess(workspace).phases[0].completion
        #expect(completion?.done == 10.5)
        #expect(completion?.total == 11)
        #expect(completion?.percent == 10.5 / 11 * 100)
    }

    @Test func aTaskWithoutEvidenceAddsNothingButStillCounts() {
        let tasks = [TaskRecord(id: "TN-001", checked: true), TaskRecord(id: "TN-002")]
        let workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil),
            phases: [Phase(id: "1", name: nil, source: .file("t.md", line: 1), tasks: ["TN-001", "TN-002"])],
            tasks: tasks, findings: []
        )
        let assessed = TaskCompletion.assess(workspace)
        #expect(assessed.phases[0].completion == Completion(done: 1, total: 2))
        #expect(assessed.tasks[1].completion == nil)
    }
}
