import PhaseModel

/// Everything one task's completion report is made from, taken out of the report input, and
/// nothing more: `TaskView` is built from this alone (`ReportSource`).
struct TaskReportSource: ReportSource {
    static let kind = "task-report"
    static let version = 1

    var task: TaskRecord
    /// The name of the task's phase, when the workspace has that phase and it has a name.
    var phaseName: String?
    /// The certification id of the task's phase, when it has one.
    var certificationID: String?
    var tool: ToolVersion
    /// The task's commits and the files they changed; `nil` for no history evidence.
    var history: TaskHistory?
    /// The declared dependencies, in id order, with what the report shows of each.
    var dependencies: [Dependency]
    /// The findings about the task, in the order the report lists them.
    var findings: [Finding]

    /// A dependency as the report shows it: its title and completion, or unknown.
    struct Dependency: Codable, Sendable {
        var id: String
        var known: Bool
        var title: String?
        var completion: Double?
    }

    /// The source of the report of the task `taskID` in `input`.
    /// - Throws: `UnknownSubjectError` when the workspace has no such task.
    init(task taskID: String, input: ReportInput) throws {
        let workspace = input.workspace
        guard let task = workspace.task(taskID) else {
            throw UnknownSubjectError(kind: "task", id: taskID, known: workspace.tasks.map(\.id))
        }
        self.task = task
        let phase = task.phase.flatMap(workspace.phase)
        phaseName = phase?.name
        certificationID = phase?.certification?.id
        tool = input.tool
        history = input.histories[task.id]
        dependencies = (task.metadata?.dependencies ?? []).sorted().map { id in
            guard let other = workspace.task(id) else { return Dependency(id: id, known: false) }
            return Dependency(id: id, known: true, title: other.title, completion: other.completion)
        }
        findings = workspace.findings(ofTask: task.id).sorted(by: Finding.listOrder)
    }
}
