/// A rule of the findings catalog: its stable id, default severity and a one-line title.
///
/// The id is what config overrides (`rules:` in phasecert.yml), SARIF and CI scripts refer
/// to, so it never changes once published.
public struct FindingRule: Sendable, Equatable, Hashable {
    public var id: FindingRuleID
    public var severity: Severity
    public var title: LocalizedText

    public init(_ id: FindingRuleID, _ severity: Severity, title: LocalizedText) {
        self.id = id
        self.severity = severity
        self.title = title
    }

    public static func == (lhs: FindingRule, rhs: FindingRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rule with this id, if the catalog has it.
    public static func named(_ id: FindingRuleID) -> FindingRule? { byID[id] }

    /// The catalog by id, the first rule of an id winning as a search of the catalog finds it:
    /// every claim's finding looks its rule up, and searching the catalog for each was
    /// about a two-hundredth of a cold scan's main process.
    private static let byID = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Rules of findings about evidence that was not read, or not read whole; while one is open, gate
    /// conditions on test results and coverage do not pass (`gate.failOnUnreadEvidence`).
    public static let unreadEvidence: Set<FindingRuleID> = [.evidenceUnreadable, .evidenceUnrecognised, .evidenceDuplicate, .evidenceMalformed]

    /// Rules of the findings claim verdicts raise: what `audit` reports as findings.
    public static let claimVerdicts: Set<FindingRuleID> = [.claimContradicted, .deliverableMissing, .claimUnverifiable, .reportArithmetic]

    /// How many files the open unread-evidence findings among `findings` name (a malformed file can
    /// have several findings).
    public static func unreadEvidenceFiles(in findings: [Finding]) -> Int {
        var files = Set<String>()
        for finding in findings where unreadEvidence.contains(finding.rule) { files.insert(finding.file ?? finding.rule.rawValue) }
        return files.count
    }

    /// Every rule phasecert raises, in catalog order.
    public static let catalog: [FindingRule] = [
        // Evidence of broken work.
        .init(.helmLintFailed, .critical, title: LocalizedText(message: "about.helm.lint-failed.title")),
        .init(.helmRenderFailed, .critical, title: LocalizedText(message: "about.helm.render-failed.title")),
        .init(.testsFailing, .critical, title: LocalizedText(message: "about.tests.failing.title")),
        .init(.testsNotRun, .major, title: LocalizedText(message: "about.tests.not-run.title")),
        .init(.codeStubMarker, .major, title: LocalizedText(message: "about.code.stub-marker.title")),
        .init(.checklistIncomplete, .major, title: LocalizedText(message: "about.checklist.incomplete.title")),
        .init(.coverageBelowTarget, .major, title: LocalizedText(message: "about.coverage.below-target.title")),
        .init(.dependencyIncomplete, .major, title: LocalizedText(message: "about.dependency.incomplete.title")),
        .init(.deliverableMissing, .major, title: LocalizedText(message: "about.deliverable.missing.title")),
        .init(.docsMissing, .minor, title: LocalizedText(message: "about.docs.missing.title")),
        .init(.taskNoCommits, .minor, title: LocalizedText(message: "about.task.no-commits.title")),
        .init(.taskDeferredItems, .minor, title: LocalizedText(message: "about.task.deferred-items.title")),
        // Names and structure.
        .init(.namingNoncanonical, .minor, title: LocalizedText(message: "about.naming.noncanonical.title")),
        .init(.namingDuplicateID, .major, title: LocalizedText(message: "about.naming.duplicate-id.title")),
        .init(.namingMissingDirectory, .info, title: LocalizedText(message: "about.naming.missing-directory.title")),
        .init(.namingNoID, .minor, title: LocalizedText(message: "about.naming.no-id.title")),
        .init(.masterlistDuplicateTask, .major, title: LocalizedText(message: "about.masterlist.duplicate-task.title")),
        .init(.masterlistDuplicatePhase, .minor, title: LocalizedText(message: "about.masterlist.duplicate-phase.title")),
        .init(.masterlistMissing, .info, title: LocalizedText(message: "about.masterlist.missing.title")),
        .init(.taskMetadataInvalid, .minor, title: LocalizedText(message: "about.task.metadata-invalid.title")),
        // Claims.
        .init(.claimContradicted, .major, title: LocalizedText(message: "about.claim.contradicted.title")),
        .init(.claimUnverifiable, .info, title: LocalizedText(message: "about.claim.unverifiable.title")),
        .init(.reportArithmetic, .minor, title: LocalizedText(message: "about.report.arithmetic.title")),
        .init(.claimExtractionCapped, .major, title: LocalizedText(message: "about.claim.extraction-capped.title")),
        // The scan's own inputs.
        .init(.gitHistoryIncomplete, .info, title: LocalizedText(message: "about.git.history-incomplete.title")),
        .init(.gitObjectUnreadable, .minor, title: LocalizedText(message: "about.git.object-unreadable.title")),
        .init(.evidenceMalformed, .major, title: LocalizedText(message: "about.evidence.malformed.title")),
        .init(.evidenceUnreadable, .major, title: LocalizedText(message: "about.evidence.unreadable.title")),
        .init(.evidenceUnrecognised, .major, title: LocalizedText(message: "about.evidence.unrecognised.title")),
        .init(.evidenceFigureUnreadable, .minor, title: LocalizedText(message: "about.evidence.figure-unreadable.title")),
        .init(.evidenceDuplicate, .major, title: LocalizedText(message: "about.evidence.duplicate.title")),
        .init(.evidenceTestSourceUnreadable, .minor, title: LocalizedText(message: "about.evidence.test-source-unreadable.title")),
        .init(.testsUnlinked, .info, title: LocalizedText(message: "about.tests.unlinked.title")),
        .init(.helmRunFailed, .major, title: LocalizedText(message: "about.helm.run-failed.title")),
        .init(.scanUnreadable, .minor, title: LocalizedText(message: "about.scan.unreadable.title")),
        .init(.scanInvalidUTF8, .info, title: LocalizedText(message: "about.scan.invalid-utf8.title")),
        .init(.scanLinkSkipped, .info, title: LocalizedText(message: "about.scan.link-skipped.title")),
    ]
}
