import PhaseModel

/// Completion of tasks and phases (docs/design/scoring.md#completion).
///
/// A task's completion is its checklist ratio when its tasks.md has task items, else 1 or 0
/// from the master-list checkbox, else unknown; unknown too when part of its folder could not be read. A phase's completion is the sum of its tasks'
/// completions over its task count; a task whose completion is unknown adds nothing to the
/// sum but still counts in the total, so missing evidence never raises the figure.
public enum TaskCompletion {
    /// The completion of one task in [0, 1], or `nil` without evidence.
    public static func of(_ task: TaskRecord) -> Double? {
        if let checklist = task.checklist, checklist.total > 0 {
            return Double(checklist.checked) / Double(checklist.total)
        }
        // The checklist may be in what could not be read; the master-list box alone would raise the figure.
        if task.unread != nil { return nil }
        return task.checked.map { $0 ? 1 : 0 }
    }

    /// The workspace with `completion` set on every task and phase.
    public static func assess(_ workspace: Workspace) -> Workspace {
        var result = workspace
        for index in result.tasks.indices {
            result.tasks[index].completion = of(result.tasks[index])
        }
        let byID = Dictionary(result.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in result.phases.indices {
            let ids = result.phases[index].tasks
            let done = ids.reduce(0.0) { $0 + (byID[$1]?.completion ?? 0) }
            result.phases[index].completion = Completion(done: done, total: ids.count)
        }
        return result
    }
}
