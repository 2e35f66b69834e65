/// A phase of the master list: a heading and the tasks listed under it.
public struct Phase: Codable, Sendable, Equatable {
    /// The phase's number as written: `13`, `14.6`, `0`.
    public var id: String
    /// The name after the number, decorations removed; `nil` when the heading has none.
    @Nullable public var name: String?
    /// The heading's line in the master list.
    public var source: Provenance
    /// Canonical ids of the tasks listed under the heading, in list order; as a set for
    /// `owns(task:phase:)`, which is asked once per finding and claim.
    @Indexed<[String], Set<String>> public var tasks: [String]
    @Nullable public var completion: Completion?
    /// Test results linked to the phase's tasks, each counted once; `nil` when there are none.
    @Nullable public var tests: TestEvidence?
    /// Line coverage of the files the phase's tasks touched.
    @Nullable public var coverage: CoverageSummary?
    /// Helm status of the charts the phase's tasks touched.
    @Nullable public var helm: [ChartStatusReference]?
    /// Mean quality of the phase's tasks that have one; `nil` when none has.
    @Nullable public var quality: Double?
    /// How many of the phase's tasks had a quality to average.
    @Nullable public var qualityTasks: Int?
    /// Grade from `quality`, capped by the phase's open critical or major findings.
    @Nullable public var grade: String?
    /// The phase's findings by severity (its own and its tasks'); `nil` until scored.
    @Nullable public var findings: FindingCounts?
    @Nullable public var gate: Gate?
    @Nullable public var certification: Certification?
    /// The phase's commits where a layout's phases are named in commits (`Phase 3`, a feature
    /// folder `015-auth`): those naming the phase and those of its tasks. Absent (not `null`)
    /// for the classic master list, whose phases take their figures from their tasks.
    public var git: GitSummary?
    /// The folder of a phase that is a feature (`specs/015-auth`), where a layout has one.
    public var folder: String?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the thousands of them it writes.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case certification, completion, coverage, findings, folder, gate, git, grade, helm, id, name, quality
        case qualityTasks, source, tasks, tests
    }

    public init(id: String, name: String?, source: Provenance, tasks: [String]) {
        self.id = id
        self.name = name
        self.source = source
        self.tasks = tasks
    }
}

extension Phase {
    /// Whether a finding, claim or claim text about `task` and `phase` is about this phase, by the
    /// one rule of `PhaseMembership`: a task decides when there is one (the phase that lists it),
    /// else the phase id does.
    public func owns(task: String?, phase: String?) -> Bool {
        switch PhaseMembership(task: task, phase: phase) {
        case let .task(task): members.contains(task)
        case let .phase(phase): phase == id
        case .none: false
        }
    }

    /// `tasks` as a set, built once per list.
    var members: Set<String> { _tasks.table(Set.init) }
}
