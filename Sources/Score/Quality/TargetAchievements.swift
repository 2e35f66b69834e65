import PhaseModel

/// Delivered against declared targets (`task.yml` `targets:`), kept apart from quality: a
/// target may be exceeded, and 150% of a target is not 150% quality.
public enum TargetAchievements {
    /// Target names phasecert can measure, and what measures them.
    public static let measures: [String: @Sendable (TaskRecord) -> Double?] = [
        "coverage": { $0.coverage?.percent },
        "tests": { $0.tests.map { Double($0.passed) } },
        "testsDefined": { $0.tests?.defined.map(Double.init) },
        "commits": { $0.git.map { Double($0.commits) } },
        // A lower bound is no measure of whether a target was met.
        "linesAdded": { $0.git.flatMap { $0.linesAreAtLeast ? nil : Double($0.linesAdded) } },
        "documents": { Double($0.documents.count) },
        "checklist": { $0.checklist.map { Double($0.checked) } },
    ]

    /// One achievement per declared target, by name; targets nothing measures have no delivered figure.
    public static func of(_ task: TaskRecord) -> [TargetAchievement] {
        (task.metadata?.targets ?? [:]).sorted { $0.key < $1.key }.map { name, target in
            TargetAchievement(name: name, target: target, delivered: measures[name]?(task))
        }
    }
}
