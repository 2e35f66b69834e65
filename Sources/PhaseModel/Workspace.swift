/// Everything phasecert knows about one repository: the phase model of docs/design/model.md#workspace.
public struct Workspace: Codable, Sendable, Equatable {
    /// Version of the JSON shape; bumped only when a field is removed or changes meaning.
    public static let currentSchemaVersion = 1

    /// Most failing tests kept in `testFailures`; the counts always include all of them.
    public static let testFailureLimit = 500

    public var schemaVersion: Int
    /// Which inputs the model was read from.
    public var sources: Sources
    /// The git history read; `nil` when the work tree is not a git repository.
    @Nullable public var git: HistorySummary?
    /// Test outcomes over the whole workspace; `nil` when no result file was found and no test is defined.
    @Nullable public var tests: WorkspaceTests?
    /// Line coverage over every file the coverage reports list; `nil` without a coverage report.
    @Nullable public var coverage: CoverageSummary?
    /// Helm validation per chart, in chart order.
    public var helm: [ChartValidation]
    /// Evidence files read, by path.
    public var evidence: [EvidenceFileRecord]
    /// Tests that failed or errored, in file order (at most `testFailureLimit`).
    public var testFailures: [TestFailure]
    /// Phases in master-list order; by id for `phase(_:)`.
    @Indexed<[Phase], [String: Int]> public var phases: [Phase]
    /// Tasks in phase order, then tasks no phase lists, by id; by id for `task(_:)`.
    @Indexed<[TaskRecord], [String: [Int]]> public var tasks: [TaskRecord]
    /// By task and phase for `findings(of:)`, and by rule for `unreadEvidenceFindings`.
    @Indexed<[Finding], FindingIndex> public var findings: [Finding]
    /// `TODO`/`FIXME`/`XXX`/`HACK` comments in source files that name a known task.
    public var stubMarkers: [StubMarker]
    /// Figures extracted from text and checked against evidence; by task and phase for `claims(of:)`.
    @Indexed<[Claim], OwnerIndex> public var claims: [Claim]
    /// Text that carries claims, kept verbatim with its source for extraction; by task and phase
    /// for `claimTexts(of:)`.
    @Indexed<[ClaimText], OwnerIndex> public var claimTexts: [ClaimText]
    /// How many claims a scan for some phases alone found but did not keep (`claims` holds theirs
    /// and those on their lines); not written to JSON. `claimsFound` counts them.
    public var claimsNotKept = 0

    /// Every claim the scan found, kept in `claims` or not: what reports count over all phases.
    public var claimsFound: Int { claims.count + claimsNotKept }

    /// The members in the order the canonical JSON writes them (by the bytes of their names), so
    /// that the writer need not reorder the whole model, hundreds of megabytes on a large plan.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case claimTexts, claims, coverage, evidence, findings, git, helm, phases, schemaVersion, sources, stubMarkers, tasks
        case testFailures, tests
    }

    public init(
        sources: Sources, git: HistorySummary? = nil, tests: WorkspaceTests? = nil, phases: [Phase], tasks: [TaskRecord],
        findings: [Finding], claims: [Claim] = [], claimTexts: [ClaimText] = []
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.sources = sources
        self.git = git
        self.tests = tests
        self.coverage = nil
        self.helm = []
        self.evidence = []
        self.testFailures = []
        self.phases = phases
        self.tasks = tasks
        self.findings = findings
        self.stubMarkers = []
        self.claims = claims
        self.claimTexts = claimTexts
    }

    /// The task with this canonical id; the first one when the id is listed twice.
    public func task(_ id: String) -> TaskRecord? {
        taskPositions[id].map { tasks[$0[0]] }
    }

    /// The phase with this id; the first one when the id is used twice.
    public func phase(_ id: String) -> Phase? {
        _phases.table { phases in
            var positions: [String: Int] = [:]
            for (position, phase) in phases.enumerated() where positions[phase.id] == nil { positions[phase.id] = position }
            return positions
        }[id].map { phases[$0] }
    }

    /// Where each task id stands in `tasks`, in order.
    var taskPositions: [String: [Int]] {
        _tasks.table { tasks in
            var positions: [String: [Int]] = [:]
            for (position, task) in tasks.enumerated() { positions[task.id, default: []].append(position) }
            return positions
        }
    }

    /// Where the findings of each task and phase stand in `findings`.
    var findingOwners: OwnerIndex { _findings.table(FindingIndex.init).owners }

    /// The findings about evidence files that were not read whole (`FindingRule.unreadEvidence`),
    /// in workspace order: every phase's report names them, and finding them among all findings
    /// for each report was most of writing a large plan's reports.
    public var unreadEvidenceFindings: [Finding] {
        _findings.table(FindingIndex.init).unreadEvidence.map { findings[$0] }
    }

    /// The tables of `findings`: by owner, and where the unread-evidence findings stand.
    public struct FindingIndex: Sendable {
        let owners: OwnerIndex
        /// Positions of the unread-evidence findings, ascending.
        let unreadEvidence: [Int]

        init(_ findings: [Finding]) {
            owners = OwnerIndex(findings.map { ($0.task, $0.phase) })
            unreadEvidence = findings.indices.filter { FindingRule.unreadEvidence.contains(findings[$0].rule) }
        }
    }

    /// Where the claims of each task and phase stand in `claims`.
    var claimOwners: OwnerIndex { _claims.table { OwnerIndex($0.map { ($0.task, $0.phase) }) } }

    /// Where the claim texts of each task and phase stand in `claimTexts`.
    var claimTextOwners: OwnerIndex { _claimTexts.table { OwnerIndex($0.map { ($0.task, $0.phase) }) } }

    /// The inputs a workspace was read from, as repository-relative paths.
    public struct Sources: Codable, Sendable, Equatable {
        /// The tasks folder.
        public var tasksRoot: String
        /// The master list, when one was found.
        @Nullable public var masterList: String?
        /// The configuration file, when one was read.
        @Nullable public var config: String?

        public init(tasksRoot: String, masterList: String?, config: String?) {
            self.tasksRoot = tasksRoot
            self.masterList = masterList
            self.config = config
        }
    }
}
