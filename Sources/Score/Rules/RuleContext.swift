import PhaseModel

/// What every rule family reads: the workspace, the configuration, and lookups built once.
struct RuleContext: Sendable {
    let workspace: Workspace
    let configuration: Configuration
    /// Tasks by canonical id; the first wins if an id repeats.
    let tasks: [String: TaskRecord]

    init(workspace: Workspace, configuration: Configuration) {
        self.workspace = workspace
        self.configuration = configuration
        self.tasks = Dictionary(workspace.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the task is marked complete: its master-list box is checked, or, without a box,
    /// its completion (checklist ratio) is 1.
    static func isMarkedComplete(_ task: TaskRecord) -> Bool {
        task.checked == true || (task.checked == nil && task.completion == 1)
    }

    /// The phase of the task with this id, if the task is known and listed under one.
    func phase(of task: String) -> String? { tasks[task]?.phase }
}
