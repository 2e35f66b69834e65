/// One input of a task's quality (docs/design/scoring.md#task-quality): a score in [0, 100] from one kind of evidence.
public struct SubScore: Codable, Sendable, Equatable {
    public var name: SubScoreName
    /// The score, or `nil` when the task has no evidence of this kind.
    @Nullable public var score: Double?
    /// The weight configured for this sub-score.
    public var weight: Double
    /// The weight it carried after sub-scores without evidence were left out (0 for those).
    public var appliedWeight: Double
    /// The figures the score was computed from, `28` of `30` for a checklist score of 93.3;
    /// `nil` without evidence.
    @Nullable public var numerator: Double?
    @Nullable public var denominator: Double?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the many it writes (one a task).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case appliedWeight, denominator, name, numerator, score, weight
    }

    public init(name: SubScoreName, score: Double?, weight: Double, appliedWeight: Double, numerator: Double? = nil, denominator: Double? = nil) {
        self.name = name
        self.score = score
        self.weight = weight
        self.appliedWeight = appliedWeight
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// How a task's quality was computed: the sub-scores, and what was redistributed or capped.
public struct QualityDetail: Codable, Sendable, Equatable {
    public var subScores: [SubScore]
    /// Whether some sub-score had no evidence, so its weight went to the others.
    public var redistributed: Bool
    /// The weighted mean before the cap; differs from `quality` only when the cap applied.
    @Nullable public var uncapped: Double?
    /// The grade quality alone earns, before a finding capped it.
    @Nullable public var uncappedGrade: String?
    /// The severity of the open finding that capped the grade, if one did.
    @Nullable public var gradeCappedBy: Severity?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the many it writes (one a task).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case gradeCappedBy, redistributed, subScores, uncapped, uncappedGrade
    }

    public init(subScores: [SubScore], redistributed: Bool, uncapped: Double?, uncappedGrade: String?, gradeCappedBy: Severity?) {
        self.subScores = subScores
        self.redistributed = redistributed
        self.uncapped = uncapped
        self.uncappedGrade = uncappedGrade
        self.gradeCappedBy = gradeCappedBy
    }
}

/// Delivered against a declared target (`task.yml` `targets:`): may exceed 100%, and is
/// never called quality.
public struct TargetAchievement: Codable, Sendable, Equatable {
    /// The target's name as declared (`coverage`, `tests`, …).
    public var name: String
    public var target: Double
    /// What the evidence shows was delivered; `nil` when nothing measures it.
    @Nullable public var delivered: Double?
    /// `delivered / target × 100`, unrounded; `nil` without a delivered figure or for a zero target.
    @Nullable public var percent: Double?

    public init(name: String, target: Double, delivered: Double?) {
        self.name = name
        self.target = target
        self.delivered = delivered
        self.percent = delivered.flatMap { target != 0 ? $0 / target * 100 : nil }
    }
}

/// Open findings counted by severity.
public struct FindingCounts: Codable, Sendable, Equatable {
    public var critical: Int
    public var major: Int
    public var minor: Int
    public var info: Int

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the many it writes (one a task).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case critical, info, major, minor
    }

    public init(critical: Int = 0, major: Int = 0, minor: Int = 0, info: Int = 0) {
        self.critical = critical
        self.major = major
        self.minor = minor
        self.info = info
    }

    public init<S: Sequence>(_ findings: S) where S.Element == Finding {
        self.init()
        for finding in findings { self[finding.severity] += 1 }
    }

    public subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .critical: critical
            case .major: major
            case .minor: minor
            case .info: info
            }
        }
        set {
            switch severity {
            case .critical: critical = newValue
            case .major: major = newValue
            case .minor: minor = newValue
            case .info: info = newValue
            }
        }
    }

    public var total: Int { critical + major + minor + info }
}
