/// The id of a finding rule, as `Finding.rule` and the JSON write it (`naming.noncanonical`).
///
/// Each case is a rule phasecert raises, listed in `FindingRule.catalog` and worded in the
/// `rule.<id>` keys of the en and ru catalogs. `other` keeps an id this version does not raise, so
/// a `phase.json` or snapshot written by another version still reads; it compares, hashes and
/// encodes by its id like the cases do.
public enum FindingRuleID: Sendable, Hashable, Comparable, CaseIterable, RawRepresentable, Codable, CustomStringConvertible {
    // Evidence of broken work.
    case helmLintFailed, helmRenderFailed, testsFailing, testsNotRun, codeStubMarker, checklistIncomplete,
        coverageBelowTarget, dependencyIncomplete, deliverableMissing, docsMissing, taskNoCommits, taskDeferredItems
    // Names and structure.
    case namingNoncanonical, namingDuplicateID, namingMissingDirectory, namingNoID, masterlistDuplicateTask,
        masterlistDuplicatePhase, masterlistMissing, taskMetadataInvalid
    // Claims.
    case claimContradicted, claimUnverifiable, reportArithmetic, claimExtractionCapped
    // The scan's own inputs.
    case gitHistoryIncomplete, gitObjectUnreadable, evidenceMalformed, evidenceUnreadable, evidenceUnrecognised,
        evidenceFigureUnreadable, evidenceDuplicate, evidenceTestSourceUnreadable, testsUnlinked, helmRunFailed,
        scanUnreadable, scanInvalidUTF8, scanLinkSkipped
    /// An id no case names, read from a saved model.
    case other(String)

    /// Every rule phasecert raises, in catalog order; `other` is not one of them.
    public static let allCases: [FindingRuleID] = [
        .helmLintFailed, .helmRenderFailed, .testsFailing, .testsNotRun, .codeStubMarker, .checklistIncomplete,
        .coverageBelowTarget, .dependencyIncomplete, .deliverableMissing, .docsMissing, .taskNoCommits,
        .taskDeferredItems,
        .namingNoncanonical, .namingDuplicateID, .namingMissingDirectory, .namingNoID, .masterlistDuplicateTask,
        .masterlistDuplicatePhase, .masterlistMissing, .taskMetadataInvalid,
        .claimContradicted, .claimUnverifiable, .reportArithmetic, .claimExtractionCapped,
        .gitHistoryIncomplete, .gitObjectUnreadable, .evidenceMalformed, .evidenceUnreadable, .evidenceUnrecognised,
        .evidenceFigureUnreadable, .evidenceDuplicate, .evidenceTestSourceUnreadable, .testsUnlinked,
        .helmRunFailed, .scanUnreadable, .scanInvalidUTF8, .scanLinkSkipped,
    ]

    /// The cases by id, so that reading thousands of findings does not scan `allCases` each time.
    private static let byRawValue = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The case of `rawValue`, or `other(rawValue)` for an id no case names; never `nil`.
    public init(rawValue: String) {
        self = Self.byRawValue[rawValue] ?? .other(rawValue)
    }

    /// The dotted id.
    public var rawValue: String {
        switch self {
        case .helmLintFailed: "helm.lint-failed"
        case .helmRenderFailed: "helm.render-failed"
        case .testsFailing: "tests.failing"
        case .testsNotRun: "tests.not-run"
        case .codeStubMarker: "code.stub-marker"
        case .checklistIncomplete: "checklist.incomplete"
        case .coverageBelowTarget: "coverage.below-target"
        case .dependencyIncomplete: "dependency.incomplete"
        case .deliverableMissing: "deliverable.missing"
        case .docsMissing: "docs.missing"
        case .taskNoCommits: "task.no-commits"
        case .taskDeferredItems: "task.deferred-items"
        case .namingNoncanonical: "naming.noncanonical"
        case .namingDuplicateID: "naming.duplicate-id"
        case .namingMissingDirectory: "naming.missing-directory"
        case .namingNoID: "naming.no-id"
        case .masterlistDuplicateTask: "masterlist.duplicate-task"
        case .masterlistDuplicatePhase: "masterlist.duplicate-phase"
        case .masterlistMissing: "masterlist.missing"
        case .taskMetadataInvalid: "task.metadata-invalid"
        case .claimContradicted: "claim.contradicted"
        case .claimUnverifiable: "claim.unverifiable"
        case .reportArithmetic: "report.arithmetic"
        case .claimExtractionCapped: "claim.extraction-capped"
        case .gitHistoryIncomplete: "git.history-incomplete"
        case .gitObjectUnreadable: "git.object-unreadable"
        case .evidenceMalformed: "evidence.malformed"
        case .evidenceUnreadable: "evidence.unreadable"
        case .evidenceUnrecognised: "evidence.unrecognised"
        case .evidenceFigureUnreadable: "evidence.figure-unreadable"
        case .evidenceDuplicate: "evidence.duplicate"
        case .evidenceTestSourceUnreadable: "evidence.test-source-unreadable"
        case .testsUnlinked: "tests.unlinked"
        case .helmRunFailed: "helm.run-failed"
        case .scanUnreadable: "scan.unreadable"
        case .scanInvalidUTF8: "scan.invalid-utf8"
        case .scanLinkSkipped: "scan.link-skipped"
        case let .other(id): id
        }
    }

    public var description: String { rawValue }

    // By id, so that `other("tests.failing")` is `testsFailing` and the order is the ids' order,
    // the order findings were listed in when the rule was a string.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
