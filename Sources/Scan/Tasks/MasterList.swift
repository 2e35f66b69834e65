import PhaseModel

/// What a master list says: its phases, the tasks each lists, and the claim text around them.
public struct MasterList: Sendable, Equatable {
    /// One task item of the list.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var title: String?
        /// The item's checkbox; `nil` for an item without one.
        public var checked: Bool?
        public var phase: String?
        public var source: Provenance
        /// Tasks an index row says this one depends on (a `Dependencies` column); empty otherwise.
        public var dependencies: [String] = []
    }

    /// Repository-relative path of the list.
    public var file: String
    /// Phases in heading order; each lists its tasks' canonical ids.
    public var phases: [Phase]
    /// Task items in list order, one per id (the first when an id is listed twice).
    public var entries: [Entry]
    public var claimTexts: [ClaimText]
    public var findings: [Finding]

    /// How many phases list at least one task: the measure used to pick a master list.
    public var phasesWithTasks: Int { phases.count { !$0.tasks.isEmpty } }
}
