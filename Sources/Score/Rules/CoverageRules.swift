import PhaseModel

/// `coverage.below-target`: a task whose line coverage is under its target.
///
/// The target is the task's own declared `coverage` target when it has one, else
/// `quality.coverageTarget`; coverage equal to the target meets it.
enum CoverageRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        context.workspace.tasks.compactMap { task in
            guard let coverage = task.coverage, let percent = coverage.percent else { return nil }
            let declared = task.metadata?.targets["coverage"]
            let target = declared ?? context.configuration.quality.coverageTarget
            guard percent < target else { return nil }
            let shown = RuleText.percent(percent, against: target)
            let goal = RuleText.percent(target, against: target)
            let whose = LocalizedText(
                message: declared == nil ? "finding.coverage.below-target.configured" : "finding.coverage.below-target.declared")
            return .rule(
                .coverageBelowTarget, task: task, at: declared == nil ? nil : task.metadata?.source,
                message: LocalizedText(
                    message: "finding.coverage.below-target.message",
                    [
                        "task": .text(task.id), "coverage": .localized(shown), "whose": .localized(whose),
                        "target": .localized(goal), "hit": .count(coverage.linesHit), "found": .count(coverage.linesFound),
                        "files": .count(coverage.files),
                    ]),
                remediation: LocalizedText(message: "finding.coverage.below-target.remediation", ["task": .text(task.id)]))
        }
    }
}
