import PhaseModel

/// Task quality (docs/design/scoring.md#task-quality): a weighted mean of the sub-scores that have evidence.
///
/// Sub-scores, each in percent:
/// - `checklist`: checked items / items of the task's checklist;
/// - `tests`: passed / (passed + failed + errored) of the results linked to the task;
/// - `coverage`: line coverage / the coverage target (the task's declared `coverage` target,
///   else `quality.coverageTarget`); may exceed 100 before the cap;
/// - `documents`: required documents present and non-trivial / required documents;
/// - `helm`: the mean over the charts the task touched of 100 (passed), 50 (warnings) or 0 (failed).
///
/// A sub-score without evidence is left out and its weight is shared among the others in
/// proportion to their weights; the result is capped at `quality.cap`.
public struct QualityModel: Sendable {
    public let configuration: Configuration

    /// Score of a chart that passed with warnings.
    public static let chartWithWarningsScore = 50.0

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The task's quality (`nil` when no sub-score has evidence) and how it was computed.
    public func quality(of task: TaskRecord) -> (quality: Double?, detail: QualityDetail) {
        let weights = configuration.quality.weights
        let raw: [(SubScoreName, Double, Measure?)] = [
            (.checklist, weights.checklist, checklist(task)),
            (.tests, weights.tests, tests(task)),
            (.coverage, weights.coverage, coverage(task)),
            (.documents, weights.documents, documents(task)),
            (.helm, weights.helm, helm(task)),
        ]
        let evidenced = raw.reduce(0.0) { $0 + ($1.2 == nil ? 0 : $1.1) }
        let subScores = raw.map { name, weight, value in
            SubScore(
                name: name, score: value?.score, weight: weight,
                appliedWeight: value != nil && evidenced > 0 ? weight / evidenced : 0,
                numerator: value?.numerator, denominator: value?.denominator)
        }
        let redistributed = raw.contains { $0.2 == nil && $0.1 > 0 }
        guard evidenced > 0 else {
            return (nil, QualityDetail(subScores: subScores, redistributed: redistributed, uncapped: nil, uncappedGrade: nil, gradeCappedBy: nil))
        }
        let uncapped = subScores.reduce(0.0) { $0 + ($1.score ?? 0) * $1.appliedWeight }
        let quality = min(uncapped, configuration.quality.cap)
        return (quality, QualityDetail(
            subScores: subScores, redistributed: redistributed, uncapped: uncapped, uncappedGrade: nil, gradeCappedBy: nil))
    }

    /// The coverage percentage that scores 100 for this task.
    public func coverageTarget(of task: TaskRecord) -> Double {
        task.metadata?.targets["coverage"] ?? configuration.quality.coverageTarget
    }

    /// A sub-score and the figures behind it.
    private struct Measure {
        var score: Double
        var numerator: Double
        var denominator: Double

        init(score: Double, numerator: Double, denominator: Double) {
            self.score = score
            self.numerator = numerator
            self.denominator = denominator
        }

        init(_ numerator: Double, of denominator: Double) {
            self.init(score: numerator / denominator * 100, numerator: numerator, denominator: denominator)
        }
    }

    private func checklist(_ task: TaskRecord) -> Measure? {
        guard let checklist = task.checklist, checklist.total > 0 else { return nil }
        return Measure(Double(checklist.checked), of: Double(checklist.total))
    }

    private func tests(_ task: TaskRecord) -> Measure? {
        guard let tests = task.tests else { return nil }
        let decided = tests.passed + tests.failed + tests.errored
        guard decided > 0 else { return nil }
        return Measure(Double(tests.passed), of: Double(decided))
    }

    private func coverage(_ task: TaskRecord) -> Measure? {
        guard let percent = task.coverage?.percent else { return nil }
        let target = coverageTarget(of: task)
        guard target > 0 else { return nil }
        return Measure(percent, of: target)
    }

    private func documents(_ task: TaskRecord) -> Measure? {
        let required = configuration.tasks.requiredDocuments
        guard !required.isEmpty, !task.directories.isEmpty else { return nil }
        let good = RequiredDocuments.status(of: task, configuration: configuration.tasks).count { $0.present && $0.nonTrivial }
        return Measure(Double(good), of: Double(required.count))
    }

    private func helm(_ task: TaskRecord) -> Measure? {
        guard let charts = task.helm, !charts.isEmpty else { return nil }
        let total = charts.reduce(0.0) { sum, chart in
            switch chart.status {
            case .passed: sum + 100
            case .warnings: sum + Self.chartWithWarningsScore
            case .failed: sum
            }
        }
        return Measure(score: total / Double(charts.count), numerator: Double(charts.count { $0.status == .passed }), denominator: Double(charts.count))
    }
}
