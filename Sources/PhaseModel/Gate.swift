/// The verdict of a phase's gate (docs/design/scoring.md#gate): each condition with its actual value.
public struct Gate: Codable, Sendable, Equatable {
    public var passed: Bool
    public var conditions: [GateCondition]

    public init(conditions: [GateCondition]) {
        self.conditions = conditions
        self.passed = conditions.allSatisfy(\.passed)
    }
}

/// One gate condition: a figure compared with a threshold.
public struct GateCondition: Codable, Sendable, Equatable {
    /// The condition's config key.
    public var id: GateConditionID
    /// `<=` for a maximum, `>=` for a minimum.
    public var comparison: String
    public var threshold: Double
    /// The phase's figure; `nil` when there is no evidence for it, which fails the condition.
    @Nullable public var actual: Double?
    public var passed: Bool
    /// Open findings about evidence that was not read (`evidence.unreadable`, `.unrecognised`,
    /// `.duplicate`, `.malformed`) that keep this condition from passing whatever `actual` says;
    /// absent when none do. Only conditions on test results and coverage are held this way.
    public var unreadEvidence: Int?

    public init(id: GateConditionID, comparison: String, threshold: Double, actual: Double?, passed: Bool, unreadEvidence: Int? = nil) {
        self.id = id
        self.comparison = comparison
        self.threshold = threshold
        self.actual = actual
        self.passed = passed
        self.unreadEvidence = unreadEvidence
    }
}

/// The certification id of a phase and what it was computed from (docs/design/certification.md#certification-id).
public struct Certification: Codable, Sendable, Equatable {
    /// `<PHASE>-<yyyymmdd>-<completion>PCT-<grade>-<digest8>`.
    public var id: String
    /// HEAD's commit date, `yyyy-MM-dd`; `nil` without git history (the id then says `00000000`).
    @Nullable public var date: String?
    /// SHA-256 over the canonical JSON of the phase's evidence, 64 hex digits.
    public var digest: String

    public init(id: String, date: String?, digest: String) {
        self.id = id
        self.date = date
        self.digest = digest
    }
}
