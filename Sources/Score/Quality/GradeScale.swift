import PhaseModel

/// Grades from quality (docs/design/scoring.md#grade-scale), with the caps open findings put on them.
public struct GradeScale: Sendable {
    /// Best grade first, each with the lowest quality that earns it.
    public let steps: [Configuration.GradeStep]

    /// The grade an open critical finding caps at: the best one needing no more than this.
    public static let criticalCapQuality = 60.0
    /// The grade an open major finding caps at: the best one needing no more than this.
    public static let majorCapQuality = 83.0

    public init(steps: [Configuration.GradeStep]) {
        self.steps = steps
    }

    /// The grade `quality` earns; the worst grade when it is below every minimum.
    public func grade(for quality: Double) -> String? {
        steps.first { quality >= $0.minimum }?.grade ?? steps.last?.grade
    }

    /// The grade `quality` earns, capped by the worst severity among `findings`: an open critical
    /// finding caps at D, a major one at B (on the default scale).
    public func grade(for quality: Double, findings: FindingCounts) -> (grade: String?, cappedBy: Severity?) {
        let earned = grade(for: quality)
        let cap: (Double, Severity)? =
            findings.critical > 0 ? (Self.criticalCapQuality, .critical)
            : findings.major > 0 ? (Self.majorCapQuality, .major) : nil
        guard let (limit, severity) = cap, quality > limit, let capped = steps.first(where: { $0.minimum <= limit }) else {
            return (earned, nil)
        }
        guard let earnedIndex = steps.firstIndex(where: { $0.grade == earned }),
            let cappedIndex = steps.firstIndex(where: { $0.grade == capped.grade }), earnedIndex < cappedIndex
        else { return (earned, nil) }
        return (capped.grade, severity)
    }
}
