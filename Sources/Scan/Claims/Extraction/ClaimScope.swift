import PhaseModel

/// The task and phase a claim speaks of.
public struct ClaimScope: Sendable, Equatable, Hashable {
    /// Canonical task id.
    public var task: String?
    /// Phase id as written in the master list (`13`, `14.6`).
    public var phase: String?

    public init(task: String? = nil, phase: String? = nil) {
        self.task = task
        self.phase = phase
    }
}

/// What the workspace knows that decides a claim's scope: its tasks with their phases and
/// folders, and its phases.
struct ClaimScopeIndex: Sendable {
    /// Canonical ids of the tasks the workspace has.
    let tasks: Set<String>
    /// Phase of each task that a phase lists.
    let phaseOfTask: [String: String]
    let phases: Set<String>
    /// The task of each task folder; where two tasks have the same folder, the first listed.
    let folders: [String: String]

    init(tasks: [TaskRecord], phases: [Phase]) {
        var phaseOfTask: [String: String] = [:]
        var folders: [String: String] = [:]
        for task in tasks {
            if let phase = task.phase { phaseOfTask[task.id] = phase }
            for directory in task.directories where folders[directory] == nil { folders[directory] = task.id }
        }
        self.tasks = Set(tasks.map(\.id))
        self.phaseOfTask = phaseOfTask
        self.phases = Set(phases.map(\.id))
        self.folders = folders
    }

    /// The scope of a task, with its own phase, else the phase around it.
    func scope(task: String, around: ClaimScope) -> ClaimScope {
        ClaimScope(task: task, phase: phaseOfTask[task] ?? around.phase)
    }

    /// The task whose folder holds `path`, if any: the innermost such folder's. Each folder
    /// `path` lies in is looked up, longest first, rather than every folder tried against `path`.
    func task(holding path: String) -> String? {
        var end = path.endIndex
        while let slash = path[..<end].lastIndex(of: "/") {
            if let task = folders[String(path[..<slash])] { return task }
            end = slash
        }
        return nil
    }

    /// The one phase that every known task of `ids` belongs to, when they are at least two
    /// (`Phase 6 (T-066 to T-078)`): a heading or line that names a phase's tasks speaks of that
    /// phase. A phase number alone is no evidence, since a document may number its own phases.
    func onlyPhase(ofTasks ids: [String]) -> String? {
        let known = Set(ids.filter(tasks.contains))
        guard known.count >= 2 else { return nil }
        let phases = Set(known.map { phaseOfTask[$0] })
        guard phases.count == 1, let phase = phases.first ?? nil else { return nil }
        return phase
    }

    /// The one known task `ids` names; `nil` when it names none or several.
    func onlyKnownTask(_ ids: [String]) -> String? {
        let known = ids.filter(tasks.contains)
        return known.count == 1 ? known[0] : nil
    }
}
