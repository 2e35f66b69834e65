import PhaseModel

/// Whether a recorded certification still holds for the repository as it is now, and when it
/// does not, what changed (`phasecert verify`).
///
/// A certification holds when the evidence digest recomputed from the repository equals the
/// recorded one and the recorded file still gives that digest itself, so a `phase.json` edited
/// by hand does not pass. HEAD's date is part of the id but not of the digest: a later commit
/// that touches nothing of the phase leaves the certification holding.
///
/// When it does not hold, at least one list says why: the tasks, figures, findings and claims
/// that differ, and every other difference of the evidence the digest covers.
public struct CertificationCheck: Sendable, Equatable {
    /// The phase the record certifies.
    public var phase: String
    /// The certification the record states.
    public var recorded: Certification
    /// The certification the repository gives now; `nil` when the master list no longer has the phase.
    public var current: Certification?
    /// Whether the record's own content gives the digest it states; false when it was edited
    /// after phasecert wrote it.
    public var recordMatchesDigest: Bool
    /// Tasks the phase lists now and did not then.
    public var addedTasks: [String] = []
    /// Tasks the phase listed then and does not now.
    public var removedTasks: [String] = []
    /// Completion, quality, grade, the gate verdict and each gate condition's value.
    public var phaseFigures: [FigureChange] = []
    /// Per task the phase lists on both sides: completion, checklist, quality, grade, tests,
    /// commits and lines; tasks in the phase's current order, only those with a change.
    public var taskFigures: [TaskChanges] = []
    /// Findings the record does not have, most severe first.
    public var newFindings: [Finding] = []
    /// Findings of the record that are gone, most severe first.
    public var resolvedFindings: [Finding] = []
    /// Claims whose verdict changed, appeared or disappeared, in the current claim order.
    public var claims: [ClaimChange] = []
    /// Every other difference of the evidence the digest covers (documents, claim texts, sources,
    /// dates, …), in evidence order.
    public var otherEvidence: [EvidenceChange] = []

    /// Whether the certification still holds.
    public var holds: Bool { recordMatchesDigest && current?.digest == recorded.digest }

    /// Whether the master list no longer has the phase.
    public var phaseIsGone: Bool { current == nil }

    /// Whether only HEAD's date differs: the evidence is the same, the id's date part is not.
    public var onlyDateDiffers: Bool { holds && current?.date != recorded.date }

    /// Compares `record` with `current`, the assessed workspace of the repository now.
    /// - Parameter recordPath: How the record file is named in output, for the findings comparison.
    public init(record: Record, current workspace: Workspace, recordPath: String) {
        phase = record.phase.id
        recorded = record.certification
        let before = CertificationID.evidence(of: record.phase, in: record.workspace)
        recordMatchesDigest = CertificationID.certify(record.phase, in: record.workspace).digest == record.certification.digest
        guard let now = workspace.phase(phase) else {
            current = nil
            return
        }
        let certification = now.certification ?? CertificationID.certify(now, in: workspace)
        current = certification
        guard !holds else { return }

        let after = CertificationID.evidence(of: now, in: workspace)
        var explained: [[String]] = []
        compareTasks(before: before, after: after, explained: &explained)
        compareFindings(record: record, current: workspace, recordPath: recordPath, explained: &explained)
        claims = ClaimChange.changes(before: before.claims, after: after.claims)
        explained += claims.map { ["claims", EvidenceTree.component(of: $0.claim, in: "claims")] }

        let differences = EvidenceTree.differences(EvidenceTree(encoding: before), EvidenceTree(encoding: after))
        otherEvidence = differences.filter { !EvidenceTree.isExplained($0.path, by: explained) }.map(EvidenceChange.init)
        if otherEvidence.isEmpty, !hasListedChange {
            // The record's own digest was edited (equal evidence always gives an equal digest).
            otherEvidence = [EvidenceChange(path: "digest", before: recorded.digest, after: certification.digest)]
        }
    }

    /// Whether any of the grouped lists (everything but `otherEvidence`) has an entry.
    public var hasListedChange: Bool {
        !addedTasks.isEmpty || !removedTasks.isEmpty || !phaseFigures.isEmpty || !taskFigures.isEmpty || !newFindings.isEmpty
            || !resolvedFindings.isEmpty || !claims.isEmpty
    }

    private mutating func compareTasks(before: CertificationID.Evidence, after: CertificationID.Evidence, explained: inout [[String]]) {
        let then = Set(before.phase.tasks)
        let now = Set(after.phase.tasks)
        addedTasks = after.phase.tasks.filter { !then.contains($0) }
        removedTasks = before.phase.tasks.filter { !now.contains($0) }
        if !addedTasks.isEmpty || !removedTasks.isEmpty || before.phase.tasks != after.phase.tasks {
            explained.append(["phase", "tasks"])
        }
        explained += (addedTasks + removedTasks).map { ["tasks", "[\($0)]"] }

        phaseFigures = FigureChange.phase(before.phase, after.phase)
        let recordedTasks = Dictionary(before.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for task in after.tasks {
            guard let old = recordedTasks[task.id] else { continue }
            let figures = FigureChange.task(old, task)
            if !figures.isEmpty { taskFigures.append(TaskChanges(task: task.id, figures: figures)) }
        }
        explained += phaseFigures.flatMap(\.explains) + taskFigures.flatMap { $0.figures.flatMap(\.explains) }
    }

    private mutating func compareFindings(record: Record, current: Workspace, recordPath: String, explained: inout [[String]]) {
        let comparison = PhaseComparer.compare(
            previous: Snapshot(path: recordPath, workspace: record.workspace), current: current, phase: phase)
        newFindings = comparison.introduced
        resolvedFindings = comparison.resolved
        let changed = newFindings + resolvedFindings
        guard !changed.isEmpty else { return }
        // The severity counts of the phase and of each task follow from the findings listed.
        explained.append(["phase", "findings"])
        explained += Set(changed.compactMap(\.task)).map { ["tasks", "[\($0)]", "findings"] }
        explained += changed.map { ["findings", EvidenceTree.component(of: $0, in: "findings")] }
    }

}

extension CertificationCheck {
    /// The figures of one task that changed.
    public struct TaskChanges: Sendable, Equatable {
        public var task: String
        public var figures: [FigureChange]

        public init(task: String, figures: [FigureChange]) {
            self.task = task
            self.figures = figures
        }
    }

    /// A difference of the evidence that no grouped list accounts for.
    public struct EvidenceChange: Sendable, Equatable {
        /// Where in the evidence: `tasks[TN-001].documents[tasks/TN-001-x/design.md].lines`.
        public var path: String
        /// The value then, as compact JSON; `nil` when it was absent.
        public var before: String?
        /// The value now, as compact JSON; `nil` when it is absent.
        public var after: String?

        public init(path: String, before: String?, after: String?) {
            self.path = path
            self.before = before
            self.after = after
        }

        init(_ difference: EvidenceTree.Difference) {
            self.init(
                path: EvidenceTree.display(difference.path), before: difference.before?.excerpt, after: difference.after?.excerpt)
        }
    }
}
