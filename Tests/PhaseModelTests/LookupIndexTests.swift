import Foundation
import PhaseModel
import Testing
import TestSupport

/// `Workspace.task(_:)`, `Workspace.phase(_:)` and `Phase.owns(task:phase:)` look up in tables
/// built from the model: they must give what a scan of the arrays gives, after any change.
@Suite("Lookup indices")
struct LookupIndexTests {
    private static let source = Provenance.file("tasks/TASKS.md", line: 1)

    private func workspace(tasks: [TaskRecord], phases: [Phase] = []) -> Workspace {
        Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil), phases: phases,
            tasks: tasks, findings: [])
    }

    private func phase(_ id: String, tasks: [String], name: String? = nil) -> Phase {
        Phase(id: id, name: name, source: Self.source, tasks: tasks)
    }

    /// What `task(_:)` answered before it had an index.
    private func linearTask(_ id: String, in workspace: Workspace) -> TaskRecord? {
        workspace.tasks.first { $0.id == id }
    }

    @Test("A task is found by id, the first of two with one id, and nothing for an unknown id")
    func taskByID() {
        let tasks = [
            TaskRecord(id: "TN-001", title: "first"), TaskRecord(id: "TN-002", title: "second"),
            TaskRecord(id: "TN-001", title: "listed again"), TaskRecord(id: "TN-003"),
        ]
        let model = workspace(tasks: tasks)
        for id in ["TN-001", "TN-002", "TN-003", "TN-004", "", "tn-001"] {
            #expect(model.task(id) == linearTask(id, in: model), "\(id)")
        }
        #expect(model.task("TN-001")?.title == "first")
        #expect(model.task("TN-004") == nil)
    }

    @Test("A phase is found by id, the first of two with one id")
    func phaseByID() {
        let model = workspace(
            tasks: [], phases: [phase("1", tasks: [], name: "one"), phase("2", tasks: []), phase("1", tasks: [], name: "again")])
        #expect(model.phase("1")?.name == "one")
        #expect(model.phase("2")?.id == "2")
        #expect(model.phase("3") == nil)
        #expect(model.phase("1.0") == nil)
    }

    @Test("Lookups see every change to the tasks: appended, removed, renamed in place, replaced")
    func tasksChanged() {
        var model = workspace(tasks: [TaskRecord(id: "TN-001"), TaskRecord(id: "TN-002")])
        #expect(model.task("TN-002") != nil)
        model.tasks.append(TaskRecord(id: "TN-003", title: "new"))
        #expect(model.task("TN-003")?.title == "new")
        model.tasks[0].id = "TN-010"
        #expect(model.task("TN-001") == nil)
        #expect(model.task("TN-010") != nil)
        model.tasks[1].title = "retitled"
        #expect(model.task("TN-002")?.title == "retitled")
        model.tasks.removeFirst()
        #expect(model.task("TN-010") == nil)
        #expect(model.task("TN-003")?.title == "new")
        // A duplicate added in front now comes first.
        model.tasks.insert(TaskRecord(id: "TN-003", title: "in front"), at: 0)
        #expect(model.task("TN-003")?.title == "in front")
        model.tasks = [TaskRecord(id: "TN-100")]
        #expect(model.task("TN-003") == nil)
        #expect(model.task("TN-100") != nil)
    }

    @Test("Lookups see every change to the phases, and to a phase's tasks in place")
    func phasesChanged() {
        var model = workspace(tasks: [], phases: [phase("1", tasks: ["TN-001"])])
        #expect(model.phase("1")?.owns(task: "TN-001", phase: nil) == true)
        model.phases[0].tasks.append("TN-002")
        #expect(model.phase("1")?.owns(task: "TN-002", phase: nil) == true)
        model.phases[0].id = "7"
        #expect(model.phase("1") == nil)
        #expect(model.phase("7")?.tasks == ["TN-001", "TN-002"])
        model.phases.append(phase("8", tasks: []))
        #expect(model.phase("8") != nil)
    }

    @Test("A copy keeps its own answers when the original changes")
    func copiesAreValues() {
        var original = workspace(tasks: [TaskRecord(id: "TN-001", title: "kept")])
        let copy = original
        #expect(copy.task("TN-001")?.title == "kept")
        original.tasks[0].title = "changed"
        #expect(copy.task("TN-001")?.title == "kept")
        #expect(original.task("TN-001")?.title == "changed")

        var phase = phase("1", tasks: ["TN-001"])
        let before = phase
        #expect(before.owns(task: "TN-001", phase: nil))
        phase.tasks = ["TN-002"]
        #expect(before.owns(task: "TN-001", phase: nil))
        #expect(!phase.owns(task: "TN-001", phase: nil))
        #expect(phase.owns(task: "TN-002", phase: nil))
    }

    @Test("Phase.owns answers as membership of its task list; a phase id decides only without a task")
    func ownsAsBefore() {
        let listed = ["TN-001", "TN-002", "TN-001", "TN-010"]
        let phase = phase("13", tasks: listed)
        for task in ["TN-001", "TN-002", "TN-010", "TN-003", "", "TN-1"] {
            for claimedPhase in [nil, "13", "14"] as [String?] {
                #expect(
                    phase.owns(task: task, phase: claimedPhase) == listed.contains(task),
                    "task \(task), phase \(claimedPhase ?? "nil")")
            }
        }
        #expect(phase.owns(task: nil, phase: "13"))
        #expect(!phase.owns(task: nil, phase: "14"))
        #expect(!phase.owns(task: nil, phase: nil))
        #expect(!Phase(id: "2", name: nil, source: Self.source, tasks: []).owns(task: "TN-001", phase: "2"))
    }

    @Test("Lookups from many threads at once give the same answers as a scan")
    func concurrentLookups() {
        let tasks = (0..<2_000).map { TaskRecord(id: String(format: "TN-%04d", $0 % 1_500), title: "\($0)") }
        let model = workspace(tasks: tasks, phases: [phase("1", tasks: tasks.map(\.id))])
        let wrong = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { slice in
            for number in stride(from: slice, to: 1_600, by: 8) {
                let id = String(format: "TN-%04d", number)
                if model.task(id) != linearTask(id, in: model) { wrong.add() }
                if model.phases[0].owns(task: id, phase: nil) != (number < 1_500) { wrong.add() }
            }
        }
        #expect(wrong.value == 0)
    }

    @Test("The indices are no part of the JSON or of equality")
    func modelBytesUnchanged() throws {
        let fresh = SampleWorkspace.populated
        let used = SampleWorkspace.populated
        _ = used.task("TN-099")
        _ = used.phase("13")
        _ = used.phases[0].owns(task: "TN-099", phase: nil)
        #expect(fresh == used)
        let bytes = try CanonicalJSON.encode(fresh)
        #expect(try CanonicalJSON.encode(used) == bytes)
        let decoded = try CanonicalJSON.decode(Workspace.self, from: bytes)
        #expect(decoded == fresh)
        #expect(try CanonicalJSON.encode(decoded) == bytes)
        #expect(decoded.task("TN-099") == fresh.task("TN-099"))

        let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.first?["tasks"] as? [String] == ["TN-099", "TN-100"])
        #expect(Set(phases.first?.keys.map { $0 } ?? []) == [
            "id", "name", "source", "tasks", "completion", "tests", "coverage", "helm", "quality", "qualityTasks",
            "grade", "findings", "gate", "certification",
        ])
        #expect((object["tasks"] as? [[String: Any]])?.first?["id"] as? String == "TN-099")
    }

    /// Counts from several threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }
}
