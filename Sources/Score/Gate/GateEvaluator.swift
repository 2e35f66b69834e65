import PhaseModel

/// Decides a phase's gate (docs/design/scoring.md#gate) from the configured conditions.
///
/// A condition whose figure has no evidence (no executed tests for a pass rate, no coverage
/// report, no quality) fails: a phase is never certified on a figure nobody measured.
public struct GateEvaluator: Sendable {
    public let gate: Configuration.Gate

    /// Slack for comparing computed percentages, so 28 of 28 thirds still reach 100.
    static let epsilon = 1e-9

    public init(gate: Configuration.Gate) {
        self.gate = gate
    }

    /// The verdict for `phase`, whose `findings`, `quality`, `tests` and `coverage` are set.
    ///
    /// `unreadEvidence` counts open findings about result files that were not read whole: such a file
    /// may hold a failing test, so with `failOnUnreadEvidence` the conditions on test results and
    /// coverage fail while any is open, however good the figures read so far look.
    public func evaluate(_ phase: Phase, unreadEvidence: Int = 0) -> Gate {
        let held = gate.failOnUnreadEvidence && unreadEvidence > 0 ? unreadEvidence : nil
        var conditions: [GateCondition] = []
        func atMost(_ id: GateConditionID, _ threshold: Int?, _ actual: Int?) {
            guard let threshold else { return }
            let value = actual.map(Double.init)
            conditions.append(GateCondition(
                id: id, comparison: "<=", threshold: Double(threshold), actual: value,
                passed: value.map { $0 <= Double(threshold) } ?? false))
        }
        func atLeast(_ id: GateConditionID, _ threshold: Double?, _ actual: Double?, heldBy unread: Int? = nil) {
            guard let threshold else { return }
            conditions.append(GateCondition(
                id: id, comparison: ">=", threshold: threshold, actual: actual,
                passed: unread == nil && (actual.map { $0 + Self.epsilon >= threshold } ?? false),
                unreadEvidence: unread))
        }
        atMost(.maxCritical, gate.maxCritical, phase.findings?.critical)
        atMost(.maxMajor, gate.maxMajor, phase.findings?.major)
        atLeast(.minCompletion, gate.minCompletion, phase.completion?.percent)
        atLeast(.minQuality, gate.minQuality, phase.quality)
        atLeast(.minTestPassRate, gate.minTestPassRate, Self.passRate(phase.tests), heldBy: held)
        atLeast(.minCoverage, gate.minCoverage, phase.coverage?.percent, heldBy: held)
        return Gate(conditions: conditions)
    }

    /// passed / (passed + failed + errored) in percent; `nil` when no test was decided.
    public static func passRate(_ tests: TestEvidence?) -> Double? {
        guard let tests else { return nil }
        let decided = tests.passed + tests.failed + tests.errored
        return decided > 0 ? Double(tests.passed) / Double(decided) * 100 : nil
    }
}
