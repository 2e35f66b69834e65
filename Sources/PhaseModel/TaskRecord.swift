/// A task as the evidence shows it: its master-list entry, its folders and what they hold.
///
/// Named `TaskRecord` because `Task` is Swift's concurrency type.
public struct TaskRecord: Codable, Sendable, Equatable {
    /// Canonical id, zero-padded as configured (`TN-099`).
    public var id: String
    /// Title from the master list, else derived from the folder slug; `nil` when neither exists.
    @Nullable public var title: String?
    /// Id of the phase that lists the task; `nil` when no master-list entry names it.
    @Nullable public var phase: String?
    /// The master-list line that lists the task.
    @Nullable public var source: Provenance?
    /// Task folders for this id, relative to the repository root, sorted.
    public var directories: [String]
    /// The master-list checkbox; `nil` when the entry has none or there is no entry.
    @Nullable public var checked: Bool?
    /// The checklist of the task's tasks.md; `nil` when there is none.
    @Nullable public var checklist: Checklist?
    public var documents: [Document]
    @Nullable public var metadata: TaskMetadata?
    @Nullable public var git: GitSummary?
    /// Test results linked to the task and tests defined in its test files; `nil` when there are neither.
    @Nullable public var tests: TestEvidence?
    /// Line coverage of the files the task's commits touched; `nil` when no coverage report covers them.
    @Nullable public var coverage: CoverageSummary?
    /// Helm status of the charts the task's commits touched; `nil` when it touched none with Helm evidence.
    @Nullable public var helm: [ChartStatusReference]?
    /// Completion in [0, 1] (docs/design/scoring.md#completion); `nil` until scored or without evidence.
    @Nullable public var completion: Double?
    /// Weighted quality in [0, cap] (docs/design/scoring.md#task-quality); `nil` when no sub-score has evidence.
    @Nullable public var quality: Double?
    /// How `quality` was computed; `nil` until scored.
    @Nullable public var qualityDetail: QualityDetail?
    /// Grade from `quality`, capped by the task's open critical or major findings.
    @Nullable public var grade: String?
    /// Delivered against the task's declared targets, separate from quality; `nil` until scored.
    @Nullable public var targets: [TargetAchievement]?
    /// The task's findings by severity; `nil` until scored.
    @Nullable public var findings: FindingCounts?
    /// Folders and documents of the task that could not be read; absent when everything was. With no
    /// checklist read, the task's completion is then unknown rather than taken from the master list.
    public var unread: [String]?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the thousands of them it writes.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case checked, checklist, completion, coverage, directories, documents, findings, git, grade, helm, id
        case metadata, phase, quality, qualityDetail, source, targets, tests, title, unread
    }

    public init(
        id: String, title: String? = nil, phase: String? = nil, source: Provenance? = nil,
        directories: [String] = [], checked: Bool? = nil, checklist: Checklist? = nil,
        documents: [Document] = [], metadata: TaskMetadata? = nil
    ) {
        self.id = id
        self.title = title
        self.phase = phase
        self.source = source
        self.directories = directories
        self.checked = checked
        self.checklist = checklist
        self.documents = documents
        self.metadata = metadata
    }
}
