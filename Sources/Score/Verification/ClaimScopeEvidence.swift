import PhaseModel

/// The evidence a claim is compared with: its task's, else its phase's, else the whole
/// workspace's (docs/design/claims-and-verdicts.md#scope), gathered into one shape so each judge reads one place.
struct ClaimScopeEvidence: Sendable, Equatable {
    /// Whose evidence it is.
    enum Scope: Sendable, Equatable {
        case task(String)
        case phase(String)
        case workspace
    }

    /// Done against total, as a scope counts its progress: a task's checklist items, a
    /// phase's task completions.
    struct Progress: Sendable, Equatable {
        var done: Double
        var total: Double
    }

    var scope: Scope
    /// Whether the workspace has the task or phase the claim names (always true for the workspace).
    var exists: Bool
    /// Executed results and defined tests; `nil` when there are neither.
    var tests: TestEvidence?
    var coverage: CoverageSummary?
    /// Completion in [0, 1]; `nil` without evidence, and always for the workspace, which has none.
    var completion: Double?
    /// `nil` for the workspace and for a task without checklist items.
    var progress: Progress?
    /// Whether the scope is the whole repository (the workspace, or the one phase of a
    /// repository without a plan), whose tests include those of every part a report may speak of.
    var isWholeRepository = false
    /// Author dates of the scope's first and last commits, `yyyy-MM-dd`.
    var firstCommit: String?
    var lastCommit: String?
    /// Whether the repository as a whole has any test, run or defined: when it has, a task or
    /// phase without linked tests says more about how tests are linked than about the work.
    var repositoryHasTests = false
    /// Author date of the repository's first commit, `yyyy-MM-dd`.
    var repositoryFirstCommit: String?

    /// The evidence of the scope `claim` names in `workspace`.
    init(for claim: Claim, in workspace: Workspace) {
        if let id = claim.task {
            self.init(task: id, in: workspace)
        } else if let id = claim.phase {
            self.init(phase: id, in: workspace)
        } else {
            self.init(workspace: workspace)
        }
        repositoryFirstCommit = workspace.git?.first
        if let tests = workspace.tests {
            repositoryHasTests = tests.passed + tests.failed + tests.errored + tests.skipped > 0 || (tests.defined ?? 0) > 0
        }
    }

    private init(task id: String, in workspace: Workspace) {
        scope = .task(id)
        let task = workspace.task(id)
        exists = task != nil
        tests = task?.tests
        coverage = task?.coverage
        completion = task?.completion
        if let checklist = task?.checklist, checklist.total > 0 {
            progress = Progress(done: Double(checklist.checked), total: Double(checklist.total))
        }
        firstCommit = task?.git?.first
        lastCommit = task?.git?.last
    }

    private init(phase id: String, in workspace: Workspace) {
        scope = .phase(id)
        let phase = workspace.phase(id)
        exists = phase != nil
        isWholeRepository = phase?.tasks.isEmpty == true
        tests = phase?.tests
        coverage = phase?.coverage
        // A phase that lists no task (the one scope of a repository without a plan) has nothing
        // to count: "3/3 tasks" there is unverifiable, not contradicted by "0 of 0".
        if let done = phase?.completion, done.total > 0 {
            completion = done.percent.map { $0 / 100 }
            progress = Progress(done: done.done, total: Double(done.total))
        }
        // A phase has no history of its own: its span runs from its tasks' first commit to their last.
        let spans = phase.map { workspace.tasks(of: $0) }?.compactMap(\.git) ?? []
        firstCommit = spans.compactMap(\.first).min()
        lastCommit = spans.compactMap(\.last).max()
    }

    private init(workspace: Workspace) {
        scope = .workspace
        exists = true
        isWholeRepository = true
        tests = workspace.tests.map { TestEvidence($0.counts, defined: $0.defined) }
        coverage = workspace.coverage
        firstCommit = workspace.git?.first
        lastCommit = workspace.git?.last
    }

    /// The scope by name, to follow "of", "for" or "in" in English; in Russian in the
    /// genitive: `TN-201` / `задачи TN-201`, `phase 13` / `фазы 13`.
    var name: LocalizedText {
        switch scope {
        case .task(let id): LocalizedText(message: "note.scope.task", ["task": .text(id)])
        case .phase(let id): LocalizedText(message: "note.scope.phase", ["phase": .text(id)])
        case .workspace: LocalizedText(message: "note.scope.workspace")
        }
    }

    /// Where the test results were counted, to open a sentence: "in results linked to TN-201" /
    /// "в результатах, связанных с задачей TN-201," (the Russian closes its participle clause).
    var results: LocalizedText {
        switch scope {
        case .task(let id): LocalizedText(message: "note.results.task", ["task": .text(id)])
        case .phase(let id): LocalizedText(message: "note.results.phase", ["phase": .text(id)])
        case .workspace: LocalizedText(message: "note.results.workspace")
        }
    }

    /// Why a claim naming a task or phase the workspace lacks cannot be judged.
    var missingNote: LocalizedText {
        switch scope {
        case .task(let id): LocalizedText(message: "note.missing-scope.task", ["task": .text(id)])
        case .phase(let id): LocalizedText(message: "note.missing-scope.phase", ["phase": .text(id)])
        case .workspace: LocalizedText(message: "note.missing-scope.workspace")
        }
    }
}
