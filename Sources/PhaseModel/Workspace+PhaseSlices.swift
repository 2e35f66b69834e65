extension Workspace {
    /// The tasks `phase` lists that the workspace has, in workspace order: what
    /// `tasks.filter { phase.tasks.contains($0.id) }` gives, without reading every task.
    public func tasks(of phase: Phase) -> [TaskRecord] {
        let positions = taskPositions
        return Self.merged(phase.members.compactMap { positions[$0] }).map { tasks[$0] }
    }

    /// The findings `phase` owns (`Phase.owns(task:phase:)`), in workspace order, without asking
    /// about every finding: reports and digests ask this for each phase in turn.
    public func findings(of phase: Phase) -> [Finding] {
        findingOwners.positions(ownedBy: phase).map { findings[$0] }
    }

    /// The findings any of `phases` owns, each once, in workspace order.
    public func findings(of phases: [Phase]) -> [Finding] {
        findingOwners.positions(ownedByAnyOf: phases).map { findings[$0] }
    }

    /// The findings about the task with this id, in workspace order.
    public func findings(ofTask id: String) -> [Finding] {
        (findingOwners.byTask[id] ?? []).map { findings[$0] }
    }

    /// The claims `phase` owns (`Phase.owns(task:phase:)`), in workspace order.
    public func claims(of phase: Phase) -> [Claim] {
        claimOwners.positions(ownedBy: phase).map { claims[$0] }
    }

    /// The claims any of `phases` owns, each once, in workspace order.
    public func claims(of phases: [Phase]) -> [Claim] {
        claimOwners.positions(ownedByAnyOf: phases).map { claims[$0] }
    }

    /// The positions in `claims` of the claims any of `phases` owns, each once, ascending.
    public func claimPositions(of phases: [Phase]) -> [Int] {
        claimOwners.positions(ownedByAnyOf: phases)
    }

    /// The claim texts `phase` owns (`Phase.owns(task:phase:)`), in workspace order.
    public func claimTexts(of phase: Phase) -> [ClaimText] {
        claimTextOwners.positions(ownedBy: phase).map { claimTexts[$0] }
    }

    /// Ascending position lists, each ascending and no two sharing a position, as one ascending list.
    static func merged(_ lists: [[Int]]) -> [Int] {
        lists.count == 1 ? lists[0] : lists.flatMap { $0 }.sorted()
    }
}

/// Where the findings, claims or claim texts of each task stand, and those of no task by the
/// phase they name: what `PhaseMembership` decides by, so that a phase's share is found from its
/// own tasks rather than by asking `Phase.owns(task:phase:)` about every item.
public struct OwnerIndex: Sendable {
    /// Positions of the items about each task, ascending.
    let byTask: [String: [Int]]
    /// Positions of the items about no task, by the phase they name, ascending.
    let byPhase: [String: [Int]]

    init(_ owners: [(task: String?, phase: String?)]) {
        var byTask: [String: [Int]] = [:]
        var byPhase: [String: [Int]] = [:]
        for (position, owner) in owners.enumerated() {
            switch PhaseMembership(task: owner.task, phase: owner.phase) {
            case let .task(task): byTask[task, default: []].append(position)
            case let .phase(phase): byPhase[phase, default: []].append(position)
            case .none: break
            }
        }
        self.byTask = byTask
        self.byPhase = byPhase
    }

    /// Positions of the items `phase` owns, ascending: those about a task it lists, and those
    /// about no task that name it.
    func positions(ownedBy phase: Phase) -> [Int] {
        var lists = phase.members.compactMap { byTask[$0] }
        if let own = byPhase[phase.id] { lists.append(own) }
        return Workspace.merged(lists)
    }

    /// Positions of the items any of `phases` owns, each once, ascending.
    func positions(ownedByAnyOf phases: [Phase]) -> [Int] {
        Set(phases.flatMap(positions(ownedBy:))).sorted()
    }
}
